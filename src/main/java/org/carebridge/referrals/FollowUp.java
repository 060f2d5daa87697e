package org.carebridge.referrals;

/** What the specialist asks for after the appointment. */
public enum FollowUp {
    NONE,
    FOLLOW_UP,
    /** Another referral is started for the patient. */
    NEW_REFERRAL
}
