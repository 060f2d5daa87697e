package org.carebridge.patients.consent;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.carebridge.patients.ConsentDecision;
import org.carebridge.patients.RecordScope;
import org.carebridge.patients.ReleasePurpose;
import org.kie.api.definition.type.ClassReactive;

/**
 * The question put to the consent rules — may this facility receive these parts of the record for this
 * purpose on this day? — and the answers the rules give, each with its rule and consent.
 */
@ClassReactive // facts are never modified: nothing to react to, property by property
public final class ReleaseQuestion {

    private final long facilityId;
    private final ReleasePurpose purpose;
    private final Set<RecordScope> scope;
    private final String reason;
    private final LocalDate date;
    private final List<String> denials = new ArrayList<>();
    private final List<String> permits = new ArrayList<>();
    private final List<String> glassBreaks = new ArrayList<>();

    public ReleaseQuestion(long facilityId, ReleasePurpose purpose, Set<RecordScope> scope, String reason,
            LocalDate date) {
        this.facilityId = facilityId;
        this.purpose = purpose;
        this.scope = Collections.unmodifiableSet(EnumSet.copyOf(scope));
        this.reason = reason;
        this.date = date;
    }

    public long getFacilityId() {
        return facilityId;
    }

    public ReleasePurpose getPurpose() {
        return purpose;
    }

    public Set<RecordScope> getScope() {
        return scope;
    }

    public LocalDate getDate() {
        return date;
    }

    public boolean isEmergency() {
        return purpose == ReleasePurpose.EMERGENCY;
    }

    /** A reason was stated, as breaking the glass requires. */
    public boolean isExplained() {
        return reason != null && !reason.isBlank();
    }

    public void deniedBy(String rule, ConsentTerms consent) {
        denials.add(rule + ": " + consent.describe());
    }

    public void permittedBy(String rule, ConsentTerms consent) {
        permits.add(rule + ": " + consent.describe());
    }

    public void glassBroken(String rule) {
        glassBreaks.add(rule + ": " + reason.strip());
    }

    /** The rules' answers, read in one place: a denial, else a permit, else the glass, else consent is needed. */
    ConsentDecision decision() {
        if (!denials.isEmpty()) {
            return new ConsentDecision(ConsentDecision.Outcome.DENY, false, denials);
        }
        if (!permits.isEmpty()) {
            return new ConsentDecision(ConsentDecision.Outcome.PERMIT, false, permits);
        }
        if (!glassBreaks.isEmpty()) {
            return new ConsentDecision(ConsentDecision.Outcome.PERMIT, true, glassBreaks);
        }
        return new ConsentDecision(ConsentDecision.Outcome.CONSENT_NEEDED, false, List.of(
                "No active consent covers facility " + facilityId + ", purpose " + purpose + " and scope " + scope
                        + " on " + date + (isEmergency() && !isExplained() ? "; an emergency needs a reason to break the glass" : "")));
    }
}
