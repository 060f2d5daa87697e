package org.carebridge.scheduling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import org.carebridge.scheduling.domain.ProblemJson;
import org.carebridge.scheduling.domain.ProblemValidator;
import org.carebridge.shared.FieldError;
import org.carebridge.shared.InvalidRequestException;
import org.junit.jupiter.api.Test;

/** A problem that is not a problem is refused, naming each offending item. */
class ProblemValidationTests {

    private final Problem valid = ProblemGenerator.generate(10, 3, 1);

    @Test
    void aGeneratedProblemIsValid() {
        assertThat(ProblemJson.read(ProblemJson.write(valid))).isEqualTo(valid);
    }

    @Test
    void malformedJsonIsRefused() {
        assertThat(fields("{\"name\": \"week\", \"horizon\": ")).containsExactly("body");
        assertThat(fields("{\"horizon\": {\"days\": \"five\"}}")).containsExactly("horizon.days");
    }

    @Test
    void duplicateIdsUnknownReferencesAndBadWindowsAreNamed() {
        List<Problem.Appointment> appointments = new ArrayList<>(valid.appointments());
        Problem.Appointment first = appointments.get(0);
        appointments.add(first);
        appointments.set(1, new Problem.Appointment("A2", "P1", "R99", "NEUROSURGERY", 30, "SOMEDAY", List.of("IN_PERSON"),
                null, null, "D404", 3, 1, null, null));
        List<Problem.Doctor> doctors = new ArrayList<>(valid.doctors());
        Problem.Doctor d = doctors.get(0);
        doctors.set(0, new Problem.Doctor(d.id(), d.name(), d.specialties(), d.languages(), d.homeRegion(),
                d.teleconsult(), d.maxMinutes(), List.of(new Problem.Window(0, "17:00", "08:00"),
                new Problem.Window(9, "8 o'clock", "12:00"))));
        Problem bad = valid.withAppointments(appointments).withDoctors(doctors);

        assertThat(fields(ProblemJson.write(bad))).contains(
                "appointments[" + first.id() + "].id",
                "appointments[A2].region", "appointments[A2].specialty", "appointments[A2].urgency",
                "appointments[A2].preferredDoctorId", "appointments[A2].latestDay",
                "doctors[D1].availability[0].end", "doctors[D1].availability[1].day",
                "doctors[D1].availability[1].start");
    }

    @Test
    void aProblemAtEveryCapIsValidAndOneMoreOfAnyIsRefusedNamingItsList() {
        Problem atCaps = ProblemGenerator.generate(10, 3, 1)
                .withAppointments(appointments(ProblemValidator.MAX_APPOINTMENTS))
                .withDoctors(doctors(ProblemValidator.MAX_DOCTORS));
        atCaps = withEquipment(atCaps, ProblemValidator.MAX_EQUIPMENT);
        assertThat(ProblemValidator.validate(atCaps)).isEmpty();

        assertThat(fieldsOf(atCaps.withAppointments(appointments(ProblemValidator.MAX_APPOINTMENTS + 1))))
                .containsExactly("appointments");
        assertThat(fieldsOf(atCaps.withDoctors(doctors(ProblemValidator.MAX_DOCTORS + 1)))).containsExactly("doctors");
        assertThat(fieldsOf(withEquipment(atCaps, ProblemValidator.MAX_EQUIPMENT + 1))).containsExactly("equipment");
    }

    @Test
    void theSlotGridStopsAtThirtyOneDaysOfFiveMinutes() {
        assertThat(ProblemValidator.validate(withHorizon(31, 5))).isEmpty(); // 8,928 start times: the cap
        assertThat(ProblemValidator.validate(withHorizon(24, 4))).isEmpty(); // 8,640
        // 9,000: the smallest grid above the cap that a horizon of whole slots can make
        assertThat(fieldsOf(withHorizon(25, 4))).containsExactly("horizon.slotMinutes");
        assertThat(fieldsOf(withHorizon(31, 1))).containsExactly("horizon.slotMinutes");
    }

    @Test
    void aDoctorWithMoreAvailabilityWindowsThanTheCapIsNamed() {
        Problem.Doctor d = valid.doctors().get(0);
        // 1-minute windows on the 31 days of a month, none overlapping: the cap is valid, one more is refused
        Problem month = withHorizon(31, 5);
        assertThat(ProblemValidator.validate(month.withDoctors(List.of(withWindows(d, ProblemValidator.MAX_WINDOWS)))))
                .isEmpty();
        assertThat(fieldsOf(month.withDoctors(List.of(withWindows(d, ProblemValidator.MAX_WINDOWS + 1)))))
                .containsExactly("doctors[" + d.id() + "].availability");
    }

    @Test
    void aProblemWrongEverywhereListsAHundredErrorsNotAllOfThem() {
        List<Problem.Appointment> wrong = IntStream.range(0, 500).mapToObj(i -> new Problem.Appointment("W" + i, null,
                "R99", "NEUROSURGERY", 30, "SOMEDAY", List.of("IN_PERSON"), null, null, null, 0, 0, null, null))
                .toList();
        assertThat(ProblemValidator.validate(valid.withAppointments(wrong))).hasSize(100);
    }

    private List<Problem.Appointment> appointments(int count) {
        Problem.Appointment a = valid.appointments().get(0);
        return IntStream.range(0, count).mapToObj(i -> new Problem.Appointment("A" + i, a.patientId(), a.region(),
                a.specialty(), a.durationMinutes(), a.urgency(), a.modes(), a.equipmentType(), a.language(), null,
                a.earliestDay(), a.latestDay(), null, null)).toList();
    }

    private List<Problem.Doctor> doctors(int count) {
        Problem.Doctor d = valid.doctors().get(0);
        return IntStream.range(0, count).mapToObj(i -> new Problem.Doctor("D" + i, d.name(), d.specialties(),
                d.languages(), d.homeRegion(), d.teleconsult(), d.maxMinutes(), d.availability())).toList();
    }

    private static Problem withEquipment(Problem p, int count) {
        String region = p.regions().get(0).id();
        List<Problem.Equipment> pieces = IntStream.range(0, count)
                .mapToObj(i -> new Problem.Equipment("E" + i, "ULTRASOUND", region, false)).toList();
        return new Problem(p.name(), p.horizon(), p.regions(), p.travelMinutes(), p.doctors(), pieces,
                p.appointments().stream().map(a -> a.booking() == null ? a : a.withBooking(null, false)).toList(),
                p.weights());
    }

    private Problem withHorizon(int days, int slotMinutes) {
        return new Problem(valid.name(), new Problem.Horizon(days, slotMinutes), valid.regions(), valid.travelMinutes(),
                valid.doctors(), valid.equipment(), valid.appointments(), valid.weights());
    }

    private static Problem.Doctor withWindows(Problem.Doctor d, int count) {
        List<Problem.Window> windows = IntStream.range(0, count).mapToObj(i -> new Problem.Window(i % 31,
                String.format("%02d:%02d", 8 + i / 31 / 60, i / 31 % 60), String.format("%02d:%02d",
                        8 + (i / 31 + 1) / 60, (i / 31 + 1) % 60))).toList();
        return new Problem.Doctor(d.id(), d.name(), d.specialties(), d.languages(), d.homeRegion(), d.teleconsult(),
                d.maxMinutes(), windows);
    }

    private static List<String> fieldsOf(Problem problem) {
        return ProblemValidator.validate(problem).stream().map(FieldError::field).toList();
    }

    private static List<String> fields(String json) {
        InvalidRequestException e = catchThrowableOfType(() -> ProblemJson.read(json), InvalidRequestException.class);
        assertThat(e).as("refused").isNotNull();
        return e.errors().stream().map(FieldError::field).toList();
    }
}
