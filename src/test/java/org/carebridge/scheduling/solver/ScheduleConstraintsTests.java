package org.carebridge.scheduling.solver;

import static org.carebridge.scheduling.solver.Fixtures.CITY;
import static org.carebridge.scheduling.solver.Fixtures.VILLAGE;
import static org.carebridge.scheduling.solver.Fixtures.appointment;
import static org.carebridge.scheduling.solver.Fixtures.at;
import static org.carebridge.scheduling.solver.Fixtures.cardiologist;
import static org.carebridge.scheduling.solver.Fixtures.doctor;
import static org.carebridge.scheduling.solver.Fixtures.piece;

import java.util.List;
import java.util.Set;

import org.carebridge.scheduling.domain.Appointment;
import org.carebridge.scheduling.domain.Doctor;
import org.carebridge.scheduling.domain.EquipmentPiece;
import org.carebridge.scheduling.domain.Mode;
import org.carebridge.scheduling.domain.Schedule;
import org.carebridge.scheduling.domain.Slot;
import org.carebridge.scheduling.domain.Urgency;
import org.junit.jupiter.api.Test;
import org.optaplanner.test.api.score.stream.ConstraintVerifier;

/** Each constraint of the spec, named like it, once penalising and once not. */
class ScheduleConstraintsTests {

    private final ConstraintVerifier<ScheduleConstraints, Schedule> verifier =
            ConstraintVerifier.build(new ScheduleConstraints(), Schedule.class, Appointment.class);
    private final Doctor cardiologist = cardiologist("D1");

    @Test
    void doctorLacksSpecialty() {
        Doctor dermatologist = doctor("D2", Set.of("DERMATOLOGY"), true, 1800);
        verifier.verifyThat(ScheduleConstraints::doctorLacksSpecialty)
                .given(at(appointment("A1"), dermatologist, 0, "09:00", Mode.IN_PERSON)).penalizesBy(1);
        verifier.verifyThat(ScheduleConstraints::doctorLacksSpecialty)
                .given(at(appointment("A1"), cardiologist, 0, "09:00", Mode.IN_PERSON)).penalizesBy(0);
    }

    @Test
    void modeNotRequested() {
        Appointment onlyInPerson = new Appointment("A1", 99, CITY, "CARDIOLOGY", 30, Urgency.SOON,
                List.of(Mode.IN_PERSON), 0, 1);
        verifier.verifyThat(ScheduleConstraints::modeNotRequested)
                .given(at(onlyInPerson, cardiologist, 0, "09:00", Mode.TELECONSULT)).penalizesBy(1);
        verifier.verifyThat(ScheduleConstraints::modeNotRequested)
                .given(at(appointment("A2"), cardiologist, 0, "09:00", Mode.TELECONSULT)).penalizesBy(0);
    }

    @Test
    void teleconsultByDoctorWithoutTeleconsult() {
        Doctor noVideo = doctor("D2", Set.of("CARDIOLOGY"), false, 1800);
        verifier.verifyThat(ScheduleConstraints::teleconsultByDoctorWithoutTeleconsult)
                .given(at(appointment("A1"), noVideo, 0, "09:00", Mode.TELECONSULT)).penalizesBy(1);
        verifier.verifyThat(ScheduleConstraints::teleconsultByDoctorWithoutTeleconsult)
                .given(at(appointment("A1"), noVideo, 0, "09:00", Mode.IN_PERSON)).penalizesBy(0);
    }

    @Test
    void dayOutsideWindow() {
        verifier.verifyThat(ScheduleConstraints::dayOutsideWindow)
                .given(at(appointment("A1"), cardiologist, 3, "09:00", Mode.IN_PERSON)).penalizesBy(1);
        verifier.verifyThat(ScheduleConstraints::dayOutsideWindow)
                .given(at(appointment("A1"), cardiologist, 2, "09:00", Mode.IN_PERSON)).penalizesBy(0);
    }

    @Test
    void startOffSlotGrid() {
        verifier.verifyThat(ScheduleConstraints::startOffSlotGrid)
                .given(at(appointment("A1"), cardiologist, 0, "09:10", Mode.IN_PERSON)).penalizesBy(1);
        verifier.verifyThat(ScheduleConstraints::startOffSlotGrid)
                .given(at(appointment("A1"), cardiologist, 0, "09:15", Mode.IN_PERSON)).penalizesBy(0);
    }

    @Test
    void outsideDoctorAvailability() {
        verifier.verifyThat(ScheduleConstraints::outsideDoctorAvailability)
                .given(at(appointment("A1"), cardiologist, 0, "11:45", Mode.IN_PERSON)).penalizesBy(40);
        verifier.verifyThat(ScheduleConstraints::outsideDoctorAvailability)
                .given(at(appointment("A1"), cardiologist, 0, "11:30", Mode.IN_PERSON)).penalizesBy(0);
    }

    @Test
    void doctorDoubleBooked() {
        verifier.verifyThat(ScheduleConstraints::doctorDoubleBooked)
                .given(at(appointment("A1"), cardiologist, 0, "09:00", Mode.TELECONSULT),
                        at(appointment("A2"), cardiologist, 0, "09:15", Mode.TELECONSULT))
                .penalizesBy(15);
        verifier.verifyThat(ScheduleConstraints::doctorDoubleBooked)
                .given(at(appointment("A1"), cardiologist, 0, "09:00", Mode.TELECONSULT),
                        at(appointment("A2"), cardiologist, 0, "09:30", Mode.TELECONSULT))
                .penalizesBy(0);
    }

    @Test
    void noTimeToTravel() {
        // 09:00 in the city, then the village (60 minutes away) at 09:45: 45 minutes too early
        verifier.verifyThat(ScheduleConstraints::noTimeToTravel)
                .given(at(appointment("A1"), cardiologist, 0, "09:00", Mode.IN_PERSON),
                        at(appointment("A2", VILLAGE), cardiologist, 0, "09:45", Mode.IN_PERSON))
                .penalizesBy(45);
        // the first visit of the day in the village needs the hour from home after 08:00
        verifier.verifyThat(ScheduleConstraints::noTimeToTravel)
                .given(at(appointment("A2", VILLAGE), cardiologist, 0, "08:30", Mode.IN_PERSON))
                .penalizesBy(30);
        // a teleconsult in between does not move the doctor, so there is time
        verifier.verifyThat(ScheduleConstraints::noTimeToTravel)
                .given(at(appointment("A1", VILLAGE), cardiologist, 0, "09:00", Mode.IN_PERSON),
                        at(appointment("A2"), cardiologist, 0, "09:30", Mode.TELECONSULT),
                        at(appointment("A3", VILLAGE), cardiologist, 0, "10:00", Mode.IN_PERSON))
                .penalizesBy(0);
    }

    @Test
    void doctorOverMaxMinutes() {
        Doctor partTime = doctor("D2", Set.of("CARDIOLOGY"), true, 45);
        verifier.verifyThat(ScheduleConstraints::doctorOverMaxMinutes)
                .given(at(appointment("A1"), partTime, 0, "09:00", Mode.IN_PERSON),
                        at(appointment("A2"), partTime, 1, "09:00", Mode.IN_PERSON))
                .penalizesBy(15);
        verifier.verifyThat(ScheduleConstraints::doctorOverMaxMinutes)
                .given(at(appointment("A1"), partTime, 0, "09:00", Mode.IN_PERSON)).penalizesBy(0);
    }

    @Test
    void equipmentMissing() {
        Appointment echo = appointment("A1");
        echo.setDetails("P1", "ULTRASOUND", null, null);
        verifier.verifyThat(ScheduleConstraints::equipmentMissing)
                .given(at(echo, cardiologist, 0, "09:00", Mode.IN_PERSON)).penalizesBy(1);
        Appointment byVideo = appointment("A2");
        byVideo.setDetails("P1", "ULTRASOUND", null, null);
        verifier.verifyThat(ScheduleConstraints::equipmentMissing)
                .given(at(byVideo, cardiologist, 0, "09:00", Mode.TELECONSULT)).penalizesBy(0);
    }

    @Test
    void fixedEquipmentInAnotherRegion() {
        EquipmentPiece cityScanner = piece("E1", "ULTRASOUND", CITY, false);
        verifier.verifyThat(ScheduleConstraints::fixedEquipmentInAnotherRegion)
                .given(using(at(appointment("A1", VILLAGE), cardiologist, 0, "10:00", Mode.IN_PERSON), cityScanner))
                .penalizesBy(1);
        verifier.verifyThat(ScheduleConstraints::fixedEquipmentInAnotherRegion)
                .given(using(at(appointment("A1"), cardiologist, 0, "10:00", Mode.IN_PERSON), cityScanner))
                .penalizesBy(0);
    }

    @Test
    void mobileEquipmentInTwoRegions() {
        EquipmentPiece portable = piece("E2", "ULTRASOUND", CITY, true);
        Doctor other = cardiologist("D3");
        verifier.verifyThat(ScheduleConstraints::mobileEquipmentInTwoRegions)
                .given(using(at(appointment("A1"), cardiologist, 0, "09:00", Mode.IN_PERSON), portable),
                        using(at(appointment("A2", VILLAGE), other, 0, "11:00", Mode.IN_PERSON), portable))
                .penalizesBy(1);
        verifier.verifyThat(ScheduleConstraints::mobileEquipmentInTwoRegions)
                .given(using(at(appointment("A1"), cardiologist, 0, "09:00", Mode.IN_PERSON), portable),
                        using(at(appointment("A2", VILLAGE), other, 1, "11:00", Mode.IN_PERSON), portable))
                .penalizesBy(0);
    }

    @Test
    void equipmentDoubleBooked() {
        EquipmentPiece scanner = piece("E1", "ULTRASOUND", CITY, false);
        Doctor other = cardiologist("D3");
        verifier.verifyThat(ScheduleConstraints::equipmentDoubleBooked)
                .given(using(at(appointment("A1"), cardiologist, 0, "09:00", Mode.IN_PERSON), scanner),
                        using(at(appointment("A2"), other, 0, "09:00", Mode.IN_PERSON), scanner))
                .penalizesBy(30);
        verifier.verifyThat(ScheduleConstraints::equipmentDoubleBooked)
                .given(using(at(appointment("A1"), cardiologist, 0, "09:00", Mode.IN_PERSON), scanner),
                        using(at(appointment("A2"), other, 0, "09:30", Mode.IN_PERSON), scanner))
                .penalizesBy(0);
    }

    @Test
    void unassignedAppointment() {
        Appointment urgent = new Appointment("A1", 98, CITY, "CARDIOLOGY", 30, Urgency.URGENT, List.of(Mode.IN_PERSON),
                0, 1);
        urgent.setCosts(100, 1200, 30, 20, 1, 0);
        urgent.setStart(new Slot(0, 540));
        verifier.verifyThat(ScheduleConstraints::unassignedAppointment).given(urgent).penalizesBy(100);
        verifier.verifyThat(ScheduleConstraints::unassignedAppointment)
                .given(at(appointment("A2"), cardiologist, 0, "09:00", Mode.IN_PERSON)).penalizesBy(0);
    }

    @Test
    void waiting() {
        Appointment inVillage = appointment("A1", VILLAGE);
        inVillage.setCosts(1, 120, 30, 20, 1, 0); // routine 60, doubled: the village is underserved
        verifier.verifyThat(ScheduleConstraints::waiting)
                .given(at(inVillage, cardiologist, 2, "10:00", Mode.TELECONSULT)).penalizesBy(240);
        verifier.verifyThat(ScheduleConstraints::waiting)
                .given(at(appointment("A2"), cardiologist, 0, "10:00", Mode.TELECONSULT)).penalizesBy(0);
    }

    @Test
    void travel() {
        verifier.verifyThat(ScheduleConstraints::travel)
                .given(at(appointment("A1", VILLAGE), cardiologist, 0, "09:00", Mode.IN_PERSON),
                        at(appointment("A2"), cardiologist, 0, "10:30", Mode.IN_PERSON))
                .penalizesBy(120);
        verifier.verifyThat(ScheduleConstraints::travel)
                .given(at(appointment("A1", VILLAGE), cardiologist, 0, "09:00", Mode.TELECONSULT),
                        at(appointment("A2"), cardiologist, 0, "10:30", Mode.IN_PERSON))
                .penalizesBy(0);
    }

    @Test
    void languageNotSpoken() {
        Appointment yi = appointment("A1");
        yi.setDetails("P1", null, "ii", null);
        verifier.verifyThat(ScheduleConstraints::languageNotSpoken)
                .given(at(yi, cardiologist, 0, "09:00", Mode.IN_PERSON)).penalizesBy(30);
        Appointment mandarin = appointment("A2");
        mandarin.setDetails("P2", null, "zh", null);
        verifier.verifyThat(ScheduleConstraints::languageNotSpoken)
                .given(at(mandarin, cardiologist, 0, "09:00", Mode.IN_PERSON)).penalizesBy(0);
    }

    @Test
    void notThePreferredDoctor() {
        Appointment followUp = appointment("A1");
        followUp.setDetails("P1", null, null, "D9");
        verifier.verifyThat(ScheduleConstraints::notThePreferredDoctor)
                .given(at(followUp, cardiologist, 0, "09:00", Mode.IN_PERSON)).penalizesBy(20);
        Appointment sameDoctor = appointment("A2");
        sameDoctor.setDetails("P1", null, null, "D1");
        verifier.verifyThat(ScheduleConstraints::notThePreferredDoctor)
                .given(at(sameDoctor, cardiologist, 0, "09:00", Mode.IN_PERSON)).penalizesBy(0);
    }

    @Test
    void movedBookedAppointment() {
        Appointment moved = at(appointment("A1"), cardiologist, 1, "09:00", Mode.IN_PERSON);
        moved.setBooking(new Appointment.Booking(cardiologist, new Slot(0, 540), Mode.IN_PERSON, null));
        moved.setDisruptionCost(50);
        verifier.verifyThat(ScheduleConstraints::movedBookedAppointment).given(moved).penalizesBy(50);
        Appointment kept = at(appointment("A2"), cardiologist, 0, "09:00", Mode.IN_PERSON);
        kept.setBooking(new Appointment.Booking(cardiologist, new Slot(0, 540), Mode.IN_PERSON, null));
        kept.setDisruptionCost(50);
        verifier.verifyThat(ScheduleConstraints::movedBookedAppointment).given(kept).penalizesBy(0);
    }

    private static Appointment using(Appointment a, EquipmentPiece piece) {
        a.setDetails("P-" + a.getId(), piece.type(), null, null);
        a.setEquipment(piece);
        return a;
    }
}
