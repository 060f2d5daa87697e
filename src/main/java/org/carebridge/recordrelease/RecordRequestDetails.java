package org.carebridge.recordrelease;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.carebridge.patients.ConsentDecision;
import org.carebridge.patients.RecordScope;
import org.carebridge.patients.ReleasePurpose;

/**
 * A record request as the API shows it: the consent decision and its reasons, the review's reason when
 * denied, and, once released, the bundle's SHA-256 and when access ends.
 */
public record RecordRequestDetails(
        UUID id,
        UUID patientId,
        long fromFacilityId,
        long toFacilityId,
        ReleasePurpose purpose,
        Set<RecordScope> scope,
        String reason,
        RecordRequestStatus status,
        ConsentDecision.Outcome consentOutcome,
        boolean breakGlass,
        List<String> consentReasons,
        String decisionReason,
        String requestedBy,
        String bundleSha256,
        Instant releasedAt,
        Instant expiresAt,
        Instant createdAt,
        Instant updatedAt,
        Instant closedAt) {

    /** Whether the receiving facility may read the bundle now (released, and its 30 days not over by the clock). */
    public boolean bundleReadable() {
        return RecordRequest.readable(status, expiresAt, ReleaseTimeline.now());
    }

    static RecordRequestDetails of(RecordRequest r) {
        return new RecordRequestDetails(r.getId(), r.getPatientId(), r.getFromFacilityId(), r.getToFacilityId(),
                r.getPurpose(), r.getScope(), r.getReason(), r.getStatus(), r.getConsentOutcome(), r.isBreakGlass(),
                r.getConsentReasons(), r.getDecisionReason(), r.getRequestedBy(), r.getBundleSha256(), r.getReleasedAt(),
                r.getExpiresAt(), r.getCreatedAt(), r.getUpdatedAt(), r.getClosedAt());
    }
}
