package org.carebridge.scheduling.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

import org.carebridge.scheduling.Problem;
import org.carebridge.scheduling.ProblemGenerator;
import org.carebridge.scheduling.ScheduleChange;
import org.carebridge.scheduling.Solution;
import org.carebridge.scheduling.solver.Replanning;
import org.carebridge.scheduling.solver.Solving;
import org.junit.jupiter.api.Test;

/** A run's best schedule, stored by one node and rebuilt by another, is the same schedule with the same score. */
class ScheduleSnapshotTests {

    private final Solving solving = new Solving();

    @Test
    void aReplannedScheduleRebuiltFromItsSnapshotScoresAndReadsTheSame() {
        Problem generated = ProblemGenerator.generate(50, 6, 23);
        Solution first = Solving.toSolution(solving.solve(ScheduleFactory.build(generated, false), Duration.ofSeconds(1)));
        // every other appointment booked already, the first of those confirmed (pinned)
        List<Problem.Appointment> booked = generated.appointments().stream().map(a -> first.assignments().stream()
                .filter(s -> s.appointmentId().equals(a.id()) && Integer.parseInt(a.id().substring(1)) % 2 == 0)
                .findFirst().map(s -> a.withBooking(new Problem.Booking(s.doctorId(), s.day(), s.start(), s.mode(),
                        s.equipmentId()), a.id().equals("A2"))).orElse(a)).toList();
        Problem problem = generated.withAppointments(booked);
        Schedule schedule = solving.solve(ScheduleFactory.build(problem, false), Duration.ofSeconds(1));
        Solution.Assignment ill = Solving.toSolution(schedule).assignments().get(3);
        Replanning.applyDirectly(schedule, ScheduleChange.doctorUnavailable(ill.doctorId(), ill.day()));
        Replanning.applyDirectly(schedule, ScheduleChange.appointmentAdded(new Problem.Appointment("NEW", "P1", "R1",
                "GENERAL_PRACTICE", 30, "URGENT", List.of("IN_PERSON", "TELECONSULT"), null, "zh", null, 0, 1, null,
                null)));
        Replanning.applyDirectly(schedule, ScheduleChange.appointmentCancelled("A1"));
        Schedule replanned = solving.solve(schedule, Duration.ofSeconds(1));

        String stored = ScheduleSnapshot.of(replanned, problem).toJson();
        Schedule rebuilt = ScheduleSnapshot.fromJson(stored)
                .restore(ScheduleSnapshot.problemFromJson(ScheduleSnapshot.problemJson(problem)));

        assertThat(solving.score(rebuilt)).isEqualTo(replanned.getScore());
        assertThat(Solving.toSolution(rebuilt)).isEqualTo(Solving.toSolution(replanned));
        assertThat(rebuilt.doctor(ill.doctorId()).windowsOn(ill.day())).isEmpty();
        Function<Appointment, List<Object>> replanning = a -> List.of(a.getId(), a.isPinned(), a.getDisruptionCost(),
                Objects.toString(a.getBooking()), Objects.toString(a.getStart()), a.getMode());
        assertThat(rebuilt.getAppointments()).map(replanning)
                .containsExactlyElementsOf(replanned.getAppointments().stream().map(replanning).toList());
        assertThat(rebuilt.getAppointments()).anyMatch(a -> a.getDisruptionCost() > 0);
    }

    @Test
    void aScheduleNotYetSolvedIsStoredAndRebuiltUnassigned() {
        Problem problem = ProblemGenerator.generate(10, 2, 24);
        Schedule untouched = ScheduleFactory.build(problem, false);

        Schedule rebuilt = ScheduleSnapshot.fromJson(ScheduleSnapshot.of(untouched, problem).toJson()).restore(problem);

        assertThat(rebuilt.getAppointments()).hasSize(10).noneMatch(Appointment::isAssigned);
        assertThat(solving.score(rebuilt)).isEqualTo(solving.score(untouched));
    }
}
