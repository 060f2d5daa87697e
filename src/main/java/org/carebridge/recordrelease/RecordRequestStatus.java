package org.carebridge.recordrelease;

public enum RecordRequestStatus {
    REQUESTED,
    AWAITING_CONSENT,
    UNDER_REVIEW,
    /** The bundle is readable by the receiving facility until it expires. */
    RELEASED,
    DENIED,
    EXPIRED,
    /** Released by breaking the glass, then judged not appropriate: access ended at the review. */
    REVOKED,
    CANCELLED;

    /** No step can change it any more (a released request only expires or is revoked). */
    public boolean isFinished() {
        return this == DENIED || this == EXPIRED || this == REVOKED || this == CANCELLED;
    }

    /** Still being decided: it can be cancelled. */
    public boolean isPending() {
        return this == REQUESTED || this == AWAITING_CONSENT || this == UNDER_REVIEW;
    }
}
