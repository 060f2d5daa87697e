package org.carebridge.scheduling.solver;

import java.time.Duration;
import java.util.Map;

import org.carebridge.scheduling.Solution;
import org.carebridge.scheduling.domain.Schedule;
import org.carebridge.scheduling.domain.ScheduleWriter;
import org.optaplanner.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;
import org.optaplanner.core.api.solver.SolutionManager;
import org.optaplanner.core.api.solver.SolverFactory;
import org.optaplanner.core.config.solver.SolverConfig;

/** The solver from {@code solverConfig.xml}, outside Spring: for the command line, the baseline and tests. */
public final class Solving {

    public static final String CONFIG = "solverConfig.xml";

    private final SolverFactory<Schedule> base;
    private final SolutionManager<Schedule, HardMediumSoftLongScore> solutions;

    public Solving() {
        this.base = SolverFactory.createFromXmlResource(CONFIG);
        this.solutions = SolutionManager.create(base);
    }

    public static SolverConfig config() {
        return SolverConfig.createFromXmlResource(CONFIG);
    }

    public Schedule solve(Schedule problem, Duration limit) {
        SolverFactory<Schedule> factory = SolverFactory.create(config().withTerminationSpentLimit(limit));
        return factory.buildSolver().solve(problem);
    }

    /** The baseline, scored with the same constraints. */
    public Schedule firstComeFirstServed(Schedule problem) {
        FirstComeFirstServed.plan(problem);
        solutions.update(problem);
        return problem;
    }

    public HardMediumSoftLongScore score(Schedule schedule) {
        return solutions.update(schedule);
    }

    public SolutionManager<Schedule, HardMediumSoftLongScore> solutionManager() {
        return solutions;
    }

    public static Solution toSolution(Schedule schedule) {
        Map<String, String> reasons = UnassignedReasons.of(schedule);
        return ScheduleWriter.write(schedule, reasons);
    }
}
