package org.carebridge.referrals;

import org.carebridge.shared.Wording;

/** What asked for a referral when it was not a clinic: the timeline's first entry says so, in these words. */
public enum Origin implements Wording.Template {
    /** A doctor's outcome asked for a new referral. */
    REFERRAL_FOLLOW_UP,
    /** A teleconsult found an emergency. */
    TELECONSULT_ESCALATED,
    /** A teleconsult asked for the patient to be seen in person. */
    TELECONSULT_FOLLOW_UP,
    /** A teleconsult's video link failed twice. */
    TELECONSULT_FAILED;

    @Override
    public String key() {
        return "referrals.said.SUBMITTED_" + name();
    }
}
