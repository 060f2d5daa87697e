package org.carebridge.recordrelease;

import java.util.Set;

import org.carebridge.patients.RecordScope;
import org.carebridge.shared.Wording;

/**
 * The kinds of thing a record request's timeline says, each with its words in {@code i18n/records*.properties}
 * ({@code records.said.EXPIRED=Access by {facility} revoked after {window}}); the parameters are given where the
 * step is taken. Tasks opened and claimed are worded by {@code TaskWording}.
 */
enum ReleaseWording implements Wording.Template {
    /** {to}, {from}, {scope}, {purpose}, {reason}. */
    REQUESTED,
    /** {outcome}, {reasons}: the consent rules' reasons, as they give them. */
    CONSENT_DECIDED,
    /** {reason}. */
    BREAK_GLASS,
    DENIED_BY_CONSENT,
    /** {consent}, {evidence}. */
    CONSENT_GIVEN,
    /** {evidence}. */
    CONSENT_REFUSED,
    /** {reason}. */
    APPROVED,
    /** Whatever a person wrote: {reason}. */
    REASON,
    /** {scope}, {facility}, {sha256}, {until}. */
    RELEASED,
    /** {sha256}. */
    BUNDLE_READ,
    /** {comment}. */
    EMERGENCY_ACCESS_APPROPRIATE,
    EMERGENCY_ACCESS_NOT_APPROPRIATE,
    /** {facility}: the receiving facility, whose access a "not appropriate" review ends at once. */
    ACCESS_REVOKED,
    /** {facility}, {window}. */
    EXPIRED;

    @Override
    public String key() {
        return "records.said." + name();
    }

    static Wording reason(String text) {
        return Wording.of(REASON).text("reason", text);
    }

    /** The parts of the record, each by its label ({@code records.scope.NOTES}), in their order. */
    static Wording scope(Wording wording, Set<RecordScope> scope) {
        return wording.labels("scope", "records.scope", scope.stream().sorted().toList());
    }
}
