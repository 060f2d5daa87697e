package org.carebridge.teleconsults.internal;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Version;
import org.carebridge.directory.Specialty;
import org.carebridge.guidelines.Urgency;
import org.carebridge.teleconsults.TeleconsultFollowUp;
import org.carebridge.teleconsults.TeleconsultStatus;

/**
 * One teleconsultation. Its state is changed only by the steps of its process, each in the
 * transaction of that step (the methods are public only because the module's API sits one package up).
 */
@Entity
public class Teleconsult {

    @Id
    private UUID id;
    private UUID patientId;
    private Long requestingFacilityId;
    private Long requestingRegionId;
    /** The county of the patient's home facility when requested: its coordinators serve the case too. */
    private Long patientRegionId;
    /** The user who asked for it: a doctor who requests a teleconsult is its requesting side. */
    private String requestedBy;
    @Enumerated(EnumType.STRING)
    private Specialty specialty;
    private String reason;
    private String assessmentInputJson;
    @Enumerated(EnumType.STRING)
    private TeleconsultStatus status;
    @Enumerated(EnumType.STRING)
    private Urgency urgency;
    private String rulesetVersion;
    private Long doctorId;
    private Instant startsAt;
    private Instant endsAt;
    private String sessionRoom;
    private int connectionFailures;
    private String subjective;
    private String objective;
    private String assessment;
    private String plan;
    private String prescriptionsJson;
    @Enumerated(EnumType.STRING)
    private TeleconsultFollowUp followUp;
    private UUID encounterId;
    /** The referral that called this teleconsult, if it was called from one. */
    private UUID referralId;
    private UUID followUpReferralId;
    private String processInstanceId;
    private Instant createdAt;
    private Instant updatedAt;
    private Instant closedAt;
    /** Null until first stored: how Spring Data tells a new teleconsult from a known one. */
    @Version
    private Long version;

    protected Teleconsult() {
    }

    public Teleconsult(UUID id, UUID patientId, long patientRegionId, long requestingFacilityId, long requestingRegionId,
            Specialty specialty, String reason, String assessmentInputJson, UUID referralId, String requestedBy,
            Instant now) {
        this.id = id;
        this.patientId = patientId;
        this.patientRegionId = patientRegionId;
        this.requestingFacilityId = requestingFacilityId;
        this.requestingRegionId = requestingRegionId;
        this.specialty = specialty;
        this.reason = reason;
        this.assessmentInputJson = assessmentInputJson;
        this.referralId = referralId;
        this.requestedBy = requestedBy;
        this.status = TeleconsultStatus.REQUESTED;
        this.createdAt = now;
        this.updatedAt = now;
    }

    public void startedAs(String processInstanceId) {
        this.processInstanceId = processInstanceId;
    }

    public void assessed(Urgency urgency, String rulesetVersion, String assessmentInputJson, Instant now) {
        this.urgency = urgency;
        this.rulesetVersion = rulesetVersion;
        this.assessmentInputJson = assessmentInputJson;
        touch(now);
    }

    public void scheduled(long doctorId, Instant start, Instant end, String room, Instant now) {
        this.doctorId = doctorId;
        this.startsAt = start;
        this.endsAt = end;
        this.sessionRoom = room;
        moveTo(TeleconsultStatus.SCHEDULED, now);
    }

    public void sessionStarted(Instant now) {
        moveTo(TeleconsultStatus.IN_PROGRESS, now);
    }

    /** The link failed; the session is to be booked again. Returns the number of failures so far. */
    public int connectionFailed(Instant now) {
        connectionFailures++;
        this.sessionRoom = null;
        moveTo(TeleconsultStatus.REQUESTED, now);
        return connectionFailures;
    }

    public void noted(String subjective, String objective, String assessment, String plan, String prescriptionsJson,
            TeleconsultFollowUp followUp, UUID encounterId, Instant now) {
        this.subjective = subjective;
        this.objective = objective;
        this.assessment = assessment;
        this.plan = plan;
        this.prescriptionsJson = prescriptionsJson;
        this.followUp = followUp;
        this.encounterId = encounterId;
        touch(now);
    }

    public void followedUpBy(UUID referralId) {
        this.followUpReferralId = referralId;
    }

    public void finish(TeleconsultStatus finalStatus, Instant now) {
        moveTo(finalStatus, now);
        this.closedAt = now;
    }

    private void moveTo(TeleconsultStatus next, Instant now) {
        this.status = next;
        touch(now);
    }

    private void touch(Instant now) {
        this.updatedAt = now;
    }

    public boolean isCalledFromReferral() {
        return referralId != null;
    }

    public UUID getId() {
        return id;
    }

    public UUID getPatientId() {
        return patientId;
    }

    public Long getRequestingFacilityId() {
        return requestingFacilityId;
    }

    public Long getPatientRegionId() {
        return patientRegionId;
    }

    public Long getRequestingRegionId() {
        return requestingRegionId;
    }

    public String getRequestedBy() {
        return requestedBy;
    }

    public Specialty getSpecialty() {
        return specialty;
    }

    public String getReason() {
        return reason;
    }

    public String getAssessmentInputJson() {
        return assessmentInputJson;
    }

    public TeleconsultStatus getStatus() {
        return status;
    }

    public Urgency getUrgency() {
        return urgency;
    }

    public String getRulesetVersion() {
        return rulesetVersion;
    }

    public Long getDoctorId() {
        return doctorId;
    }

    public Instant getStartsAt() {
        return startsAt;
    }

    public Instant getEndsAt() {
        return endsAt;
    }

    public String getSessionRoom() {
        return sessionRoom;
    }

    public int getConnectionFailures() {
        return connectionFailures;
    }

    public String getSubjective() {
        return subjective;
    }

    public String getObjective() {
        return objective;
    }

    public String getAssessment() {
        return assessment;
    }

    public String getPlan() {
        return plan;
    }

    public String getPrescriptionsJson() {
        return prescriptionsJson;
    }

    public TeleconsultFollowUp getFollowUp() {
        return followUp;
    }

    public UUID getEncounterId() {
        return encounterId;
    }

    public UUID getReferralId() {
        return referralId;
    }

    public UUID getFollowUpReferralId() {
        return followUpReferralId;
    }

    public String getProcessInstanceId() {
        return processInstanceId;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    public Instant getClosedAt() {
        return closedAt;
    }
}
