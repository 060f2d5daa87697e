package org.carebridge.guidelines.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import org.carebridge.guidelines.Assessment;
import org.carebridge.guidelines.AssessmentRequest;
import org.carebridge.guidelines.GuidelineReference;
import org.carebridge.guidelines.Guidelines;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The guideline engine in Drools against the plain-Java reference of the same tables, over 100,000
 * synthetic patients: one patient per call (as the API does) and batches of a thousand (as
 * re-triaging a population does). Run with 1 and with 2 threads: docs/bench/guidelines.sh.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(value = 1, jvmArgs = {"-Xms2g", "-Xmx2g"})
public class GuidelineBenchmark {

    static final int PATIENTS = 100_000;
    static final int BATCH = 1_000;

    Guidelines drools;
    List<AssessmentRequest> patients;
    List<List<AssessmentRequest>> batches;

    @Setup(Level.Trial)
    public void setUp() {
        drools = Guidelines.fromClasspath();
        patients = SyntheticPatients.generate(PATIENTS, 20261129);
        batches = new ArrayList<>();
        for (int from = 0; from < PATIENTS; from += BATCH) {
            batches.add(patients.subList(from, from + BATCH));
        }
    }

    /** Where each benchmark thread is in the population. */
    @State(Scope.Thread)
    public static class Cursor {
        int next;

        int patient() {
            next = (next + 1) % PATIENTS;
            return next;
        }

        int batch() {
            next = (next + 1) % (PATIENTS / BATCH);
            return next;
        }
    }

    @Benchmark
    public Assessment droolsOnePatientPerCall(Cursor cursor) {
        return drools.assess(patients.get(cursor.patient()));
    }

    @Benchmark
    public Assessment javaOnePatientPerCall(Cursor cursor) {
        return GuidelineReference.assess(patients.get(cursor.patient()));
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public List<Assessment> droolsBatchOfThousand(Cursor cursor) {
        return drools.assessAll(batches.get(cursor.batch()));
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public void javaBatchOfThousand(Cursor cursor, Blackhole sink) {
        for (AssessmentRequest patient : batches.get(cursor.batch())) {
            sink.consume(GuidelineReference.assess(patient));
        }
    }

    /** A million patients re-assessed in batches of a thousand on two threads, as one timed shot. */
    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    @Warmup(iterations = 2)
    @Measurement(iterations = 3)
    public long droolsMillionOnTwoThreads() throws Exception {
        ForkJoinPool twoThreads = new ForkJoinPool(2);
        try {
            return twoThreads.submit(() -> IntStream.range(0, 1_000_000 / BATCH).parallel()
                    .mapToLong(b -> drools.assessAll(batches.get(b % batches.size())).size()).sum()).get();
        } finally {
            twoThreads.shutdown();
        }
    }
}
