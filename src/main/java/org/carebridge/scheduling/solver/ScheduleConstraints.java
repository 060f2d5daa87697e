package org.carebridge.scheduling.solver;

import static org.optaplanner.core.api.score.stream.ConstraintCollectors.sum;
import static org.optaplanner.core.api.score.stream.ConstraintCollectors.toList;

import java.util.function.Function;

import org.carebridge.scheduling.domain.Appointment;
import org.carebridge.scheduling.domain.Mode;
import org.carebridge.scheduling.domain.Route;
import org.optaplanner.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;
import org.optaplanner.core.api.score.stream.Constraint;
import org.optaplanner.core.api.score.stream.ConstraintFactory;
import org.optaplanner.core.api.score.stream.ConstraintProvider;
import org.optaplanner.core.api.score.stream.Joiners;
import org.optaplanner.core.api.score.stream.bi.BiConstraintStream;
import org.optaplanner.core.api.score.stream.uni.UniConstraintStream;

/**
 * The spec's hard constraints 1–7 (hard), the unassigned appointments weighted by urgency (medium) and the
 * soft terms: waiting (doubled in underserved counties), travel, language and continuity. The weights come
 * from each appointment (copied from the problem's weights), so the score equals the spec's objective with
 * those weights. One extra soft term, "Moved a booked appointment", is zero except while replanning and is
 * reported apart from the objective.
 */
public class ScheduleConstraints implements ConstraintProvider {

    @Override
    public Constraint[] defineConstraints(ConstraintFactory factory) {
        return new Constraint[] {
                doctorLacksSpecialty(factory),
                modeNotRequested(factory),
                teleconsultByDoctorWithoutTeleconsult(factory),
                dayOutsideWindow(factory),
                startOffSlotGrid(factory),
                outsideDoctorAvailability(factory),
                doctorDoubleBooked(factory),
                noTimeToTravel(factory),
                doctorOverMaxMinutes(factory),
                equipmentMissing(factory),
                fixedEquipmentInAnotherRegion(factory),
                mobileEquipmentInTwoRegions(factory),
                equipmentDoubleBooked(factory),
                unassignedAppointment(factory),
                waiting(factory),
                travel(factory),
                languageNotSpoken(factory),
                notThePreferredDoctor(factory),
                movedBookedAppointment(factory)
        };
    }

    /** Appointments with a doctor; the other variables of these are always set. */
    private static UniConstraintStream<Appointment> assigned(ConstraintFactory factory) {
        return factory.forEachIncludingNullVars(Appointment.class).filter(Appointment::isAssigned);
    }

    // ---- hard

    Constraint doctorLacksSpecialty(ConstraintFactory factory) {
        return assigned(factory)
                .filter(a -> !a.getDoctor().hasSpecialty(a.getSpecialty()))
                .penalize(HardMediumSoftLongScore.ONE_HARD)
                .asConstraint("Doctor lacks specialty");
    }

    Constraint modeNotRequested(ConstraintFactory factory) {
        return assigned(factory)
                .filter(a -> !a.getModes().contains(a.getMode()))
                .penalize(HardMediumSoftLongScore.ONE_HARD)
                .asConstraint("Mode not requested");
    }

    Constraint teleconsultByDoctorWithoutTeleconsult(ConstraintFactory factory) {
        return assigned(factory)
                .filter(a -> a.getMode() == Mode.TELECONSULT && !a.getDoctor().isTeleconsult())
                .penalize(HardMediumSoftLongScore.ONE_HARD)
                .asConstraint("Teleconsult by a doctor without teleconsult");
    }

    Constraint dayOutsideWindow(ConstraintFactory factory) {
        return assigned(factory)
                .filter(a -> a.getDay() < a.getEarliestDay() || a.getDay() > a.getLatestDay())
                .penalize(HardMediumSoftLongScore.ONE_HARD)
                .asConstraint("Day outside the appointment's window");
    }

    Constraint startOffSlotGrid(ConstraintFactory factory) {
        return assigned(factory)
                .filter(a -> !a.isOnSlotGrid())
                .penalize(HardMediumSoftLongScore.ONE_HARD)
                .asConstraint("Start off the slot grid");
    }

    Constraint outsideDoctorAvailability(ConstraintFactory factory) {
        return assigned(factory)
                .filter(a -> a.getDoctor().windowHolding(a.getDay(), a.getStartMinute(), a.getEndMinute()) == null)
                .penalizeLong(HardMediumSoftLongScore.ONE_HARD, a -> 10 + a.getDurationMinutes())
                .asConstraint("Outside the doctor's availability");
    }

    Constraint doctorDoubleBooked(ConstraintFactory factory) {
        return overlappingPairs(assigned(factory), Appointment::getDoctor)
                .penalizeLong(HardMediumSoftLongScore.ONE_HARD, ScheduleConstraints::overlapMinutes)
                .asConstraint("Doctor double-booked");
    }

    Constraint noTimeToTravel(ConstraintFactory factory) {
        return assigned(factory)
                .groupBy(Appointment::getDoctor, Appointment::getDay, toList())
                .filter((doctor, day, list) -> Route.of(doctor, day, list).lateMinutes() > 0)
                .penalizeLong(HardMediumSoftLongScore.ONE_HARD,
                        (doctor, day, list) -> Route.of(doctor, day, list).lateMinutes())
                .asConstraint("No time to travel");
    }

    Constraint doctorOverMaxMinutes(ConstraintFactory factory) {
        return assigned(factory)
                .groupBy(Appointment::getDoctor, sum(Appointment::getDurationMinutes))
                .filter((doctor, minutes) -> minutes > doctor.getMaxMinutes())
                .penalizeLong(HardMediumSoftLongScore.ONE_HARD, (doctor, minutes) -> minutes - doctor.getMaxMinutes())
                .asConstraint("Doctor over max minutes");
    }

    Constraint equipmentMissing(ConstraintFactory factory) {
        return assigned(factory)
                .filter(a -> a.needsEquipment() && (a.getEquipment() == null
                        || !a.getEquipment().type().equals(a.getEquipmentType())))
                .penalize(HardMediumSoftLongScore.ONE_HARD)
                .asConstraint("Equipment missing");
    }

    Constraint fixedEquipmentInAnotherRegion(ConstraintFactory factory) {
        return assigned(factory)
                .filter(a -> a.getUsedEquipment() != null && !a.getUsedEquipment().mobile()
                        && a.getUsedEquipment().region() != a.getRegion())
                .penalize(HardMediumSoftLongScore.ONE_HARD)
                .asConstraint("Fixed equipment in another region");
    }

    Constraint mobileEquipmentInTwoRegions(ConstraintFactory factory) {
        UniConstraintStream<Appointment> usingMobile = assigned(factory)
                .filter(a -> a.getUsedEquipment() != null && a.getUsedEquipment().mobile());
        return usingMobile
                .join(usingMobile,
                        Joiners.equal(Appointment::getUsedEquipment),
                        Joiners.equal(Appointment::getDay),
                        Joiners.lessThan(Appointment::getIndex))
                .filter((a, b) -> a.getRegion() != b.getRegion())
                .penalize(HardMediumSoftLongScore.ONE_HARD)
                .asConstraint("Mobile equipment in two regions on one day");
    }

    Constraint equipmentDoubleBooked(ConstraintFactory factory) {
        return overlappingPairs(assigned(factory).filter(a -> a.getUsedEquipment() != null),
                        Appointment::getUsedEquipment)
                .penalizeLong(HardMediumSoftLongScore.ONE_HARD, ScheduleConstraints::overlapMinutes)
                .asConstraint("Equipment double-booked");
    }

    // ---- medium: serve the most patients, the most urgent first

    Constraint unassignedAppointment(ConstraintFactory factory) {
        return factory.forEachIncludingNullVars(Appointment.class)
                .filter(a -> a.getDoctor() == null)
                .penalizeLong(HardMediumSoftLongScore.ONE_MEDIUM, Appointment::getUnassignedCost)
                .asConstraint("Unassigned appointment");
    }

    // ---- soft

    Constraint waiting(ConstraintFactory factory) {
        return assigned(factory)
                .filter(a -> a.getDay() > a.getEarliestDay())
                .penalizeLong(HardMediumSoftLongScore.ONE_SOFT, Appointment::getWaitingCost)
                .asConstraint("Waiting");
    }

    Constraint travel(ConstraintFactory factory) {
        return assigned(factory)
                .groupBy(Appointment::getDoctor, Appointment::getDay, toList())
                .filter((doctor, day, list) -> list.stream().anyMatch(Appointment::isInPerson))
                .penalizeLong(HardMediumSoftLongScore.ONE_SOFT, (doctor, day, list) ->
                        Route.of(doctor, day, list).travelMinutes() * list.get(0).getTravelCostPerMinute())
                .asConstraint("Travel");
    }

    Constraint languageNotSpoken(ConstraintFactory factory) {
        return assigned(factory)
                .filter(a -> a.getLanguage() != null && !a.getDoctor().speaks(a.getLanguage()))
                .penalizeLong(HardMediumSoftLongScore.ONE_SOFT, Appointment::getLanguageCost)
                .asConstraint("Language not spoken");
    }

    Constraint notThePreferredDoctor(ConstraintFactory factory) {
        return assigned(factory)
                .filter(a -> a.getPreferredDoctorId() != null
                        && !a.getPreferredDoctorId().equals(a.getDoctor().getId()))
                .penalizeLong(HardMediumSoftLongScore.ONE_SOFT, Appointment::getContinuityCost)
                .asConstraint("Not the preferred doctor");
    }

    /** Replanning only (the cost is 0 otherwise): outside the official objective, reported as disruption. */
    Constraint movedBookedAppointment(ConstraintFactory factory) {
        return factory.forEachIncludingNullVars(Appointment.class)
                .filter(a -> a.getDisruptionCost() > 0 && a.isMovedFromBooking())
                .penalizeLong(HardMediumSoftLongScore.ONE_SOFT, Appointment::getDisruptionCost)
                .asConstraint("Moved a booked appointment");
    }

    /** Pairs of appointments that share a doctor or a piece of equipment at the same time. */
    private static BiConstraintStream<Appointment, Appointment> overlappingPairs(UniConstraintStream<Appointment> stream,
            Function<Appointment, Object> sharing) {
        return stream.join(stream,
                Joiners.equal(sharing),
                Joiners.lessThan(Appointment::getIndex),
                Joiners.overlapping(Appointment::getAbsoluteStart, Appointment::getAbsoluteEnd));
    }

    private static long overlapMinutes(Appointment a, Appointment b) {
        return Math.min(a.getAbsoluteEnd(), b.getAbsoluteEnd()) - Math.max(a.getAbsoluteStart(), b.getAbsoluteStart());
    }
}
