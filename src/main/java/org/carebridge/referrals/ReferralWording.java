package org.carebridge.referrals;

import org.carebridge.shared.Wording;

/**
 * The kinds of thing a referral's timeline says, each with its words in {@code i18n/referrals*.properties}
 * ({@code referrals.said.ROUTED=To {doctor} ({specialty}, {urgency})}); the parameters are given where the
 * step is taken.
 */
enum ReferralWording implements Wording.Template {
    /** A clinic's referral: {facility}, {reason}. */
    SUBMITTED,
    /** {urgency}, {specialty}, {findings}, {rules}. */
    ASSESSED,
    /** {urgency}, {specialty}, {findings}. */
    NEW_OBSERVATIONS,
    /** New observations that would lower an emergency, which only a doctor may: {assessed}, {specialty}, {findings}, {urgency}. */
    NEW_OBSERVATIONS_KEPT,
    /** {specialty}. */
    EMERGENCY_AT_SUBMISSION,
    /** {before}, {specialty}. */
    EMERGENCY_ON_REASSESSMENT,
    /** {before}: new observations made it an emergency. */
    EMERGENCY_ON_NEW_OBSERVATIONS,
    EMERGENCY_AT_REVIEW,
    EMERGENCY_BY_HAND,
    /** {task}, {urgency}: the step's service level now runs at the new urgency. */
    STEP_NOW_AT,
    /** {before}, {urgency}, {specialtyBefore}, {specialty}, {reason}. */
    OVERRIDDEN,
    /** {before}, {reason}. */
    RAISED,
    /** {urgency}, {doctor}, {reason}. */
    LOWERED,
    /** {doctor}, {specialty}, {urgency}. */
    ROUTED,
    ROUTED_AUTOMATICALLY,
    /** Whatever a person wrote: {reason}. */
    REASON,
    /** {note}. */
    INFORMATION_PROVIDED,
    INFORMATION_PROVIDED_WITH_OBSERVATIONS,
    /** {missed}, {allowed}. */
    MISSED_APPOINTMENT,
    /** {missed}. */
    MISSED_TOO_OFTEN,
    /** {diagnosis}, {followUp}. */
    OUTCOME,
    /** {teleconsult}, {diagnosis}, {followUp}. */
    TELECONSULT_OUTCOME,
    /** {teleconsult}. */
    TELECONSULT_EMERGENCY,
    /** {teleconsult}, {outcome}. */
    TELECONSULT_UNDONE,
    /** {referral}. */
    FOLLOW_UP_REFERRAL,
    /** {facility}, {transport}, {note}. */
    TRANSFER_ARRANGED,
    /** {mode}, {doctor}, {start}, {minutes}, {equipment}. */
    SCHEDULED,
    /** {within}. */
    NOT_REVIEWED_IN_TIME,
    TRANSFER_NOT_ARRANGED_IN_TIME,
    OUTCOME_NOT_ACKNOWLEDGED_IN_TIME,
    /** {doctor}, {within}. */
    NOT_ANSWERED_IN_TIME,
    /** {declines}. */
    DECLINED_TOO_OFTEN;

    @Override
    public String key() {
        return "referrals.said." + name();
    }

    /** What a person wrote, as they wrote it; nothing when they wrote nothing. */
    static Wording reason(String text) {
        return Wording.of(REASON).text("reason", text);
    }

    static Wording urgencyAndSpecialty(ReferralWording kind, Enum<?> urgency, Enum<?> specialty) {
        return Wording.of(kind).label("urgency", "urgency", urgency).label("specialty", "specialty", specialty);
    }
}
