package org.carebridge.scheduling.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.carebridge.scheduling.ScheduleRun;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;

/**
 * The solver runs as meters: {@code carebridge.solver.runs{status}}, the runs of every node in the database
 * by status, and {@code carebridge.solver.runs.finished{outcome}}, the solvings that ended on this node:
 * {@code solved} (time limit), {@code stopped} (asked to stop, here or from another node), {@code failed}
 * (the solver threw) or {@code lost} (the run was marked FAILED or taken over while this node still solved
 * it, its heartbeat having gone silent).
 */
@Component
public class SolverRunMetrics implements MeterBinder {

    public enum Outcome {
        SOLVED, STOPPED, FAILED, LOST
    }

    /** A scrape reads the counts once for every status, and not again for this long. */
    private static final Duration COUNTS_FRESH_FOR = Duration.ofSeconds(5);
    private static final Logger log = LoggerFactory.getLogger(SolverRunMetrics.class);

    private final ScheduleRunStore store;
    private final Map<Outcome, AtomicLong> finished = new EnumMap<>(Outcome.class);
    private Map<ScheduleRun.Status, Long> counts;
    private Instant countedAt = Instant.MIN;

    public SolverRunMetrics(ScheduleRunStore store) {
        this.store = store;
        for (Outcome outcome : Outcome.values()) {
            finished.put(outcome, new AtomicLong());
        }
    }

    public void finished(Outcome outcome) {
        finished.get(outcome).incrementAndGet();
    }

    /** How many solvings ended here with {@code outcome} since this node started. */
    public long finishedCount(Outcome outcome) {
        return finished.get(outcome).get();
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        for (ScheduleRun.Status status : ScheduleRun.Status.values()) {
            Gauge.builder("carebridge.solver.runs", this, m -> m.count(status))
                    .description("Solver runs of every node in the database, by status")
                    .tag("status", status.name()).register(registry);
        }
        for (Outcome outcome : Outcome.values()) {
            FunctionCounter.builder("carebridge.solver.runs.finished", finished.get(outcome), AtomicLong::get)
                    .description("Solvings that ended on this node, by outcome")
                    .tag("outcome", outcome.name().toLowerCase()).register(registry);
        }
    }

    /**
     * A failed count is remembered like a good one, so that a scrape while the database is away waits for a
     * connection once (the pool's 3 s), not once per status.
     */
    private synchronized double count(ScheduleRun.Status status) {
        Instant now = Instant.now();
        if (now.isAfter(countedAt.plus(COUNTS_FRESH_FOR))) {
            countedAt = now;
            try {
                counts = store.countByStatus();
            } catch (DataAccessException e) {
                log.debug("Solver runs not counted: {}", e.getMessage());
                counts = null;
            }
        }
        // no figure rather than an old one
        return counts == null ? Double.NaN : counts.getOrDefault(status, 0L);
    }
}
