package org.carebridge.referrals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.carebridge.referrals.ReferralScenario.CRISIS;
import static org.carebridge.referrals.ReferralScenario.HEALTHY;
import static org.carebridge.referrals.ReferralScenario.form;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.carebridge.IntegrationTest;
import org.carebridge.clinical.Sex;
import org.carebridge.directory.Specialty;
import org.carebridge.guidelines.Assessment;
import org.carebridge.guidelines.Observations;
import org.carebridge.guidelines.Urgency;
import org.carebridge.patients.ObservationType;
import org.carebridge.shared.ConflictException;
import org.carebridge.shared.FieldError;
import org.carebridge.shared.InvalidRequestException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * A referral whose patient gets worse is never left in a queue: a re-assessment, new observations at any
 * step before the encounter, or the coordinator's judgement send it to the emergency transfer at once;
 * an emergency is lowered only on a doctor's reason. Intake reads pregnancy and the age in months, and a
 * follow-up is triaged on the patient as they are now.
 */
@IntegrationTest
class ReferralsThatBecomeEmergenciesIT {

    /** SBP 80, pulse 140, rate 30, SpO2 85 %: NEWS2 high in an adult. */
    static final Map<String, Object> SHOCKED = Map.of("systolicBp", 80, "heartRate", 140, "respiratoryRate", 30,
            "oxygenSaturation", 85);

    @Autowired
    ApplicationContext context;
    @Autowired
    ProcessEngine engine;
    ReferralScenario scenario;

    @BeforeEach
    void engine() {
        scenario = new ReferralScenario(context);
        BpmnAwareTests.init(engine);
        ClockUtil.setCurrentTime(new Date());
    }

    @AfterEach
    void reset() {
        ClockUtil.reset();
        SecurityContextHolder.clearContext();
    }

    /** A routine referral of a 45-year-old of their own: these tests write the chart, which others read. */
    private ReferralDetails adultReferral() {
        return scenario.submit(scenario.newPatient(LocalDate.now().minusYears(45), Sex.MALE), HEALTHY, null);
    }

    @Test
    void aReassessmentAfterMoreInformationThatIsAnEmergencyGoesToTheTransfer() {
        ReferralDetails referral = scenario.reachStep("ProvideInformation", adultReferral());
        scenario.complete("coordinator", referral, "ProvideInformation", form("note", "Much worse this morning",
                "observations", SHOCKED));
        ProcessInstance process = scenario.process(referral);
        assertThat(process).hasPassed("ReassessReferral", "EmergencyNow").isWaitingAt("ArrangeEmergencyTransfer");
        ReferralDetails now = scenario.referral(referral.id());
        assertThat(now.urgency()).isEqualTo(Urgency.EMERGENCY);
        assertThat(now.specialty()).isEqualTo(Specialty.EMERGENCY_MEDICINE);
        assertThat(now.escalated()).isTrue();
        assertThat(scenario.timelineTypes(referral.id())).containsSubsequence(TimelineType.INFORMATION_PROVIDED,
                TimelineType.REASSESSED, TimelineType.ESCALATED);
    }

    @ParameterizedTest(name = "waiting at {0}")
    @ValueSource(strings = {"ReviewReferral", "ProvideInformation", "AcceptReferral", "ScheduleAppointment",
            "DocumentOutcome"})
    void newObservationsThatAreAnEmergencySendTheReferralToTheTransferFromAnyStepBeforeTheEncounter(String step) {
        ReferralDetails referral = scenario.reachStep(step, adultReferral());
        ProcessInstance process = scenario.process(referral);
        assertThat(process).isWaitingAt(step);

        ReferralDetails after = scenario.as("coordinator", () -> scenario.urgency.addObservations(referral.id(),
                scenario.json.convertValue(SHOCKED, Observations.class)));

        assertThat(process).isWaitingAt("ArrangeEmergencyTransfer");
        assertThat(scenario.taskService.createTaskQuery().processInstanceId(process.getId()).list())
                .extracting(Task::getTaskDefinitionKey).containsExactly("ArrangeEmergencyTransfer");
        assertThat(after.urgency()).isEqualTo(Urgency.EMERGENCY);
        assertThat(after.status()).isEqualTo(ReferralStatus.REQUESTED);
        assertThat(after.assignedDoctorId()).isNull();
        if (step.equals("DocumentOutcome")) {
            assertThat(after.appointment().status()).isEqualTo(Appointment.Status.CANCELLED);
        }
        assertThat(scenario.timelineTypes(referral.id())).containsSubsequence(TimelineType.REASSESSED,
                TimelineType.ESCALATED);
        assertThat(scenario.chart(referral.patientId(), ObservationType.OXYGEN_SATURATION))
                .anySatisfy(o -> assertThat(o.getNumber()).isEqualByComparingTo("85"));

        // the transfer then runs as any emergency's: arranged, and documented by a doctor
        scenario.complete("coordinator", referral, "ArrangeEmergencyTransfer", form("destinationFacilityId",
                scenario.facility("YS-V1"), "transport", "AMBULANCE"));
        assertThat(process).isWaitingAt("DocumentOutcome");
    }

    @Test
    void newObservationsShortOfAnEmergencyRestartTheReviewUnderTheShorterServiceLevel() {
        ReferralDetails referral = adultReferral();
        Instant routineDue = scenario.task(referral, "ReviewReferral").due();
        // NEWS2 6: urgent
        ReferralDetails after = scenario.as("coordinator", () -> scenario.urgency.addObservations(referral.id(),
                new Observations(22.0, 95.0, null, 105.0, null, 95.0, null, 38.5, null, null, null, null, null, null)));
        assertThat(after.urgency()).isEqualTo(Urgency.URGENT);
        Instant urgentDue = scenario.task(referral, "ReviewReferral").due();
        assertThat(Duration.between(ClockUtil.getCurrentTime().toInstant(), urgentDue))
                .isEqualTo(Duration.ofHours(2));
        assertThat(urgentDue).isBefore(routineDue);
    }

    @Test
    void newObservationsShortOfAnEmergencyRestartTheAcceptanceUnderTheShorterServiceLevel() {
        ReferralDetails referral = scenario.reachStep("AcceptReferral", adultReferral());
        ReferralDetails after = scenario.as("coordinator", () -> scenario.urgency.addObservations(referral.id(),
                new Observations(22.0, 95.0, null, 105.0, null, 95.0, null, 38.5, null, null, null, null, null, null)));
        assertThat(after.urgency()).isEqualTo(Urgency.URGENT);
        assertThat(scenario.process(referral)).isWaitingAt("AcceptReferral").task().isAssignedTo("doctor");
        assertThat(Duration.between(ClockUtil.getCurrentTime().toInstant(), scenario.task(referral, "AcceptReferral").due()))
                .isEqualTo(Duration.ofHours(4));
    }

    @Test
    void newObservationsAfterTheEncounterOrWithNothingInThemAreRefused() {
        ReferralDetails referral = scenario.reachStep("AcknowledgeOutcome", adultReferral());
        assertThatThrownBy(() -> scenario.as("coordinator", () -> scenario.urgency.addObservations(referral.id(),
                scenario.json.convertValue(SHOCKED, Observations.class)))).isInstanceOf(ConflictException.class);
        ReferralDetails open = scenario.submit(HEALTHY, Specialty.INTERNAL_MEDICINE);
        assertThatThrownBy(() -> scenario.as("coordinator", () -> scenario.urgency.addObservations(open.id(),
                Observations.none()))).isInstanceOfSatisfying(InvalidRequestException.class,
                e -> assertThat(e.errors()).extracting(FieldError::field).containsExactly("observations"));
    }

    @Test
    void aCoordinatorMayRaiseTheUrgencyAtReviewWithAReasonAndTheEmergencyGoesToTheTransfer() {
        ReferralDetails referral = scenario.submit(HEALTHY, Specialty.INTERNAL_MEDICINE);
        assertThatThrownBy(() -> scenario.complete("coordinator", referral, "ReviewReferral",
                form("decision", "ROUTE", "urgency", "EMERGENCY"))).isInstanceOfSatisfying(InvalidRequestException.class,
                e -> assertThat(e.errors()).extracting(FieldError::field).containsExactly("reason"));
        scenario.complete("coordinator", referral, "ReviewReferral", form("decision", "ROUTE", "urgency", "EMERGENCY",
                "reason", "The clinic phoned: she collapsed in the waiting room"));
        assertThat(scenario.process(referral)).hasPassed("ReviewDecision").isWaitingAt("ArrangeEmergencyTransfer");
        ReferralDetails now = scenario.referral(referral.id());
        assertThat(now.urgency()).isEqualTo(Urgency.EMERGENCY);
        assertThat(now.assignedDoctorId()).isNull();
        assertThat(scenario.timelineTypes(referral.id())).containsSubsequence(TimelineType.OVERRIDE, TimelineType.ESCALATED);
    }

    @Test
    void anEmergencyIsLoweredOnlyOnADoctorsReasonAndOnlyBeforeTheTransferIsArranged() {
        ReferralDetails referral = scenario.submit(CRISIS, null);
        assertThat(scenario.process(referral)).isWaitingAt("ArrangeEmergencyTransfer");
        ChangingUrgency.Change withoutDoctor = new ChangingUrgency.Change(Urgency.URGENT, "Repeat BP 150/95 at rest", null);
        assertThatThrownBy(() -> scenario.as("coordinator", () -> scenario.urgency.change(referral.id(), withoutDoctor)))
                .isInstanceOfSatisfying(InvalidRequestException.class,
                        e -> assertThat(e.errors()).extracting(FieldError::field).containsExactly("doctorId"));
        assertThatThrownBy(() -> scenario.as("coordinator", () -> scenario.urgency.change(referral.id(),
                new ChangingUrgency.Change(Urgency.URGENT, " ", scenario.practitioner("DR-0001")))))
                .isInstanceOfSatisfying(InvalidRequestException.class,
                        e -> assertThat(e.errors()).extracting(FieldError::field).containsExactly("reason"));
        assertThat(scenario.process(referral)).isWaitingAt("ArrangeEmergencyTransfer");

        ReferralDetails lowered = scenario.as("coordinator", () -> scenario.urgency.change(referral.id(),
                new ChangingUrgency.Change(Urgency.URGENT, "Repeat BP 150/95 at rest", scenario.practitioner("DR-0001"))));
        assertThat(lowered.urgency()).isEqualTo(Urgency.URGENT);
        assertThat(scenario.process(referral)).isWaitingAt("ReviewReferral");
        assertThat(scenario.as("coordinator", () -> scenario.referrals.timeline(referral.id())))
                .anySatisfy(e -> {
                    assertThat(e.wording().key()).isEqualTo("referrals.said.LOWERED");
                    assertThat(e.wording().values()).containsEntry("doctor", String.valueOf(scenario.practitioner("DR-0001")))
                            .containsEntry("reason", "Repeat BP 150/95 at rest").containsEntry("urgency", "urgency.URGENT");
                });

        ReferralDetails again = scenario.submit(CRISIS, null);
        scenario.complete("coordinator", again, "ArrangeEmergencyTransfer", form("destinationFacilityId",
                scenario.facility("YS-V1"), "transport", "AMBULANCE"));
        assertThatThrownBy(() -> scenario.as("coordinator", () -> scenario.urgency.change(again.id(),
                new ChangingUrgency.Change(Urgency.SOON, "Better", scenario.practitioner("DR-0001")))))
                .isInstanceOf(ConflictException.class);
    }

    @Test
    void aCoordinatorMayRaiseAWaitingReferralToAnEmergencyByHandWithAReason() {
        ReferralDetails referral = scenario.reachStep("ScheduleAppointment", adultReferral());
        ReferralDetails raised = scenario.as("coordinator", () -> scenario.urgency.change(referral.id(),
                new ChangingUrgency.Change(Urgency.EMERGENCY, "Chest pain at rest since an hour", null)));
        assertThat(raised.urgency()).isEqualTo(Urgency.EMERGENCY);
        assertThat(scenario.process(referral)).isWaitingAt("ArrangeEmergencyTransfer");
    }

    @Test
    void aPregnantWomanInShockIsReferredAsAnObstetricEmergencyAndHerChartKeepsThePregnancy() {
        UUID patient = scenario.newPatient(LocalDate.now().minusYears(27), Sex.FEMALE);
        ReferralDetails referral = scenario.submit(patient, SHOCKED, true);
        assertThat(referral.urgency()).isEqualTo(Urgency.EMERGENCY);
        assertThat(referral.specialty()).isEqualTo(Specialty.OBSTETRICS);
        assertThat(referral.assessment().news2().applicable()).isFalse();
        assertThat(referral.assessment().meows().triggered()).isTrue();
        assertThat(scenario.process(referral)).isWaitingAt("ArrangeEmergencyTransfer");
        assertThat(scenario.chart(patient, ObservationType.PREGNANCY_STATUS)).hasSize(1)
                .allSatisfy(o -> assertThat(o.getValue()).isEqualTo(true));

        // the next referral says nothing of pregnancy: the chart's current answer is read, and not recorded again
        ReferralDetails next = scenario.submit(patient, Map.of("respiratoryRate", 22, "heartRate", 105), null);
        assertThat(next.assessment().meows()).isNotNull();
        assertThat(next.urgency()).isEqualTo(Urgency.URGENT);
        assertThat(scenario.chart(patient, ObservationType.PREGNANCY_STATUS)).hasSize(1);
    }

    @Test
    void aSixMonthOldIsAssessedByTheAgeInMonthsFromTheDateOfBirth() {
        UUID baby = scenario.newPatient(LocalDate.now().minusMonths(6).minusDays(3), Sex.MALE);
        ReferralDetails referral = scenario.submit(baby, Map.of("respiratoryRate", 70, "imciDangerSigns", List.of()), null);
        assertThat(referral.assessment().imci()).isEqualTo(new Assessment.Imci(false, true));
        assertThat(referral.urgency()).isEqualTo(Urgency.SOON);
        assertThat(referral.specialty()).isEqualTo(Specialty.PEDIATRICS);
    }

    @Test
    void anEightYearOldInShockIsReferredAsAPaediatricEmergency() {
        UUID child = scenario.newPatient(LocalDate.now().minusYears(8), Sex.FEMALE);
        ReferralDetails referral = scenario.submit(child, SHOCKED, null);
        assertThat(referral.urgency()).isEqualTo(Urgency.EMERGENCY);
        assertThat(referral.specialty()).isEqualTo(Specialty.PEDIATRICS);
        assertThat(scenario.process(referral)).isWaitingAt("ArrangeEmergencyTransfer");
    }

    @Test
    void aFollowUpWithoutCurrentObservationsGoesToReviewSayingNothingWasRecorded() {
        UUID patient = scenario.newPatient(LocalDate.now().minusYears(50), Sex.MALE);
        ReferralDetails referral = scenario.submit(patient, CRISIS, null);
        // to the prefecture hospital, whose doctors document the outcome
        scenario.complete("coordinator", referral, "ArrangeEmergencyTransfer", form("destinationFacilityId",
                scenario.facility("YL-PH"), "transport", "AMBULANCE"));
        // two days later: the crisis values are no longer current
        ClockUtil.setCurrentTime(Date.from(ClockUtil.getCurrentTime().toInstant().plus(Duration.ofDays(2))));
        scenario.complete("doctor", referral, "DocumentOutcome", form("attended", true, "diagnosis", "Hypertensive urgency",
                "plan", "Amlodipine; cardiology to review", "followUp", "NEW_REFERRAL"));
        ReferralDetails next = scenario.referral(scenario.referral(referral.id()).outcome().followUpReferralId());
        assertThat(next.urgency()).isEqualTo(Urgency.ROUTINE);
        assertThat(next.assessment().findings()).extracting(Assessment.Finding::code).contains("NOTHING_RECORDED");
        assertThat(scenario.process(next)).isWaitingAt("ReviewReferral");
    }
}
