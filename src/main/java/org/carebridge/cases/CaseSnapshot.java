package org.carebridge.cases;

import java.util.Set;
import java.util.UUID;

/**
 * A case as its row stands, and where its process may wait in that state: what the consistency check
 * holds against Camunda's running process instances.
 *
 * @param caseType  {@code referral}, {@code teleconsult} or {@code record-request}
 * @param status    the status its row says
 * @param open      whether the case is still under way, so that exactly one process instance must run it
 * @param mayWaitAt the activities of its process where an instance may wait in this status (every active one
 *                  must be among them). For an open case it is never satisfied by no instance; for a finished
 *                  case it is usually empty — no instance may be left — except where a finished status still
 *                  lets a branch wait (a revoked release's expiry timer)
 */
public record CaseSnapshot(String caseType, UUID caseId, String status, boolean open, Set<String> mayWaitAt) {

    public CaseSnapshot {
        mayWaitAt = Set.copyOf(mayWaitAt);
    }
}
