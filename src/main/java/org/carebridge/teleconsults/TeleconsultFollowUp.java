package org.carebridge.teleconsults;

/** What the doctor asks for after the consult. */
public enum TeleconsultFollowUp {
    NONE,
    FOLLOW_UP,
    /** A referral to be seen in person is started for the patient. */
    IN_PERSON_REFERRAL
}
