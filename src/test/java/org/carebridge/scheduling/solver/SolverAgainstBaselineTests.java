package org.carebridge.scheduling.solver;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.carebridge.scheduling.Problem;
import org.carebridge.scheduling.ProblemGenerator;
import org.carebridge.scheduling.Solution;
import org.carebridge.scheduling.domain.ScheduleFactory;
import org.junit.jupiter.api.Test;
import org.optaplanner.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;

/** A small generated week solved for a few seconds: feasible, and at least as good as first come, first served. */
class SolverAgainstBaselineTests {

    @Test
    void theSolverFindsAFeasibleScheduleNoWorseThanFirstComeFirstServed() {
        Problem problem = ProblemGenerator.generate(100, 10, 11);
        Solving solving = new Solving();

        Solution baseline = Solving.toSolution(solving.firstComeFirstServed(ScheduleFactory.build(problem, false)));
        Solution solved = Solving.toSolution(solving.solve(ScheduleFactory.build(problem, false), Duration.ofSeconds(5)));

        HardMediumSoftLongScore solverScore = HardMediumSoftLongScore.parseScore(solved.score());
        assertThat(solverScore.hardScore()).isZero();
        assertThat(HardMediumSoftLongScore.parseScore(baseline.score()).hardScore()).isZero();
        assertThat(solverScore).isGreaterThanOrEqualTo(HardMediumSoftLongScore.parseScore(baseline.score()));
        assertThat(solved.assignments().size() + solved.unassigned().size()).isEqualTo(100);
    }

    @Test
    void anOverfullWeekIsSolvedWithUnassignedAppointmentsAndTheirReasons() {
        Problem generated = ProblemGenerator.generate(40, 3, 12);
        // nobody practises nephrology here: those patients cannot be seen this week
        Problem problem = generated.withAppointments(generated.appointments().stream()
                .map(a -> a.id().equals("A1") ? new Problem.Appointment(a.id(), a.patientId(), a.region(), "NEPHROLOGY",
                        a.durationMinutes(), a.urgency(), a.modes(), null, a.language(), null, a.earliestDay(),
                        a.latestDay(), null, null) : a)
                .toList());
        Solution solved = Solving.toSolution(new Solving().solve(ScheduleFactory.build(problem, false),
                Duration.ofSeconds(1)));

        assertThat(solved.unassigned()).contains("A1");
        assertThat(solved.unassignedReasons()).containsEntry("A1", "no doctor has NEPHROLOGY");
        assertThat(solved.unassignedReasons()).containsOnlyKeys(solved.unassigned());
        assertThat(HardMediumSoftLongScore.parseScore(solved.score()).hardScore()).isZero();
    }
}
