package org.carebridge.recordrelease;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.carebridge.recordrelease.RecordReleaseScenario.form;

import java.time.Duration;
import java.util.Date;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.carebridge.IntegrationTest;
import org.carebridge.patients.Consent;
import org.carebridge.patients.ConsentDecision;
import org.carebridge.patients.RecordScope;
import org.carebridge.patients.ReleasePurpose;
import org.carebridge.shared.ConflictException;
import org.carebridge.shared.FieldError;
import org.carebridge.shared.InvalidRequestException;
import org.carebridge.shared.Wording;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.security.core.context.SecurityContextHolder;

/** Every path of {@code processes/record-release.bpmn}, through the service layer, with the engine's clock for the expiry. */
@IntegrationTest
class RecordReleaseProcessIT {

    static final Set<RecordScope> VITALS_AND_VISITS = Set.of(RecordScope.OBSERVATIONS, RecordScope.ENCOUNTERS);

    @Autowired
    ApplicationContext context;
    @Autowired
    ProcessEngine engine;
    RecordReleaseScenario scenario;

    @BeforeEach
    void engine() {
        scenario = new RecordReleaseScenario(context);
        BpmnAwareTests.init(engine);
        ClockUtil.setCurrentTime(new Date());
    }

    @AfterEach
    void reset() {
        ClockUtil.reset();
        SecurityContextHolder.clearContext();
    }

    /** A patient who consented to the receiving hospital having their vitals and visits for continuing care. */
    UUID patientWhoConsented() {
        UUID patient = scenario.patientWithoutConsents();
        scenario.consent(patient, String.valueOf(scenario.receiver()), Set.of(ReleasePurpose.CONTINUING_CARE),
                VITALS_AND_VISITS, Consent.Decision.PERMIT);
        return patient;
    }

    @Test
    void aConsentedReleaseIsReviewedReleasedAndExpiresAfterThirtyDays() {
        RecordRequestDetails request = scenario.submit("coordinator", patientWhoConsented(), ReleasePurpose.CONTINUING_CARE,
                VITALS_AND_VISITS, null);
        ProcessInstance process = scenario.process(request);
        assertThat(request.status()).isEqualTo(RecordRequestStatus.UNDER_REVIEW);
        assertThat(request.consentOutcome()).isEqualTo(ConsentDecision.Outcome.PERMIT);
        assertThat(request.consentReasons()).singleElement().asString().contains("PERMIT");
        assertThat(process).isWaitingAt("ReviewRelease").task().hasCandidateGroup("RECORDS_OFFICER");
        assertThat(scenario.task(request, "ReviewRelease").recordRequestId()).isEqualTo(request.id());

        scenario.complete("records", request, "ReviewRelease", form("approve", true));
        RecordRequestDetails released = scenario.request(request.id());
        assertThat(released.status()).isEqualTo(RecordRequestStatus.RELEASED);
        assertThat(released.bundleSha256()).hasSize(64);
        assertThat(released.expiresAt()).isEqualTo(released.releasedAt().plus(Duration.ofDays(30)));
        assertThat(process).isWaitingAt("ReleaseExpired");

        assertThatThrownBy(() -> scenario.fireTimer(request, "ReleaseExpired", Duration.ofDays(29)))
                .hasMessageContaining("not due");
        scenario.fireTimer(request, "ReleaseExpired", Duration.ofDays(1).plusMinutes(1));
        assertThat(scenario.request(request.id()).status()).isEqualTo(RecordRequestStatus.EXPIRED);
        assertThat(process).hasPassedInOrder("DecideConsent", "ReviewRelease", "PackageRecords", "ReleaseExpired",
                "ExpireRelease", "Expired").hasPassed("NoReviewNeeded").hasNotPassed("ObtainConsent", "ReviewEmergencyAccess")
                .isEnded();
        assertThat(scenario.timelineTypes(request.id())).containsSubsequence(ReleaseEventType.REQUESTED,
                ReleaseEventType.CONSENT_DECIDED, ReleaseEventType.TASK_CREATED, ReleaseEventType.APPROVED,
                ReleaseEventType.RELEASED, ReleaseEventType.EXPIRED);
        Wording asked = scenario.said(request.id(), ReleaseEventType.REQUESTED);
        assertThat(asked.key()).isEqualTo("records.said.REQUESTED");
        assertThat(asked.values()).containsOnly(Map.entry("to", String.valueOf(scenario.receiver())),
                Map.entry("from", String.valueOf(scenario.source())), Map.entry("scope", "records.scope.ENCOUNTERS,records.scope.OBSERVATIONS"),
                Map.entry("purpose", "records.purpose.CONTINUING_CARE"));
        Wording decided = scenario.said(request.id(), ReleaseEventType.CONSENT_DECIDED);
        assertThat(decided.values()).containsEntry("outcome", "records.consent.PERMIT");
        assertThat(decided.values().get("reasons")).contains("PERMIT");
        assertThat(scenario.said(request.id(), ReleaseEventType.TASK_CREATED).values())
                .containsEntry("task", "tasks.key.ReviewRelease").containsEntry("who", "role.RECORDS_OFFICER");
        Wording approved = scenario.said(request.id(), ReleaseEventType.APPROVED);
        assertThat(approved.key()).isEqualTo("records.said.APPROVED");
        assertThat(approved.values()).isEmpty();
        Wording bundled = scenario.said(request.id(), ReleaseEventType.RELEASED);
        assertThat(bundled.key()).isEqualTo("records.said.RELEASED");
        assertThat(bundled.values()).containsEntry("facility", String.valueOf(scenario.receiver()))
                .containsEntry("sha256", released.bundleSha256()).containsEntry("until", released.expiresAt().toString())
                .containsEntry("scope", "records.scope.ENCOUNTERS,records.scope.OBSERVATIONS");
        Wording expired = scenario.said(request.id(), ReleaseEventType.EXPIRED);
        assertThat(expired.key()).isEqualTo("records.said.EXPIRED");
        assertThat(expired.values()).containsEntry("facility", String.valueOf(scenario.receiver()))
                .containsEntry("window", Duration.ofDays(30).toString());
    }

    @Test
    void withoutConsentThePatientIsAskedAndTheirConsentIsRecorded() {
        UUID patient = scenario.patientWithoutConsents();
        RecordRequestDetails request = scenario.submit("doctor", patient, ReleasePurpose.REFERRAL,
                Set.of(RecordScope.NOTES), "Referred for cardiology");
        ProcessInstance process = scenario.process(request);
        assertThat(request.status()).isEqualTo(RecordRequestStatus.AWAITING_CONSENT);
        assertThat(request.consentOutcome()).isEqualTo(ConsentDecision.Outcome.CONSENT_NEEDED);
        assertThat(process).isWaitingAt("ObtainConsent").task().hasCandidateGroup("COORDINATOR");

        assertThatThrownBy(() -> scenario.complete("coordinator", request, "ObtainConsent", form("consentGiven", true)))
                .isInstanceOf(InvalidRequestException.class).extracting(e -> ((InvalidRequestException) e).errors())
                .asList().extracting(e -> ((FieldError) e).field()).containsExactly("evidence");
        assertThat(process).isWaitingAt("ObtainConsent");

        scenario.complete("coordinator", request, "ObtainConsent", form("consentGiven", true,
                "evidence", "Signed consent form, scanned"));
        assertThat(scenario.request(request.id()).status()).isEqualTo(RecordRequestStatus.UNDER_REVIEW);
        assertThat(process).isWaitingAt("ReviewRelease");
        assertThat(scenario.as("coordinator", () -> scenario.consents.consents(patient))).singleElement()
                .satisfies(c -> {
                    assertThat(c.getDecision()).isEqualTo(Consent.Decision.PERMIT);
                    assertThat(c.getGranteeFacilityId()).isEqualTo(scenario.receiver());
                    assertThat(c.getPurposes()).containsExactly(ReleasePurpose.REFERRAL);
                    assertThat(c.getScope()).containsExactly(RecordScope.NOTES);
                });
        scenario.complete("records", request, "ReviewRelease", form("approve", true));
        assertThat(scenario.request(request.id()).status()).isEqualTo(RecordRequestStatus.RELEASED);
        assertThat(process).hasPassedInOrder("ObtainConsent", "ReviewRelease", "PackageRecords");
        assertThat(scenario.timelineTypes(request.id())).contains(ReleaseEventType.CONSENT_GIVEN);
        Wording given = scenario.said(request.id(), ReleaseEventType.CONSENT_GIVEN);
        assertThat(given.key()).isEqualTo("records.said.CONSENT_GIVEN");
        assertThat(given.values()).containsEntry("evidence", "Signed consent form, scanned").containsKey("consent");
    }

    @Test
    void aPatientWhoRefusesConsentHasTheRequestDenied() {
        RecordRequestDetails request = scenario.submit("coordinator", scenario.patientWithoutConsents(),
                ReleasePurpose.PATIENT_REQUEST, VITALS_AND_VISITS, null);
        ProcessInstance process = scenario.process(request);
        scenario.complete("coordinator", request, "ObtainConsent", form("consentGiven", false, "evidence", "Declined by phone"));
        RecordRequestDetails denied = scenario.request(request.id());
        assertThat(denied.status()).isEqualTo(RecordRequestStatus.DENIED);
        assertThat(denied.decisionReason()).contains("refused").contains("Declined by phone");
        assertThat(process).hasPassed("ConsentRefused").hasNotPassed("ReviewRelease", "PackageRecords").isEnded();
        assertThatThrownBy(() -> scenario.as("coordinator", () -> scenario.requests.cancel(request.id(), "too late")))
                .isInstanceOf(ConflictException.class);
    }

    @Test
    void anExplicitDenyRefusesTheRequestAtOnce() {
        UUID patient = scenario.patientWithoutConsents();
        Consent deny = scenario.consent(patient, Consent.ANY, Set.of(ReleasePurpose.CONTINUING_CARE),
                Set.of(RecordScope.NOTES), Consent.Decision.DENY);
        scenario.consent(patient, Consent.ANY, Set.of(ReleasePurpose.CONTINUING_CARE), Set.of(RecordScope.values()),
                Consent.Decision.PERMIT);
        RecordRequestDetails request = scenario.submit("coordinator", patient, ReleasePurpose.CONTINUING_CARE,
                Set.of(RecordScope.NOTES, RecordScope.OBSERVATIONS), null);
        assertThat(request.status()).isEqualTo(RecordRequestStatus.DENIED);
        assertThat(request.consentOutcome()).isEqualTo(ConsentDecision.Outcome.DENY);
        assertThat(request.consentReasons()).singleElement().asString().contains(deny.getId().toString());
        // the process ended inside the submit: only its history holds it
        assertThat(scenario.ended(request)).isTrue();
        assertThat(scenario.passed(request)).contains("RecordRequested", "DecideConsent", "ConsentOutcome",
                "DeniedByConsent").doesNotContain("ObtainConsent", "ReviewRelease", "PackageRecords");
        assertThat(scenario.timelineTypes(request.id())).containsSubsequence(ReleaseEventType.REQUESTED,
                ReleaseEventType.CONSENT_DECIDED, ReleaseEventType.DENIED);
        assertThat(scenario.said(request.id(), ReleaseEventType.CONSENT_DECIDED).values())
                .containsEntry("outcome", "records.consent.DENY");
        assertThat(scenario.said(request.id(), ReleaseEventType.DENIED).key()).isEqualTo("records.said.DENIED_BY_CONSENT");
    }

    @Test
    void aRecordsOfficerDenyingNeedsAReasonThatTheRequesterSees() {
        RecordRequestDetails request = scenario.submit("coordinator", patientWhoConsented(), ReleasePurpose.CONTINUING_CARE,
                Set.of(RecordScope.OBSERVATIONS), null);
        ProcessInstance process = scenario.process(request);
        assertThatThrownBy(() -> scenario.complete("records", request, "ReviewRelease", form("approve", false)))
                .isInstanceOf(InvalidRequestException.class).extracting(e -> ((InvalidRequestException) e).errors())
                .asList().extracting(e -> ((FieldError) e).field()).containsExactly("reason");
        assertThat(scenario.request(request.id()).status()).isEqualTo(RecordRequestStatus.UNDER_REVIEW);

        scenario.complete("records", request, "ReviewRelease", form("approve", false, "reason", "Wrong patient named"));
        RecordRequestDetails denied = scenario.request(request.id());
        assertThat(denied.status()).isEqualTo(RecordRequestStatus.DENIED);
        assertThat(denied.decisionReason()).isEqualTo("Wrong patient named");
        assertThat(process).hasPassed("DeniedOnReview").hasNotPassed("PackageRecords").isEnded();
        Wording refused = scenario.said(request.id(), ReleaseEventType.DENIED);
        assertThat(refused.key()).isEqualTo("records.said.REASON");
        assertThat(refused.values()).containsEntry("reason", "Wrong patient named");
    }

    @Test
    void anEmergencyBreaksTheGlassIsReleasedAtOnceAndReviewedByAnAdministrator() {
        RecordRequestDetails request = scenario.submit("doctor", scenario.patientHeldBySource(), ReleasePurpose.EMERGENCY,
                Set.of(RecordScope.OBSERVATIONS, RecordScope.ASSESSMENTS), "Unconscious on arrival, no relatives reachable");
        ProcessInstance process = scenario.process(request);
        assertThat(request.status()).isEqualTo(RecordRequestStatus.RELEASED);
        assertThat(request.breakGlass()).isTrue();
        assertThat(request.consentReasons()).singleElement().asString().contains("breaks the glass");
        assertThat(process).hasPassed("PackageRecords").hasNotPassed("ReviewRelease", "ObtainConsent")
                .isWaitingAt("ReviewEmergencyAccess", "ReleaseExpired");
        assertThat(process).task("ReviewEmergencyAccess").hasCandidateGroup("ADMIN");
        assertThat(scenario.timelineTypes(request.id())).contains(ReleaseEventType.BREAK_GLASS);
        assertThat(scenario.said(request.id(), ReleaseEventType.BREAK_GLASS).values())
                .containsEntry("reason", "Unconscious on arrival, no relatives reachable");

        assertThatThrownBy(() -> scenario.complete("admin", request, "ReviewEmergencyAccess", form("appropriate", false)))
                .isInstanceOf(InvalidRequestException.class);
        scenario.complete("admin", request, "ReviewEmergencyAccess", form("appropriate", true, "comment", "Justified"));
        assertThat(process).hasPassed("EmergencyAccessReviewed").isWaitingAt("ReleaseExpired");
        assertThat(scenario.timelineTypes(request.id())).contains(ReleaseEventType.EMERGENCY_ACCESS_REVIEWED);
        Wording reviewed = scenario.said(request.id(), ReleaseEventType.EMERGENCY_ACCESS_REVIEWED);
        assertThat(reviewed.key()).isEqualTo("records.said.EMERGENCY_ACCESS_APPROPRIATE");
        assertThat(reviewed.values()).containsEntry("comment", "Justified");
        scenario.fireTimer(request, "ReleaseExpired", Duration.ofDays(30).plusMinutes(1));
        assertThat(process).isEnded();
        assertThat(scenario.request(request.id()).status()).isEqualTo(RecordRequestStatus.EXPIRED);
    }

    @Test
    void anEmergencyWithoutAReasonIsRefusedAndNothingStarts() {
        UUID patient = scenario.patientWithoutConsents();
        long before = scenario.recordRequestsOf(patient);
        assertThatThrownBy(() -> scenario.submit("doctor", patient, ReleasePurpose.EMERGENCY, VITALS_AND_VISITS, " "))
                .isInstanceOf(InvalidRequestException.class).extracting(e -> ((InvalidRequestException) e).errors())
                .asList().extracting(e -> ((FieldError) e).field()).containsExactly("reason");
        assertThat(scenario.recordRequestsOf(patient)).isEqualTo(before);
    }

    @Test
    void aRequestAwaitingConsentCanBeCancelled() {
        RecordRequestDetails request = scenario.submit("coordinator", scenario.patientWithoutConsents(),
                ReleasePurpose.CONTINUING_CARE, VITALS_AND_VISITS, null);
        ProcessInstance process = scenario.process(request);
        assertThat(process).isWaitingAt("ObtainConsent");
        RecordRequestDetails cancelled = scenario.as("coordinator", () -> scenario.requests.cancel(request.id(), "Patient moved"));
        assertThat(cancelled.status()).isEqualTo(RecordRequestStatus.CANCELLED);
        assertThat(process).hasPassed("Cancelled").isEnded();
        assertThat(scenario.timelineTypes(request.id())).endsWith(ReleaseEventType.CANCELLED);
        assertThat(scenario.said(request.id(), ReleaseEventType.CANCELLED).values()).containsEntry("reason", "Patient moved");
    }

    @Test
    void aRequestUnderReviewCanBeCancelledButAReleasedOneOnlyExpires() {
        RecordRequestDetails request = scenario.submit("doctor", patientWhoConsented(), ReleasePurpose.CONTINUING_CARE,
                VITALS_AND_VISITS, null);
        ProcessInstance process = scenario.process(request);
        assertThat(process).isWaitingAt("ReviewRelease");
        scenario.as("doctor", () -> scenario.requests.cancel(request.id(), "Asked twice"));
        assertThat(process).hasPassed("Cancelled").hasNotPassed("PackageRecords").isEnded();
        assertThat(scenario.request(request.id()).status()).isEqualTo(RecordRequestStatus.CANCELLED);

        RecordRequestDetails released = scenario.submit("doctor", patientWhoConsented(), ReleasePurpose.CONTINUING_CARE,
                VITALS_AND_VISITS, null);
        scenario.complete("records", released, "ReviewRelease", form("approve", true));
        assertThatThrownBy(() -> scenario.as("doctor", () -> scenario.requests.cancel(released.id(), "Not needed")))
                .isInstanceOf(ConflictException.class).hasMessageContaining("RELEASED");
        assertThat(scenario.process(released)).isWaitingAt("ReleaseExpired");
    }

    @Test
    void aBrokenGlassReleaseCannotBeCancelledButItsReviewStillComes() {
        RecordRequestDetails request = scenario.submit("doctor", scenario.patientHeldBySource(), ReleasePurpose.EMERGENCY,
                Set.of(RecordScope.OBSERVATIONS), "Seizure in the waiting room");
        assertThatThrownBy(() -> scenario.as("coordinator", () -> scenario.requests.cancel(request.id(), "oops")))
                .isInstanceOf(ConflictException.class);
        assertThat(scenario.process(request)).isWaitingAt("ReviewEmergencyAccess", "ReleaseExpired");
    }
}
