package org.carebridge.operations;

import java.time.Instant;
import java.util.Map;

/**
 * What the process engine holds at one moment, for every process and node alike (each node reads the
 * same database, so dashboards take the maximum over nodes, not the sum).
 *
 * @param steps open user tasks per process and step: how many, and how many of them are past their due time
 * @param jobsDue jobs the job executor could run now (retries left and due)
 * @param jobsFailed jobs out of retries, each waiting for an administrator as an incident
 * @param incidents open incidents of any kind
 * @param readAt when it was read (the real clock, not the engine's)
 */
record WorkInProgress(Map<Step, Tasks> steps, long jobsDue, long jobsFailed, long incidents, Instant readAt) {

    /** A user task of a process: {@code referral} / {@code ReviewReferral}. */
    record Step(String process, String task) {
    }

    record Tasks(long open, long overdue) {

        static final Tasks NONE = new Tasks(0, 0);
    }
}
