package org.carebridge.tasks;

import java.time.Instant;
import java.util.UUID;

/**
 * An open user task as the inbox shows it. Its case is {@code caseType} (the process key) and
 * {@code caseId} (the case type's id variable); {@code referralId}, {@code teleconsultId},
 * {@code recordRequestId}, {@code patientId} and {@code urgency} are the process's variables of those
 * names (null when a process has none).
 */
public record OpenTask(
        String id,
        String taskKey,
        String name,
        String caseType,
        UUID caseId,
        UUID referralId,
        UUID teleconsultId,
        UUID recordRequestId,
        UUID patientId,
        String urgency,
        Instant due,
        String assignee,
        int priority,
        Instant created,
        String processInstanceId) {

    /** Past its due time. */
    public boolean isOverdue(Instant now) {
        return due != null && due.isBefore(now);
    }
}
