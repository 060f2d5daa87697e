package org.carebridge.scheduling.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.carebridge.scheduling.ScheduleChange;
import org.carebridge.scheduling.ScheduleRun;

/**
 * A row of {@code schedule_run}. Read for a list or a status, it carries neither the problem, nor the best
 * schedule, nor the changes (null then): only a read of the whole run does.
 *
 * @param node    the node solving it, or the one that solved it last
 * @param attempt which solving of the run the node's writes belong to: 1, and one more for each change or
 *                restart that solves it again
 */
public record StoredRun(String id, String name, ScheduleRun.Status status, String score, int appointments,
        List<ScheduleRun.ScorePoint> history, String error, String node, int attempt, boolean stopRequested,
        Instant startedAt, Instant heartbeatAt, Instant deadline, Instant finishedAt, String problem, String best,
        List<ScheduleChange> changes) {

    public boolean solving() {
        return status == ScheduleRun.Status.SOLVING;
    }

    /** Solving, by the row, but its node has not written for longer than {@code timeout}: it stopped. */
    public boolean silentFor(Duration timeout, Instant now) {
        return solving() && heartbeatAt.isBefore(now.minus(timeout));
    }
}
