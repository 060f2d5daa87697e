package org.carebridge.patients.consent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.carebridge.patients.RecordScope.ASSESSMENTS;
import static org.carebridge.patients.RecordScope.ENCOUNTERS;
import static org.carebridge.patients.RecordScope.NOTES;
import static org.carebridge.patients.RecordScope.OBSERVATIONS;
import static org.carebridge.patients.ReleasePurpose.CONTINUING_CARE;
import static org.carebridge.patients.ReleasePurpose.EMERGENCY;
import static org.carebridge.patients.ReleasePurpose.REFERRAL;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.carebridge.patients.ConsentDecision;
import org.carebridge.patients.ConsentDecision.Outcome;
import org.carebridge.patients.RecordScope;
import org.carebridge.patients.ReleasePurpose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The consent decision of {@code rules/org/carebridge/consent/consent.drl}, at its edges. */
class ConsentRuleTests {

    static final long HOSPITAL = 7;
    static final long OTHER = 8;
    static final LocalDate FROM = LocalDate.of(2026, 3, 1);
    static final LocalDate UNTIL = LocalDate.of(2026, 3, 31);
    static ConsentRules rules;

    @BeforeAll
    static void compile() {
        rules = ConsentRules.fromClasspath();
    }

    static ConsentTerms permit(Long grantee, Set<ReleasePurpose> purposes, Set<RecordScope> scope) {
        return new ConsentTerms(UUID.randomUUID(), grantee, purposes, scope, FROM, UNTIL, false);
    }

    static ConsentTerms deny(Long grantee, Set<ReleasePurpose> purposes, Set<RecordScope> scope) {
        return new ConsentTerms(UUID.randomUUID(), grantee, purposes, scope, FROM, UNTIL, true);
    }

    static ConsentDecision ask(LocalDate day, ReleasePurpose purpose, Set<RecordScope> scope, String reason,
            ConsentTerms... consents) {
        return rules.decide(new ReleaseQuestion(HOSPITAL, purpose, scope, reason, day), List.of(consents));
    }

    static ConsentDecision ask(LocalDate day, ConsentTerms... consents) {
        return ask(day, CONTINUING_CARE, Set.of(OBSERVATIONS, ENCOUNTERS), null, consents);
    }

    @Test
    void withoutAnyConsentTheSourceMustAskThePatient() {
        ConsentDecision decision = ask(FROM);
        assertThat(decision.outcome()).isEqualTo(Outcome.CONSENT_NEEDED);
        assertThat(decision.breakGlass()).isFalse();
        assertThat(decision.reasons()).singleElement().asString().contains("No active consent");
    }

    @Test
    void aPermitCoversTheRequestOnItsFirstAndLastDayBothIncluded() {
        ConsentTerms consent = permit(HOSPITAL, Set.of(CONTINUING_CARE), Set.of(OBSERVATIONS, ENCOUNTERS, NOTES));
        assertThat(ask(FROM, consent).outcome()).isEqualTo(Outcome.PERMIT);
        assertThat(ask(UNTIL, consent).outcome()).isEqualTo(Outcome.PERMIT);
        assertThat(ask(FROM, consent).reasons()).singleElement().asString()
                .contains("PERMIT naming the receiver").contains(consent.getId().toString());
    }

    @Test
    void aPermitIsIgnoredTheDayBeforeItStartsAndTheDayAfterItEnds() {
        ConsentTerms consent = permit(HOSPITAL, Set.of(CONTINUING_CARE), Set.of(OBSERVATIONS, ENCOUNTERS));
        assertThat(ask(FROM.minusDays(1), consent).outcome()).isEqualTo(Outcome.CONSENT_NEEDED);
        assertThat(ask(UNTIL.plusDays(1), consent).outcome()).isEqualTo(Outcome.CONSENT_NEEDED);
    }

    @Test
    void aPermitWithoutEndStaysInForce() {
        ConsentTerms open = new ConsentTerms(UUID.randomUUID(), HOSPITAL, Set.of(CONTINUING_CARE),
                Set.of(OBSERVATIONS, ENCOUNTERS), FROM, null, false);
        assertThat(ask(FROM.plusYears(5), open).outcome()).isEqualTo(Outcome.PERMIT);
    }

    @Test
    void aPermitForPartOfTheScopeDoesNotCoverTheRequest() {
        ConsentTerms consent = permit(HOSPITAL, Set.of(CONTINUING_CARE), Set.of(OBSERVATIONS));
        assertThat(ask(FROM, consent).outcome()).isEqualTo(Outcome.CONSENT_NEEDED);
    }

    @Test
    void aPermitForAnotherPurposeDoesNotCoverTheRequest() {
        ConsentTerms consent = permit(HOSPITAL, Set.of(REFERRAL), Set.of(OBSERVATIONS, ENCOUNTERS));
        assertThat(ask(FROM, consent).outcome()).isEqualTo(Outcome.CONSENT_NEEDED);
    }

    @Test
    void aPermitForAnotherFacilityDoesNotCoverTheRequest() {
        ConsentTerms consent = permit(OTHER, Set.of(CONTINUING_CARE), Set.of(OBSERVATIONS, ENCOUNTERS));
        assertThat(ask(FROM, consent).outcome()).isEqualTo(Outcome.CONSENT_NEEDED);
    }

    @Test
    void aPermitForAnyFacilityCoversEveryReceiver() {
        ConsentTerms consent = permit(null, Set.of(CONTINUING_CARE), Set.of(OBSERVATIONS, ENCOUNTERS));
        assertThat(ask(FROM, consent).outcome()).isEqualTo(Outcome.PERMIT);
    }

    @Test
    void aDenyBeatsAPermitThatCoversTheSameRequest() {
        ConsentTerms permit = permit(null, Set.of(CONTINUING_CARE), Set.of(OBSERVATIONS, ENCOUNTERS, NOTES));
        ConsentTerms deny = deny(HOSPITAL, Set.of(CONTINUING_CARE), Set.of(NOTES, ENCOUNTERS));
        ConsentDecision decision = ask(FROM, permit, deny);
        assertThat(decision.outcome()).isEqualTo(Outcome.DENY);
        assertThat(decision.reasons()).singleElement().asString().contains("DENY").contains(deny.getId().toString());
    }

    @Test
    void aDenyOfAPartOutsideTheRequestedScopeDoesNotRefuseIt() {
        ConsentTerms permit = permit(HOSPITAL, Set.of(CONTINUING_CARE), Set.of(OBSERVATIONS, ENCOUNTERS));
        ConsentTerms deny = deny(HOSPITAL, Set.of(CONTINUING_CARE), Set.of(NOTES, ASSESSMENTS));
        assertThat(ask(FROM, permit, deny).outcome()).isEqualTo(Outcome.PERMIT);
    }

    @Test
    void aDenyForAnotherPurposeOrFacilityDoesNotRefuseIt() {
        ConsentTerms permit = permit(HOSPITAL, Set.of(CONTINUING_CARE), Set.of(OBSERVATIONS, ENCOUNTERS));
        assertThat(ask(FROM, permit, deny(HOSPITAL, Set.of(REFERRAL), Set.of(OBSERVATIONS))).outcome())
                .isEqualTo(Outcome.PERMIT);
        assertThat(ask(FROM, permit, deny(OTHER, Set.of(CONTINUING_CARE), Set.of(OBSERVATIONS))).outcome())
                .isEqualTo(Outcome.PERMIT);
    }

    @Test
    void aDenyThatIsNoLongerInForceIsIgnored() {
        ConsentTerms permit = permit(HOSPITAL, Set.of(CONTINUING_CARE), Set.of(OBSERVATIONS, ENCOUNTERS));
        ConsentTerms expired = new ConsentTerms(UUID.randomUUID(), null, Set.of(CONTINUING_CARE), Set.of(OBSERVATIONS),
                FROM.minusYears(1), FROM.minusDays(1), true);
        ConsentTerms future = new ConsentTerms(UUID.randomUUID(), null, Set.of(CONTINUING_CARE), Set.of(OBSERVATIONS),
                FROM.plusDays(1), null, true);
        assertThat(ask(FROM, permit, expired, future).outcome()).isEqualTo(Outcome.PERMIT);
    }

    @Test
    void anEmergencyWithAReasonBreaksTheGlassWhenNoConsentSpeaks() {
        ConsentDecision decision = ask(FROM, EMERGENCY, Set.of(OBSERVATIONS), "Unconscious on arrival, no relatives");
        assertThat(decision.outcome()).isEqualTo(Outcome.PERMIT);
        assertThat(decision.breakGlass()).isTrue();
        assertThat(decision.reasons()).singleElement().asString().contains("breaks the glass")
                .contains("Unconscious on arrival");
    }

    @Test
    void anEmergencyWithoutAReasonNeedsConsent() {
        assertThat(ask(FROM, EMERGENCY, Set.of(OBSERVATIONS), null).outcome()).isEqualTo(Outcome.CONSENT_NEEDED);
        ConsentDecision blank = ask(FROM, EMERGENCY, Set.of(OBSERVATIONS), "  ");
        assertThat(blank.outcome()).isEqualTo(Outcome.CONSENT_NEEDED);
        assertThat(blank.breakGlass()).isFalse();
    }

    @Test
    void anEmergencyThatAConsentPermitsIsAnOrdinaryReleaseNotABrokenGlass() {
        ConsentTerms consent = permit(null, Set.of(EMERGENCY), Set.of(OBSERVATIONS));
        ConsentDecision decision = ask(FROM, EMERGENCY, Set.of(OBSERVATIONS), "Collapsed in clinic", consent);
        assertThat(decision.outcome()).isEqualTo(Outcome.PERMIT);
        assertThat(decision.breakGlass()).isFalse();
    }

    @Test
    void anExplicitDenyIsRespectedEvenInAnEmergency() {
        ConsentTerms deny = deny(null, Set.of(EMERGENCY), Set.of(NOTES));
        ConsentDecision decision = ask(FROM, EMERGENCY, Set.of(OBSERVATIONS, NOTES), "Collapsed in clinic", deny);
        assertThat(decision.outcome()).isEqualTo(Outcome.DENY);
        assertThat(decision.breakGlass()).isFalse();
    }
}
