package org.carebridge.recordrelease;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Version;
import org.carebridge.patients.ConsentDecision;
import org.carebridge.patients.RecordScope;
import org.carebridge.patients.ReleasePurpose;
import org.carebridge.shared.ConflictException;

/**
 * One facility's request for a patient's records from another. Its state is changed only by the steps
 * of its process (package-private methods), each in the transaction of that step.
 */
@Entity
class RecordRequest {

    /** How long the receiving facility may read a released bundle. */
    static final Duration RELEASE_WINDOW = Duration.ofDays(30);

    @Id
    private UUID id;
    private UUID patientId;
    private Long fromFacilityId;
    private Long toFacilityId;
    @Enumerated(EnumType.STRING)
    private ReleasePurpose purpose;
    private String scope;
    private String reason;
    @Enumerated(EnumType.STRING)
    private RecordRequestStatus status;
    @Enumerated(EnumType.STRING)
    private ConsentDecision.Outcome consentOutcome;
    private boolean breakGlass;
    private String consentReasons;
    private String decisionReason;
    private String requestedBy;
    private String processInstanceId;
    private String bundleJson;
    private String bundleSha256;
    private Instant releasedAt;
    private Instant expiresAt;
    private Instant createdAt;
    private Instant updatedAt;
    private Instant closedAt;
    /** Null until first stored: how Spring Data tells a new request from a known one. */
    @Version
    private Long version;

    protected RecordRequest() {
    }

    RecordRequest(UUID id, UUID patientId, long fromFacilityId, long toFacilityId, ReleasePurpose purpose,
            Set<RecordScope> scope, String reason, String requestedBy, Instant now) {
        this.id = id;
        this.patientId = patientId;
        this.fromFacilityId = fromFacilityId;
        this.toFacilityId = toFacilityId;
        this.purpose = purpose;
        this.scope = scope.stream().map(Enum::name).sorted().collect(Collectors.joining(","));
        this.reason = reason;
        this.requestedBy = requestedBy;
        this.status = RecordRequestStatus.REQUESTED;
        this.createdAt = now;
        this.updatedAt = now;
    }

    void startedAs(String processInstanceId) {
        this.processInstanceId = processInstanceId;
    }

    void consentDecided(ConsentDecision decision, Instant now) {
        this.consentOutcome = decision.outcome();
        this.breakGlass = decision.breakGlass();
        this.consentReasons = String.join("\n", decision.reasons());
        switch (decision.outcome()) {
            case DENY -> finish(RecordRequestStatus.DENIED, "Refused by the patient's consent", now);
            case CONSENT_NEEDED -> moveTo(RecordRequestStatus.AWAITING_CONSENT, now);
            case PERMIT -> moveTo(decision.breakGlass() ? RecordRequestStatus.REQUESTED : RecordRequestStatus.UNDER_REVIEW, now);
        }
    }

    void consentGiven(Instant now) {
        moveTo(RecordRequestStatus.UNDER_REVIEW, now);
    }

    void released(String bundleJson, String sha256, Instant now) {
        this.bundleJson = bundleJson;
        this.bundleSha256 = sha256;
        this.releasedAt = now;
        this.expiresAt = now.plus(RELEASE_WINDOW);
        moveTo(RecordRequestStatus.RELEASED, now);
    }

    void finish(RecordRequestStatus finished, String reason, Instant now) {
        if (status.isFinished()) {
            throw new ConflictException("status", "The record request is already " + status);
        }
        this.decisionReason = reason;
        this.status = finished;
        this.closedAt = now;
        this.updatedAt = now;
    }

    /** Access ends: the bundle is no longer served (it is kept, with its hash, as what was released). */
    void expired(Instant now) {
        this.status = RecordRequestStatus.EXPIRED;
        this.closedAt = now;
        this.updatedAt = now;
    }

    /** An emergency access judged not appropriate: the bundle is no longer served, before its time is up. */
    void revoked(Instant now) {
        this.status = RecordRequestStatus.REVOKED;
        this.closedAt = now;
        this.updatedAt = now;
    }

    /**
     * Whether the receiving facility may read the bundle now: released and not yet expired by the clock, whether or
     * not the expiry timer has run (it may be late, or its job may have failed).
     */
    boolean readableAt(Instant now) {
        return readable(status, expiresAt, now);
    }

    static boolean readable(RecordRequestStatus status, Instant expiresAt, Instant now) {
        return status == RecordRequestStatus.RELEASED && expiresAt != null && now.isBefore(expiresAt);
    }

    private void moveTo(RecordRequestStatus next, Instant now) {
        this.status = next;
        this.updatedAt = now;
    }

    UUID getId() {
        return id;
    }

    UUID getPatientId() {
        return patientId;
    }

    long getFromFacilityId() {
        return fromFacilityId;
    }

    long getToFacilityId() {
        return toFacilityId;
    }

    ReleasePurpose getPurpose() {
        return purpose;
    }

    Set<RecordScope> getScope() {
        EnumSet<RecordScope> set = EnumSet.noneOf(RecordScope.class);
        Arrays.stream(scope.split(",")).filter(s -> !s.isBlank()).map(RecordScope::valueOf).forEach(set::add);
        return set;
    }

    String getReason() {
        return reason;
    }

    RecordRequestStatus getStatus() {
        return status;
    }

    ConsentDecision.Outcome getConsentOutcome() {
        return consentOutcome;
    }

    boolean isBreakGlass() {
        return breakGlass;
    }

    List<String> getConsentReasons() {
        return consentReasons == null || consentReasons.isEmpty() ? List.of() : List.of(consentReasons.split("\n"));
    }

    String getDecisionReason() {
        return decisionReason;
    }

    String getRequestedBy() {
        return requestedBy;
    }

    String getProcessInstanceId() {
        return processInstanceId;
    }

    String getBundleJson() {
        return bundleJson;
    }

    String getBundleSha256() {
        return bundleSha256;
    }

    Instant getReleasedAt() {
        return releasedAt;
    }

    Instant getExpiresAt() {
        return expiresAt;
    }

    Instant getCreatedAt() {
        return createdAt;
    }

    Instant getUpdatedAt() {
        return updatedAt;
    }

    Instant getClosedAt() {
        return closedAt;
    }
}
