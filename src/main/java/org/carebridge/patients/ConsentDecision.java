package org.carebridge.patients;

import java.util.List;

/**
 * What the consent rules decided about one release, and why: each reason names the rule that fired and
 * the consent it fired on. {@code breakGlass}: an emergency released without consent, to be reviewed.
 */
public record ConsentDecision(Outcome outcome, boolean breakGlass, List<String> reasons) {

    public enum Outcome { PERMIT, DENY, CONSENT_NEEDED }

    public ConsentDecision {
        reasons = List.copyOf(reasons);
    }

    public boolean permitted() {
        return outcome == Outcome.PERMIT;
    }
}
