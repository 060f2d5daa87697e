package org.carebridge.teleconsults.internal;

import java.util.List;

import org.carebridge.patients.ObservationType;
import org.carebridge.shared.Wording;

/**
 * The kinds of thing a teleconsult's timeline says, each with its words in {@code i18n/teleconsults*.properties}
 * ({@code teleconsults.said.SCHEDULED=With {doctor}, {start}, for {length}; session room opened}); the
 * parameters are given where the step is taken. Tasks opened and claimed are worded by {@code TaskWording}.
 */
public enum TeleconsultWording implements Wording.Template {
    /** A clinic's request: {facility}, {specialty}, {reason}. */
    REQUESTED,
    /** A referral's request: {referral}, {facility}, {specialty}, {reason}. */
    REQUESTED_FOR_REFERRAL,
    /** {urgency}, {specialty}, {findings}. */
    ASSESSED,
    /** {fields}: the observations sent, by their labels. */
    OBSERVATIONS_ADDED,
    /** {before}, {urgency}, {findings}. */
    REASSESSED,
    /** {doctor}, {start}, {length}. */
    SCHEDULED,
    /** The calling referral booked the doctor and the start: {doctor}, {start}, {length}. */
    BOOKED_BY_REFERRAL,
    /** {start}, {doctor}. */
    REMINDER,
    STARTED,
    /** {failures}, {allowed}. */
    CONNECTION_FAILED,
    /** {assessment}, {followUp}, {encounter}. */
    NOTE_WRITTEN,
    /** {referral}. */
    FOLLOW_UP_REFERRAL,
    COMPLETED,
    /** The calling referral goes on to its emergency transfer: {referral}. */
    ESCALATED_REFERRAL,
    /** A new emergency referral: {referral}, {task}. */
    ESCALATED_NEW_REFERRAL,
    /** {failures}. */
    FAILED,
    /** Whatever a person wrote: {reason}. */
    CANCELLED,
    /** The process was deleted under an open teleconsult. */
    ENDED_EARLY,
    /** The calling referral ended it: {referral}. */
    ENDED_BY_REFERRAL;

    @Override
    public String key() {
        return "teleconsults.said." + name();
    }

    /** The observations sent, each by the label of its type ({@code observation.SYSTOLIC_BP}). */
    public static Wording observationsAdded(List<String> fieldNames) {
        return Wording.of(OBSERVATIONS_ADDED).labels("fields", "observation",
                fieldNames.stream().flatMap(field -> ObservationType.byKey(field).stream()).toList());
    }
}
