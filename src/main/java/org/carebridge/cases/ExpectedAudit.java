package org.carebridge.cases;

import java.util.UUID;

import org.carebridge.identity.AuditTrace;

/**
 * An audit entry a step a case has taken must have left in the audit log, since the step writes it in its
 * own transaction: missing, the step happened unrecorded.
 *
 * @param step the step, in a few words ({@code release of the bundle})
 */
public record ExpectedAudit(String caseType, UUID caseId, String step, AuditTrace entry) {
}
