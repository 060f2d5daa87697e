package org.carebridge.scheduling;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A solving job as the planner sees it: its status, the best score so far and, when asked for, the solution.
 * {@code stopRequested} is true while a stop asked from another node waits for the node solving it (null
 * otherwise).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ScheduleRun(String id, String name, Status status, String score, Instant startedAt, Integer appointments,
        Solution solution, List<ScorePoint> history, String error, Boolean stopRequested) {

    public enum Status {
        SOLVING, SOLVED, FAILED
    }

    /** The best score at a moment of the run; medium and soft levels for the chart. */
    public record ScorePoint(Instant at, String score, long hard, long medium, long soft) {
    }
}
