package org.carebridge.identity;

import java.time.Instant;
import java.util.UUID;

/** One line of the audit log: who did what to which patient's data, when, from where and why. */
public record AuditEntry(
        long id,
        Instant at,
        String actor,
        AuditAction action,
        UUID patientId,
        String resource,
        String reason,
        String source) {
}
