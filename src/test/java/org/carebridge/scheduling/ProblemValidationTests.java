package org.carebridge.scheduling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.ArrayList;
import java.util.List;

import org.carebridge.scheduling.domain.ProblemJson;
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

    private static List<String> fields(String json) {
        InvalidRequestException e = catchThrowableOfType(() -> ProblemJson.read(json), InvalidRequestException.class);
        assertThat(e).as("refused").isNotNull();
        return e.errors().stream().map(FieldError::field).toList();
    }
}
