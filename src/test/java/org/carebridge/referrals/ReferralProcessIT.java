package org.carebridge.referrals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.carebridge.referrals.ReferralScenario.CRISIS;
import static org.carebridge.referrals.ReferralScenario.HEALTHY;
import static org.carebridge.referrals.ReferralScenario.NEWS2_MEDIUM;
import static org.carebridge.referrals.ReferralScenario.STAGE_2;
import static org.carebridge.referrals.ReferralScenario.form;

import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.carebridge.IntegrationTest;
import org.carebridge.directory.Specialty;
import org.carebridge.guidelines.Urgency;
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
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.context.SecurityContextHolder;

/** Every path of {@code processes/referral.bpmn}, through the service layer, with the engine's clock for timers. */
@IntegrationTest
class ReferralProcessIT {

    @Autowired
    ApplicationContext context;
    ReferralScenario scenario;
    @Autowired
    ProcessEngine engine;

    @BeforeEach
    void engine() {
        scenario = new ReferralScenario(context);
        BpmnAwareTests.init(engine);
        ClockUtil.setCurrentTime(new Date()); // still, so that due dates can be compared exactly
    }

    @AfterEach
    void reset() {
        ClockUtil.reset();
        SecurityContextHolder.clearContext();
    }

    @Test
    void aRoutineReferralGoesRoundTheWholeLoopBackToTheReferrer() {
        ReferralDetails referral = scenario.submit(HEALTHY, Specialty.INTERNAL_MEDICINE);
        ProcessInstance process = scenario.process(referral);
        assertThat(referral.urgency()).isEqualTo(Urgency.ROUTINE);
        assertThat(referral.specialty()).isEqualTo(Specialty.INTERNAL_MEDICINE);
        assertThat(referral.assessment().findings()).isNotEmpty();
        assertThat(process).isWaitingAt("ReviewReferral");
        assertThat(referral.status()).isEqualTo(ReferralStatus.REQUESTED);

        scenario.complete("coordinator", referral, "ReviewReferral",
                form("decision", "ROUTE", "doctorId", String.valueOf(scenario.practitioner("DR-0001"))));
        assertThat(process).isWaitingAt("AcceptReferral").task().isAssignedTo("doctor");
        assertThat(scenario.referral(referral.id()).status()).isEqualTo(ReferralStatus.RECEIVED);

        scenario.complete("doctor", referral, "AcceptReferral", form("decision", "ACCEPT"));
        assertThat(scenario.referral(referral.id()).status()).isEqualTo(ReferralStatus.ACCEPTED);
        AppointmentSuggestion slot = scenario.bookNextFreeSlot(referral);
        ReferralDetails scheduled = scenario.referral(referral.id());
        assertThat(scheduled.status()).isEqualTo(ReferralStatus.SCHEDULED);
        assertThat(scheduled.fhirStatus()).isEqualTo("accepted");
        assertThat(scheduled.fhirBusinessStatus()).isEqualTo("scheduled");
        assertThat(scheduled.appointment().start()).isEqualTo(slot.start());
        assertThat(process).isWaitingAt("DocumentOutcome").task().isAssignedTo("doctor");

        scenario.complete("doctor", referral, "DocumentOutcome", form("attended", true,
                "diagnosis", "Stable angina", "plan", "Aspirin, statin; exercise test in 6 weeks", "followUp", "NONE"));
        assertThat(scenario.referral(referral.id()).status()).isEqualTo(ReferralStatus.REPORTED);
        assertThat(process).isWaitingAt("AcknowledgeOutcome").task().hasCandidateGroup("COORDINATOR");

        scenario.complete("coordinator", referral, "AcknowledgeOutcome", form("note", "Patient informed"));
        ReferralDetails closed = scenario.referral(referral.id());
        assertThat(process).hasPassedInOrder("AssessReferral", "ReviewReferral", "AcceptReferral",
                "ScheduleAppointment", "DocumentOutcome", "AcknowledgeOutcome", "Completed").isEnded();
        assertThat(closed.status()).isEqualTo(ReferralStatus.COMPLETED);
        assertThat(closed.fhirStatus()).isEqualTo("completed");
        assertThat(closed.outcome().diagnosis()).isEqualTo("Stable angina");
        assertThat(closed.appointment().status()).isEqualTo(Appointment.Status.ATTENDED);
        assertThat(scenario.timelineTypes(referral.id())).containsSubsequence(TimelineType.SUBMITTED,
                TimelineType.ASSESSED, TimelineType.ROUTED, TimelineType.ACCEPTED, TimelineType.SCHEDULED,
                TimelineType.OUTCOME_DOCUMENTED, TimelineType.ACKNOWLEDGED);
    }

    @Test
    void anEmergencyIsTransferredAtOnceWithoutReviewOrBooking() {
        ReferralDetails referral = scenario.submit(CRISIS, null);
        ProcessInstance process = scenario.process(referral);
        assertThat(referral.urgency()).isEqualTo(Urgency.EMERGENCY);
        assertThat(process).isWaitingAt("ArrangeEmergencyTransfer").task().hasCandidateGroup("COORDINATOR")
                .hasDueDate(Date.from(ClockUtil.getCurrentTime().toInstant().plus(Duration.ofMinutes(15))));

        scenario.complete("coordinator", referral, "ArrangeEmergencyTransfer", form("destinationFacilityId",
                scenario.facility("YL-PH"), "transport", "AMBULANCE", "note", "BP 190/125, headache"));
        assertThat(scenario.referral(referral.id()).transfer().transport()).isEqualTo(Transport.AMBULANCE);
        assertThat(process).isWaitingAt("DocumentOutcome").task().hasCandidateGroup("DOCTOR");
        scenario.complete("doctor", referral, "DocumentOutcome", form("attended", true,
                "diagnosis", "Hypertensive emergency", "plan", "IV labetalol, admitted", "followUp", "FOLLOW_UP"));
        scenario.complete("coordinator", referral, "AcknowledgeOutcome", form());
        assertThat(process).hasPassed("ArrangeEmergencyTransfer", "DocumentOutcome", "Completed")
                .hasNotPassed("ReviewReferral", "AcceptReferral", "ScheduleAppointment").isEnded();
    }

    @Test
    void aLateEmergencyTransferIsEscalatedAndMovesUpTheInbox() {
        ReferralDetails referral = scenario.submit(CRISIS, null);
        int before = scenario.task(referral, "ArrangeEmergencyTransfer").priority();
        scenario.fireTimer(referral, "TransferLate", Duration.ofMinutes(16));
        ReferralDetails late = scenario.referral(referral.id());
        assertThat(late.escalated()).isTrue();
        assertThat(late.slaBreached()).isTrue();
        assertThat(scenario.process(referral)).isWaitingAt("ArrangeEmergencyTransfer");
        assertThat(scenario.task(referral, "ArrangeEmergencyTransfer").priority()).isGreaterThanOrEqualTo(before);
        assertThat(scenario.timelineTypes(referral.id())).contains(TimelineType.ESCALATED);
    }

    @Test
    void anUrgentReferralNotReviewedInTwoHoursIsFlaggedAndRaisedButStaysInReview() {
        ReferralDetails referral = scenario.submit(NEWS2_MEDIUM, null);
        assertThat(referral.urgency()).isEqualTo(Urgency.URGENT);
        int before = scenario.task(referral, "ReviewReferral").priority();
        assertThatThrownBy(() -> scenario.fireTimer(referral, "ReviewOverdue", Duration.ofMinutes(119)))
                .hasMessageContaining("not due");
        scenario.fireTimer(referral, "ReviewOverdue", Duration.ofMinutes(2));
        assertThat(scenario.referral(referral.id()).slaBreached()).isTrue();
        assertThat(scenario.process(referral)).isWaitingAt("ReviewReferral");
        assertThat(scenario.task(referral, "ReviewReferral").priority())
                .isEqualTo(before + ServiceLevels.BREACH_PRIORITY_RAISE);
        assertThat(scenario.timelineTypes(referral.id())).contains(TimelineType.SLA_BREACHED);
    }

    @Test
    void askingForInformationPutsTheReferralOnHoldAndNewObservationsAreReassessed() {
        ReferralDetails referral = scenario.submit(HEALTHY, null);
        assertThatThrownBy(() -> scenario.complete("coordinator", referral, "ReviewReferral",
                form("decision", "REQUEST_INFO")))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.errors())
                        .extracting(FieldError::field).containsExactly("reason"));
        scenario.complete("coordinator", referral, "ReviewReferral", form("decision", "REQUEST_INFO",
                "reason", "Please repeat the blood pressure after rest"));
        assertThat(scenario.process(referral)).isWaitingAt("ProvideInformation");
        assertThat(scenario.referral(referral.id()).status()).isEqualTo(ReferralStatus.ON_HOLD);

        scenario.complete("coordinator", referral, "ProvideInformation", form("note", "Repeated after 15 min rest",
                "observations", Map.of("systolicBp", 165, "diastolicBp", 100)));
        ReferralDetails reassessed = scenario.referral(referral.id());
        assertThat(scenario.process(referral)).hasPassed("ReassessReferral").isWaitingAt("ReviewReferral");
        assertThat(reassessed.status()).isEqualTo(ReferralStatus.REQUESTED);
        assertThat(reassessed.urgency()).isEqualTo(Urgency.SOON);
        assertThat(reassessed.specialty()).isEqualTo(Specialty.CARDIOLOGY);
        assertThat(scenario.timelineTypes(referral.id())).containsSubsequence(TimelineType.INFORMATION_REQUESTED,
                TimelineType.INFORMATION_PROVIDED, TimelineType.REASSESSED);
    }

    @Test
    void aRejectedReferralEndsWithItsReason() {
        ReferralDetails referral = scenario.submit(HEALTHY, null);
        ProcessInstance process = scenario.process(referral);
        scenario.complete("coordinator", referral, "ReviewReferral", form("decision", "REJECT",
                "reason", "Can be managed at the township health centre"));
        assertThat(process).hasPassed("Rejected").isEnded();
        assertThat(scenario.referral(referral.id()).status()).isEqualTo(ReferralStatus.REJECTED);
        assertThat(scenario.referral(referral.id()).closedAt()).isNotNull();
    }

    @Test
    void aDeclineNeedsAReasonReturnsToReviewAndThatDoctorIsNotOfferedItAgain() {
        ReferralDetails referral = scenario.submit(HEALTHY, Specialty.INTERNAL_MEDICINE);
        long doctor = scenario.practitioner("DR-0001");
        scenario.complete("coordinator", referral, "ReviewReferral", form("decision", "ROUTE", "doctorId", "" + doctor));
        assertThatThrownBy(() -> scenario.complete("doctor", referral, "AcceptReferral", form("decision", "DECLINE")))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.errors())
                        .extracting(FieldError::field).containsExactly("reason"));
        scenario.complete("doctor", referral, "AcceptReferral", form("decision", "DECLINE", "reason", "On leave"));
        assertThat(scenario.process(referral)).isWaitingAt("ReviewReferral");
        ReferralDetails declined = scenario.referral(referral.id());
        assertThat(declined.declineCount()).isEqualTo(1);
        assertThat(declined.escalated()).isFalse();
        assertThat(declined.assignedDoctorId()).isNull();
        assertThatThrownBy(() -> scenario.complete("coordinator", referral, "ReviewReferral",
                form("decision", "ROUTE", "doctorId", "" + doctor)))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.errors())
                        .extracting(FieldError::message).anyMatch(m -> m.contains("declined")));
    }

    @Test
    void theThirdDeclineEscalatesTheReferral() {
        ReferralDetails referral = scenario.submit(HEALTHY, Specialty.INTERNAL_MEDICINE);
        List<Long> doctors = scenario.doctorsWith(Specialty.INTERNAL_MEDICINE);
        assertThat(doctors).hasSizeGreaterThanOrEqualTo(3);
        for (int i = 0; i < 3; i++) {
            scenario.complete("coordinator", referral, "ReviewReferral",
                    form("decision", "ROUTE", "doctorId", "" + doctors.get(i)));
            assertThat(scenario.referral(referral.id()).escalated()).isFalse();
            scenario.complete(scenario.usernameOf(doctors.get(i)), referral, "AcceptReferral",
                    form("decision", "DECLINE", "reason", "No capacity " + i));
        }
        ReferralDetails escalated = scenario.referral(referral.id());
        assertThat(escalated.declineCount()).isEqualTo(3);
        assertThat(escalated.escalated()).isTrue();
        assertThat(escalated.declinedDoctorIds()).containsExactlyInAnyOrderElementsOf(doctors.subList(0, 3));
        assertThat(scenario.timelineTypes(referral.id())).contains(TimelineType.ESCALATED);
    }

    @Test
    void aDoctorWhoDoesNotAnswerInFiveDaysGivesTheRoutineReferralBackToReview() {
        ReferralDetails referral = scenario.submit(HEALTHY, Specialty.INTERNAL_MEDICINE);
        scenario.complete("coordinator", referral, "ReviewReferral",
                form("decision", "ROUTE", "doctorId", "" + scenario.practitioner("DR-0001")));
        scenario.fireTimer(referral, "AcceptanceOverdue", Duration.ofDays(5).plusMinutes(1));
        assertThat(scenario.process(referral)).hasPassed("ReturnUnanswered").isWaitingAt("ReviewReferral");
        ReferralDetails back = scenario.referral(referral.id());
        assertThat(back.status()).isEqualTo(ReferralStatus.REQUESTED);
        assertThat(back.assignedDoctorId()).isNull();
        assertThat(scenario.timelineTypes(referral.id())).contains(TimelineType.ACCEPTANCE_TIMED_OUT);
    }

    @Test
    void aMissedAppointmentIsBookedAgainAndASecondEndsTheReferralAsFailed() {
        ReferralDetails referral = scenario.submit(HEALTHY, Specialty.INTERNAL_MEDICINE);
        ProcessInstance process = scenario.process(referral);
        scenario.routeToDoctorAndAccept(referral);
        scenario.bookNextFreeSlot(referral);
        scenario.complete("doctor", referral, "DocumentOutcome", form("attended", false));
        assertThat(scenario.process(referral)).isWaitingAt("ScheduleAppointment");
        ReferralDetails missedOnce = scenario.referral(referral.id());
        assertThat(missedOnce.appointment().status()).isEqualTo(Appointment.Status.MISSED);
        assertThat(missedOnce.outcome().missedAppointments()).isEqualTo(1);

        scenario.bookNextFreeSlot(referral);
        scenario.complete("doctor", referral, "DocumentOutcome", form("attended", false));
        assertThat(process).hasPassed("Failed").isEnded();
        assertThat(scenario.referral(referral.id()).status()).isEqualTo(ReferralStatus.FAILED);
        // both slots booked at the same instant (the clock is held still): the second is freed all the same
        assertThat(context.getBean(JdbcTemplate.class).queryForList("select status from appointment where referral_id = ?",
                String.class, referral.id())).containsExactly("MISSED", "MISSED");
    }

    @Test
    void anUnacknowledgedOutcomeIsRemindedAfterSevenDays() {
        ReferralDetails referral = scenario.submit(HEALTHY, Specialty.INTERNAL_MEDICINE);
        scenario.routeToDoctorAndAccept(referral);
        scenario.bookNextFreeSlot(referral);
        scenario.complete("doctor", referral, "DocumentOutcome", form("attended", true, "diagnosis", "Dyspepsia",
                "plan", "PPI for 4 weeks", "followUp", "NONE"));
        scenario.fireTimer(referral, "AcknowledgementOverdue", Duration.ofDays(7).plusMinutes(1));
        assertThat(scenario.process(referral)).isWaitingAt("AcknowledgeOutcome");
        assertThat(scenario.referral(referral.id()).slaBreached()).isTrue();
        assertThat(scenario.timelineTypes(referral.id())).contains(TimelineType.REMINDER);
    }

    @Test
    void aNewReferralFollowUpStartsAnotherReferralOfThePatient() {
        // a patient of their own: the follow-up is triaged on the chart as it is now, which other tests write
        ReferralDetails referral = scenario.submit(scenario.newPatient(java.time.LocalDate.now().minusYears(60),
                org.carebridge.clinical.Sex.FEMALE), HEALTHY, null);
        scenario.routeToDoctorAndAccept(referral);
        scenario.bookNextFreeSlot(referral);
        scenario.complete("doctor", referral, "DocumentOutcome", form("attended", true, "diagnosis", "Murmur",
                "plan", "Echocardiography by cardiology", "followUp", "NEW_REFERRAL"));
        ReferralDetails reported = scenario.referral(referral.id());
        assertThat(reported.outcome().followUpReferralId()).isNotNull();
        ReferralDetails next = scenario.referral(reported.outcome().followUpReferralId());
        assertThat(next.patientId()).isEqualTo(referral.patientId());
        assertThat(next.status()).isEqualTo(ReferralStatus.REQUESTED);
        assertThat(scenario.process(next)).isWaitingAt("ReviewReferral");
    }

    @Test
    void autoRoutingPicksADoctorWithTheSpecialtyWhoHasNotDeclined() {
        ReferralDetails referral = scenario.submit(STAGE_2, null);
        assertThat(referral.specialty()).isEqualTo(Specialty.CARDIOLOGY);
        scenario.complete("coordinator", referral, "ReviewReferral", form("decision", "ROUTE", "doctorId", "AUTO"));
        ReferralDetails routed = scenario.referral(referral.id());
        assertThat(scenario.doctorsWith(Specialty.CARDIOLOGY)).contains(routed.assignedDoctorId());
        assertThat(scenario.process(referral)).isWaitingAt("AcceptReferral").task()
                .isAssignedTo(scenario.usernameOf(routed.assignedDoctorId()));
    }

    @Test
    void overridingTheAssessmentNeedsAReasonAndIsKeptInTheTimeline() {
        ReferralDetails referral = scenario.submit(HEALTHY, Specialty.INTERNAL_MEDICINE);
        String doctor = "" + scenario.practitioner("DR-0001");
        assertThatThrownBy(() -> scenario.complete("coordinator", referral, "ReviewReferral",
                form("decision", "ROUTE", "doctorId", doctor, "urgency", "URGENT")))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.errors())
                        .extracting(FieldError::field).containsExactly("reason"));
        scenario.complete("coordinator", referral, "ReviewReferral", form("decision", "ROUTE", "doctorId", doctor,
                "urgency", "URGENT", "reason", "Weight loss of 8 kg in a month"));
        assertThat(scenario.referral(referral.id()).urgency()).isEqualTo(Urgency.URGENT);
        assertThat(scenario.timelineTypes(referral.id())).containsSubsequence(TimelineType.OVERRIDE, TimelineType.ROUTED);
    }

    @ParameterizedTest
    @ValueSource(strings = {"ReviewReferral", "ProvideInformation", "AcceptReferral", "ScheduleAppointment",
            "DocumentOutcome", "AcknowledgeOutcome", "ArrangeEmergencyTransfer"})
    void aReferralCanBeCancelledAtEveryStepAndItsTasksAndSlotGo(String step) {
        ReferralDetails referral = scenario.reachStep(step);
        ProcessInstance process = scenario.process(referral);
        assertThat(process).isWaitingAt(step);
        ReferralDetails cancelled = scenario.as("coordinator",
                () -> scenario.referrals.cancel(referral.id(), "Patient moved to another province"));
        assertThat(cancelled.status()).isEqualTo(ReferralStatus.CANCELLED);
        assertThat(process).hasPassed("Cancelled").isEnded();
        assertThat(scenario.taskService.createTaskQuery().processInstanceId(process.getId()).count()).isZero();
        if (cancelled.appointment() != null && step.equals("DocumentOutcome")) {
            assertThat(cancelled.appointment().status()).isEqualTo(Appointment.Status.CANCELLED);
        }
        assertThatThrownBy(() -> scenario.as("coordinator",
                () -> scenario.referrals.cancel(referral.id(), "again"))).isInstanceOf(ConflictException.class);
    }
}
