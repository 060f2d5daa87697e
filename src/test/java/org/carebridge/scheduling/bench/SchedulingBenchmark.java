package org.carebridge.scheduling.bench;

import java.io.File;

import org.optaplanner.benchmark.api.PlannerBenchmarkFactory;

/**
 * Runs {@code solver-config/benchmarkConfig.xml}: the solver and the first-come-first-served baseline on
 * generated problems of 200, 1,000 and 5,000 appointments (docs/bench/scheduling.sh generates them).
 * The report lands in {@code target/benchmarks/}.
 */
public final class SchedulingBenchmark {

    private SchedulingBenchmark() {
    }

    public static void main(String[] args) {
        File report = PlannerBenchmarkFactory.createFromXmlResource("benchmarkConfig.xml").buildPlannerBenchmark()
                .benchmark();
        System.out.println("Report: " + report.getAbsolutePath() + "/index.html");
    }
}
