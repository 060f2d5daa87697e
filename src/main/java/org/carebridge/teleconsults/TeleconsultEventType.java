package org.carebridge.teleconsults;

public enum TeleconsultEventType {
    REQUESTED,
    ASSESSED,
    OBSERVATIONS_ADDED,
    REASSESSED,
    TASK_CREATED,
    TASK_CLAIMED,
    SCHEDULED,
    REMINDER,
    STARTED,
    CONNECTION_FAILED,
    NOTE_WRITTEN,
    FOLLOW_UP_REFERRAL,
    COMPLETED,
    ESCALATED,
    FAILED,
    CANCELLED
}
