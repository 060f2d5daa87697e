package org.carebridge.analytics;

import java.time.Clock;
import java.time.LocalDate;

import org.carebridge.analytics.internal.EquityQueries;
import org.carebridge.analytics.internal.PlanMeasures;
import org.carebridge.scheduling.Problem;
import org.carebridge.scheduling.ScheduleRun;
import org.carebridge.scheduling.Scheduling;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The analytics module's API: the equity of a period, and of a schedule beside first-come-first-served. */
@Service
public class EquityAnalytics {

    private final EquityQueries queries;
    private final Scheduling scheduling;
    private final Clock clock = Clock.system(Period.ZONE);

    EquityAnalytics(EquityQueries queries, Scheduling scheduling) {
        this.queries = queries;
        this.scheduling = scheduling;
    }

    @Transactional(readOnly = true)
    public EquityReport equity(Period period) {
        return queries.equity(period);
    }

    /** The period of request parameters (either may be missing: the last 30 days); 400 naming bad ones. */
    public Period period(String from, String to) {
        return Period.parse(from, to, today());
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    /**
     * The best schedule so far of a solving job, and the same problem planned first-come-first-served: sums per
     * county that name no appointment, so the schedule is read without the audit of {@code Scheduling.run}.
     */
    public ScheduleEquity schedule(String scheduleId) {
        ScheduleRun run = scheduling.progress(scheduleId);
        Problem problem = scheduling.problem(scheduleId);
        return new ScheduleEquity(run.id(), run.status().name(), PlanMeasures.of(problem,
                scheduling.bestSolution(scheduleId)),
                PlanMeasures.of(problem, scheduling.firstComeFirstServed(problem)));
    }
}
