package org.carebridge.scheduling;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.carebridge.scheduling.domain.Schedule;
import org.carebridge.scheduling.domain.ScheduleFactory;
import org.carebridge.scheduling.solver.Solving;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The solver's score is the spec's objective: an independent checker, reading only the problem and solution
 * JSON, finds the same numbers on generated problems (underserved counties, travel, fixed and mobile
 * equipment, languages, preferred doctors), for the baseline's plan and for a solved one.
 */
class SolutionCheckerAgreementTests {

    private static final Solving SOLVING = new Solving();

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4})
    void theCheckerAgreesWithTheBaselinesScore(long seed) {
        Problem problem = ProblemGenerator.generate(120, 10, seed);
        Solution solution = Solving.toSolution(SOLVING.firstComeFirstServed(ScheduleFactory.build(problem, false)));

        SolutionChecker.Result checked = SolutionChecker.check(problem, solution);

        assertThat(checked.violations()).isEmpty();
        assertThat(solution.score()).isEqualTo(checked.score());
        assertThat(solution.unassigned()).isNotEmpty(); // overfull: the medium level is exercised too
    }

    @ParameterizedTest
    @ValueSource(longs = {5, 6})
    void theCheckerAgreesWithTheSolversScore(long seed) {
        Problem problem = ProblemGenerator.generate(80, 8, seed);
        Schedule solved = SOLVING.solve(ScheduleFactory.build(problem, false), Duration.ofSeconds(2));
        Solution solution = Solving.toSolution(solved);

        SolutionChecker.Result checked = SolutionChecker.check(problem, solution);

        assertThat(checked.violations()).isEmpty();
        assertThat(solution.score()).isEqualTo(checked.score()).isEqualTo(solved.getScore().toString());
        assertThat(solution.breakdown().travel()).isPositive();
        assertThat(solution.equipmentLocations()).isNotEmpty();
    }

    @ParameterizedTest
    @ValueSource(longs = {7})
    void changedWeightsAreTheObjectiveTooAndAreNamed(long seed) {
        Problem generated = ProblemGenerator.generate(80, 8, seed);
        Problem problem = new Problem(generated.name(), generated.horizon(), generated.regions(),
                generated.travelMinutes(), generated.doctors(), generated.equipment(), generated.appointments(),
                new Problem.Weights(500, null, null, null, null, null, 3, 2, null, null, null));
        Schedule solved = SOLVING.solve(ScheduleFactory.build(problem, false), Duration.ofSeconds(1));
        Solution solution = Solving.toSolution(solved);

        assertThat(solution.score()).isEqualTo(SolutionChecker.check(problem, solution).score());
        assertThat(solution.weightsChanged()).contains("unassignedUrgent=500", "underservedFactor=3", "travelMinute=2");
    }
}
