package org.carebridge.referrals;

import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Version;
import org.carebridge.directory.Specialty;
import org.carebridge.guidelines.Urgency;

/**
 * A referral of one patient from a clinic to a specialist. Its state is changed only by the steps of
 * its process (package-private methods), each in the transaction of that step.
 */
@Entity
public class Referral {

    @Id
    private UUID id;
    private UUID patientId;
    private Long referringFacilityId;
    private Long referringRegionId;
    /** The county of the patient's home facility when referred: its coordinators serve the case too. */
    private Long patientRegionId;
    private String reason;
    @Enumerated(EnumType.STRING)
    private Specialty requestedSpecialty;
    private String suspectedConditions;
    private String assessmentInputJson;
    @Enumerated(EnumType.STRING)
    private ReferralStatus status;
    @Enumerated(EnumType.STRING)
    private Urgency urgency;
    @Enumerated(EnumType.STRING)
    private Specialty specialty;
    private String assessmentJson;
    private String rulesetVersion;
    private Long assignedDoctorId;
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "referral_declined_doctor", joinColumns = @JoinColumn(name = "referral_id"))
    @Column(name = "practitioner_id")
    private Set<Long> declinedDoctorIds = new HashSet<>();
    private int declineCount;
    private int missedAppointments;
    private Long transferFacilityId;
    @Enumerated(EnumType.STRING)
    private Transport transferTransport;
    private Boolean outcomeAttended;
    private String outcomeDiagnosis;
    private String outcomePlan;
    @Enumerated(EnumType.STRING)
    private FollowUp outcomeFollowUp;
    private UUID followUpReferralId;
    private boolean slaBreached;
    private boolean escalated;
    private String processInstanceId;
    private Instant createdAt;
    private Instant updatedAt;
    private Instant closedAt;
    /** Null until first stored: how Spring Data tells a new referral from a known one. */
    @Version
    private Long version;

    protected Referral() {
    }

    Referral(UUID id, UUID patientId, long patientRegionId, long referringFacilityId, long referringRegionId,
            String reason, Specialty requestedSpecialty, String suspectedConditions, String assessmentInputJson,
            Instant now) {
        this.id = id;
        this.patientId = patientId;
        this.patientRegionId = patientRegionId;
        this.referringFacilityId = referringFacilityId;
        this.referringRegionId = referringRegionId;
        this.reason = reason;
        this.requestedSpecialty = requestedSpecialty;
        this.suspectedConditions = suspectedConditions;
        this.assessmentInputJson = assessmentInputJson;
        this.status = ReferralStatus.REQUESTED;
        this.createdAt = now;
        this.updatedAt = now;
    }

    void assessed(Urgency urgency, Specialty specialty, String assessmentJson, String rulesetVersion,
            String assessmentInputJson, Instant now) {
        this.urgency = urgency;
        this.specialty = specialty;
        this.assessmentJson = assessmentJson;
        this.rulesetVersion = rulesetVersion;
        this.assessmentInputJson = assessmentInputJson;
        touch(now);
    }

    /** New observations replace the ones they measure again; the next assessment reads them. */
    void observedAgain(String assessmentInputJson, Instant now) {
        this.assessmentInputJson = assessmentInputJson;
        touch(now);
    }

    /**
     * The referral has become an emergency: whoever it was routed to, the patient is transferred now; the
     * process waits at {@code ArrangeEmergencyTransfer}.
     */
    void becameEmergency(Specialty specialty, Instant now) {
        this.urgency = Urgency.EMERGENCY;
        this.specialty = specialty;
        this.assignedDoctorId = null;
        this.escalated = true;
        moveTo(ReferralStatus.REQUESTED, now);
    }

    /** A doctor lowered the emergency: the referral is reviewed again at the new urgency. */
    void emergencyLowered(Urgency urgency, Instant now) {
        this.urgency = urgency;
        moveTo(ReferralStatus.REQUESTED, now);
    }

    void startedAs(String processInstanceId) {
        this.processInstanceId = processInstanceId;
    }

    void routed(long doctorId, Urgency urgency, Specialty specialty, Instant now) {
        this.assignedDoctorId = doctorId;
        this.urgency = urgency;
        this.specialty = specialty;
        moveTo(ReferralStatus.RECEIVED, now);
    }

    void onHold(Instant now) {
        moveTo(ReferralStatus.ON_HOLD, now);
    }

    void backToReview(Instant now) {
        moveTo(ReferralStatus.REQUESTED, now);
    }

    void accepted(Instant now) {
        moveTo(ReferralStatus.ACCEPTED, now);
    }

    /** The doctor said no: they are not offered this referral again. Returns the number of declines so far. */
    int declined(Instant now) {
        declinedDoctorIds.add(assignedDoctorId);
        assignedDoctorId = null;
        declineCount++;
        moveTo(ReferralStatus.REQUESTED, now);
        return declineCount;
    }

    void unanswered(Instant now) {
        assignedDoctorId = null;
        moveTo(ReferralStatus.REQUESTED, now);
    }

    void transferArranged(long facilityId, Transport transport, Instant now) {
        this.transferFacilityId = facilityId;
        this.transferTransport = transport;
        moveTo(ReferralStatus.SCHEDULED, now);
    }

    void scheduled(Instant now) {
        moveTo(ReferralStatus.SCHEDULED, now);
    }

    void reported(String diagnosis, String plan, FollowUp followUp, Instant now) {
        this.outcomeAttended = true;
        this.outcomeDiagnosis = diagnosis;
        this.outcomePlan = plan;
        this.outcomeFollowUp = followUp;
        moveTo(ReferralStatus.REPORTED, now);
    }

    /** The patient did not come. Returns the number of missed appointments so far. */
    int missed(Instant now) {
        outcomeAttended = false;
        missedAppointments++;
        touch(now);
        return missedAppointments;
    }

    void followedUpBy(UUID referralId) {
        this.followUpReferralId = referralId;
    }

    void slaBreached(Instant now) {
        this.slaBreached = true;
        touch(now);
    }

    void escalate(Instant now) {
        this.escalated = true;
        touch(now);
    }

    void finish(ReferralStatus finalStatus, Instant now) {
        moveTo(finalStatus, now);
        this.closedAt = now;
    }

    private void moveTo(ReferralStatus next, Instant now) {
        this.status = next;
        touch(now);
    }

    private void touch(Instant now) {
        this.updatedAt = now;
    }

    public boolean isEmergency() {
        return urgency == Urgency.EMERGENCY;
    }

    public UUID getId() {
        return id;
    }

    public UUID getPatientId() {
        return patientId;
    }

    public Long getReferringFacilityId() {
        return referringFacilityId;
    }

    public Long getPatientRegionId() {
        return patientRegionId;
    }

    public Long getReferringRegionId() {
        return referringRegionId;
    }

    public String getReason() {
        return reason;
    }

    public Specialty getRequestedSpecialty() {
        return requestedSpecialty;
    }

    public String getSuspectedConditions() {
        return suspectedConditions;
    }

    String getAssessmentInputJson() {
        return assessmentInputJson;
    }

    public ReferralStatus getStatus() {
        return status;
    }

    public Urgency getUrgency() {
        return urgency;
    }

    public Specialty getSpecialty() {
        return specialty;
    }

    String getAssessmentJson() {
        return assessmentJson;
    }

    public String getRulesetVersion() {
        return rulesetVersion;
    }

    public Long getAssignedDoctorId() {
        return assignedDoctorId;
    }

    public Set<Long> getDeclinedDoctorIds() {
        return Set.copyOf(declinedDoctorIds);
    }

    public int getDeclineCount() {
        return declineCount;
    }

    public int getMissedAppointments() {
        return missedAppointments;
    }

    public Long getTransferFacilityId() {
        return transferFacilityId;
    }

    public Transport getTransferTransport() {
        return transferTransport;
    }

    public Boolean getOutcomeAttended() {
        return outcomeAttended;
    }

    public String getOutcomeDiagnosis() {
        return outcomeDiagnosis;
    }

    public String getOutcomePlan() {
        return outcomePlan;
    }

    public FollowUp getOutcomeFollowUp() {
        return outcomeFollowUp;
    }

    public UUID getFollowUpReferralId() {
        return followUpReferralId;
    }

    public boolean isSlaBreached() {
        return slaBreached;
    }

    public boolean isEscalated() {
        return escalated;
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

    public Long getVersion() {
        return version;
    }
}
