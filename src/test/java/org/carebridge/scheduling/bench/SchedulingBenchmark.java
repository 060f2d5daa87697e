package org.carebridge.scheduling.bench;

import java.io.File;

import org.carebridge.scheduling.solver.Solving;
import org.optaplanner.benchmark.api.PlannerBenchmarkFactory;
import org.optaplanner.benchmark.config.PlannerBenchmarkConfig;
import org.optaplanner.benchmark.config.SolverBenchmarkConfig;
import org.optaplanner.core.config.solver.SolverConfig;

/**
 * Runs {@code solver-config/benchmarkConfig.xml}: the solver and the first-come-first-served baseline on
 * generated problems of 200, 1,000 and 5,000 appointments (docs/bench/scheduling.sh generates them).
 * The solver benchmark takes its score director and phases from {@code solverConfig.xml}, so that what is
 * measured is what ships. The report lands in {@code target/benchmarks/}.
 */
public final class SchedulingBenchmark {

    private SchedulingBenchmark() {
    }

    public static void main(String[] args) {
        PlannerBenchmarkConfig config = PlannerBenchmarkConfig.createFromXmlResource("benchmarkConfig.xml");
        SolverConfig shipped = Solving.config();
        config.getInheritedSolverBenchmarkConfig().getSolverConfig()
                .setScoreDirectorFactoryConfig(shipped.getScoreDirectorFactoryConfig());
        for (SolverBenchmarkConfig benchmark : config.getSolverBenchmarkConfigList()) {
            SolverConfig solver = benchmark.getSolverConfig();
            if (solver.getPhaseConfigList() == null || solver.getPhaseConfigList().isEmpty()) {
                solver.setPhaseConfigList(shipped.getPhaseConfigList());
            }
        }
        File report = PlannerBenchmarkFactory.create(config).buildPlannerBenchmark().benchmark();
        System.out.println("Report: " + report.getAbsolutePath() + "/index.html");
    }
}
