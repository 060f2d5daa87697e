package org.carebridge.referrals;

/** Where a referral stands, and the HL7 FHIR {@code Task.status} it maps to. */
public enum ReferralStatus {
    REQUESTED("requested"),
    ON_HOLD("on-hold"),
    RECEIVED("received"),
    ACCEPTED("accepted"),
    /** FHIR has no "scheduled": the task is accepted with business status "scheduled". */
    SCHEDULED("accepted"),
    REPORTED("in-progress"),
    COMPLETED("completed"),
    REJECTED("rejected"),
    CANCELLED("cancelled"),
    FAILED("failed");

    private final String fhirStatus;

    ReferralStatus(String fhirStatus) {
        this.fhirStatus = fhirStatus;
    }

    public String fhirStatus() {
        return fhirStatus;
    }

    /** The loop is over: nothing more happens to the referral. */
    public boolean isFinished() {
        return this == COMPLETED || this == REJECTED || this == CANCELLED || this == FAILED;
    }
}
