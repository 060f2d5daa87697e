package org.carebridge.patients;

/** Why a facility asks for a patient's records, as a consent names the purposes it covers. */
public enum ReleasePurpose {
    CONTINUING_CARE,
    REFERRAL,
    PATIENT_REQUEST,
    /** May break the glass: released without consent when a reason is given, flagged and reviewed afterwards. */
    EMERGENCY
}
