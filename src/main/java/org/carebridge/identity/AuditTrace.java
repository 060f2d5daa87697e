package org.carebridge.identity;

import java.util.Objects;
import java.util.UUID;

/**
 * What an audit entry that must exist looks like: its action and patient, and how its resource and reason
 * begin (a reason may go on with the purpose a client stated). Null prefixes match anything.
 */
public record AuditTrace(AuditAction action, UUID patientId, String resourceStartsWith, String reasonStartsWith) {

    boolean matches(AuditAction action, UUID patientId, String resource, String reason) {
        return this.action == action && Objects.equals(this.patientId, patientId)
                && startsWith(resource, resourceStartsWith) && startsWith(reason, reasonStartsWith);
    }

    private static boolean startsWith(String text, String prefix) {
        return prefix == null || text != null && text.startsWith(prefix);
    }
}
