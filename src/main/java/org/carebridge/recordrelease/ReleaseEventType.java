package org.carebridge.recordrelease;

public enum ReleaseEventType {
    REQUESTED,
    CONSENT_DECIDED,
    BREAK_GLASS,
    TASK_CREATED,
    TASK_CLAIMED,
    CONSENT_GIVEN,
    CONSENT_REFUSED,
    APPROVED,
    DENIED,
    RELEASED,
    BUNDLE_READ,
    EMERGENCY_ACCESS_REVIEWED,
    EXPIRED,
    ACCESS_REVOKED,
    CANCELLED
}
