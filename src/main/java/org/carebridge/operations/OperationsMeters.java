package org.carebridge.operations;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.ToLongFunction;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.MeterBinder;
import jakarta.annotation.PreDestroy;
import org.carebridge.guidelines.Guidelines;
import org.carebridge.operations.WorkInProgress.Step;
import org.carebridge.operations.WorkInProgress.Tasks;
import org.carebridge.shared.DatabaseUnavailable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * CareBridge's own meters. The engine is read on a thread of its own every
 * {@code carebridge.operations.refresh-every} (30 s), never by a scrape: a scrape reads the last reading
 * from memory, so that Prometheus scraping often does not query the database often, and a scrape during a
 * database outage answers at once. While the last reading failed, the engine's gauges are NaN (unknown),
 * not their old values; {@code carebridge.engine.reading.age} says how old the last good reading is.
 */
@Component
class OperationsMeters implements MeterBinder {

    private static final Logger log = LoggerFactory.getLogger(OperationsMeters.class);

    private final EngineReadings engine;
    private final Guidelines guidelines;
    private final Duration refreshEvery;
    private final ScheduledExecutorService refresher = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "carebridge-meters");
        thread.setDaemon(true);
        return thread;
    });

    private volatile MeterRegistry registry;
    private volatile WorkInProgress lastGood;
    private volatile boolean lastFailed = true;
    private MultiGauge openCases;
    private MultiGauge overdueCases;
    private MultiGauge ruleset;
    private Set<Step> registeredSteps = Set.of();
    private String registeredRuleset;

    OperationsMeters(EngineReadings engine, Guidelines guidelines,
            @Value("${carebridge.operations.refresh-every:30s}") Duration refreshEvery) {
        this.engine = engine;
        this.guidelines = guidelines;
        this.refreshEvery = refreshEvery;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        this.registry = registry;
        openCases = MultiGauge.builder("carebridge.cases.open")
                .description("Open user tasks of running cases, per process and step").register(registry);
        overdueCases = MultiGauge.builder("carebridge.cases.overdue")
                .description("Open user tasks past their due time (a missed service level), per process and step")
                .register(registry);
        ruleset = MultiGauge.builder("carebridge.ruleset.info")
                .description("The guideline ruleset in service (SHA-256 of its rule files), always 1").register(registry);
        engineGauge(registry, "carebridge.jobs.due", "Jobs the job executor could run now (retries left, due)",
                WorkInProgress::jobsDue);
        engineGauge(registry, "carebridge.jobs.failed",
                "Jobs out of retries: each waits for an administrator as an incident", WorkInProgress::jobsFailed);
        engineGauge(registry, "carebridge.incidents.open", "Open incidents of the process engine",
                WorkInProgress::incidents);
        Gauge.builder("carebridge.engine.reading.age", this, meters -> meters.secondsSinceLastGoodReading())
                .description("Seconds since the engine's gauges were last read successfully").baseUnit("seconds")
                .register(registry);
    }

    private void engineGauge(MeterRegistry registry, String name, String description,
            ToLongFunction<WorkInProgress> value) {
        Gauge.builder(name, this, meters -> meters.current() == null ? Double.NaN : value.applyAsLong(meters.current()))
                .description(description).register(registry);
    }

    @EventListener(ApplicationReadyEvent.class)
    void startReading() {
        refresher.scheduleWithFixedDelay(this::refresh, 0, refreshEvery.toMillis(), TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    void stopReading() {
        refresher.shutdownNow();
    }

    /** Reads the engine and the ruleset now; whatever fails leaves the gauges NaN and never throws. */
    synchronized void refresh() {
        if (registry == null) {
            return;
        }
        try {
            showRuleset(guidelines.rulesetVersion());
        } catch (RuntimeException e) {
            log.warn("Could not read the ruleset version for its gauge", e);
        }
        try {
            WorkInProgress reading = engine.read();
            showSteps(reading.steps().keySet());
            lastGood = reading;
            if (lastFailed) {
                log.info("Engine gauges read: {} jobs due, {} failed, {} incidents", reading.jobsDue(),
                        reading.jobsFailed(), reading.incidents());
            }
            lastFailed = false;
        } catch (RuntimeException e) {
            if (!lastFailed) {  // once per outage, not every 30 s
                if (DatabaseUnavailable.explains(e)) {
                    log.warn("Engine gauges unknown (NaN) while the database is out of reach: {}", e.toString());
                } else {
                    log.warn("Engine gauges unknown (NaN): reading them failed", e);
                }
            }
            lastFailed = true;
        }
    }

    /** The last reading if it is the latest attempt's, else null (unknown). */
    private WorkInProgress current() {
        return lastFailed ? null : lastGood;
    }

    private double secondsSinceLastGoodReading() {
        WorkInProgress last = lastGood;
        return last == null ? Double.NaN : Duration.between(last.readAt(), Instant.now()).toMillis() / 1000.0;
    }

    private double tasks(Step step, ToLongFunction<Tasks> count) {
        WorkInProgress reading = current();
        return reading == null ? Double.NaN : count.applyAsLong(reading.steps().getOrDefault(step, Tasks.NONE));
    }

    /** Rows change only when a step appears or goes (a new process version, the last task of an old one). */
    private void showSteps(Set<Step> steps) {
        if (steps.equals(registeredSteps)) {
            return;
        }
        openCases.register(steps.stream().map(step -> MultiGauge.Row.of(tags(step), this,
                meters -> meters.tasks(step, Tasks::open))).toList(), true);
        overdueCases.register(steps.stream().map(step -> MultiGauge.Row.of(tags(step), this,
                meters -> meters.tasks(step, Tasks::overdue))).toList(), true);
        registeredSteps = Set.copyOf(steps);
    }

    private void showRuleset(String version) {
        if (!version.equals(registeredRuleset)) {
            ruleset.register(List.of(MultiGauge.Row.of(Tags.of("version", version), this, meters -> 1)), true);
            registeredRuleset = version;
        }
    }

    private static Tags tags(Step step) {
        return Tags.of("process", step.process(), "step", step.task());
    }
}
