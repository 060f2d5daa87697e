package org.carebridge.scheduling.solver;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.carebridge.scheduling.Problem;
import org.carebridge.scheduling.ProblemGenerator;
import org.carebridge.scheduling.ScheduleChange;
import org.carebridge.scheduling.Solution;
import org.carebridge.scheduling.domain.Schedule;
import org.carebridge.scheduling.domain.ScheduleFactory;
import org.junit.jupiter.api.Test;

/** A doctor falls ill, an urgent patient comes in, one cancels: the plan changes as little as it can. */
class ReplanningTests {

    private final Solving solving = new Solving();

    @Test
    void aDoctorFallingIllMovesOnlyTheirAppointmentsAndPinnedOnesOfOthersStay() {
        Problem generated = ProblemGenerator.generate(60, 8, 21);
        Schedule planned = solving.solve(ScheduleFactory.build(generated, false), Duration.ofSeconds(1));
        Solution before = Solving.toSolution(planned);
        Solution.Assignment ill = before.assignments().get(0);
        // confirm (pin) every appointment of another doctor
        Problem problem = generated.withAppointments(generated.appointments().stream().map(a -> {
            Solution.Assignment s = before.assignments().stream().filter(x -> x.appointmentId().equals(a.id()))
                    .findFirst().orElse(null);
            if (s == null) {
                return a;
            }
            boolean pin = !s.doctorId().equals(ill.doctorId());
            return a.withBooking(new Problem.Booking(s.doctorId(), s.day(), s.start(), s.mode(), s.equipmentId()), pin);
        }).toList());
        Schedule booked = ScheduleFactory.build(problem, true);

        Replanning.applyDirectly(booked, ScheduleChange.doctorUnavailable(ill.doctorId(), ill.day()));
        Solution after = Solving.toSolution(solving.solve(booked, Duration.ofSeconds(2)));

        Map<String, Solution.Assignment> now = after.assignments().stream()
                .collect(Collectors.toMap(Solution.Assignment::appointmentId, Function.identity()));
        assertThat(after.score()).startsWith("0hard/");
        assertThat(now.values()).noneMatch(s -> s.doctorId().equals(ill.doctorId()) && s.day() == ill.day());
        for (Solution.Assignment s : before.assignments()) {
            if (!s.doctorId().equals(ill.doctorId())) {
                assertThat(now.get(s.appointmentId())).as("pinned " + s.appointmentId()).isEqualTo(s);
            }
        }
    }

    @Test
    void anAddedUrgentAppointmentIsPlacedAndACancelledOneLeaves() {
        Problem problem = ProblemGenerator.generate(30, 6, 22);
        Schedule planned = solving.solve(ScheduleFactory.build(problem, false), Duration.ofSeconds(1));
        Problem.Appointment urgent = new Problem.Appointment("NEW", "P1", "R1", "GENERAL_PRACTICE", 30, "URGENT",
                List.of("IN_PERSON", "TELECONSULT"), null, "zh", null, 0, 1, null, null);

        Replanning.applyDirectly(planned, ScheduleChange.appointmentAdded(urgent));
        Replanning.applyDirectly(planned, ScheduleChange.appointmentCancelled("A1"));
        Solution after = Solving.toSolution(solving.solve(planned, Duration.ofSeconds(2)));

        assertThat(after.assignments()).anyMatch(s -> s.appointmentId().equals("NEW"));
        assertThat(after.assignments()).noneMatch(s -> s.appointmentId().equals("A1"));
        assertThat(after.unassigned()).doesNotContain("A1");
        assertThat(after.score()).startsWith("0hard/");
        assertThat(after.breakdown().disruption()).isGreaterThanOrEqualTo(0);
    }
}
