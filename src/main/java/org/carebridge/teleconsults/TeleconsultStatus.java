package org.carebridge.teleconsults;

/** Where a teleconsult stands. */
public enum TeleconsultStatus {
    REQUESTED,
    SCHEDULED,
    IN_PROGRESS,
    COMPLETED,
    ESCALATED,
    CANCELLED,
    FAILED;

    /** Nothing more happens to the teleconsult. */
    public boolean isFinished() {
        return this == COMPLETED || this == ESCALATED || this == CANCELLED || this == FAILED;
    }

    /** The session has not ended: the requesting side may still send observations. */
    public boolean isOpen() {
        return !isFinished();
    }
}
