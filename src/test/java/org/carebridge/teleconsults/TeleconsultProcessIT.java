package org.carebridge.teleconsults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.carebridge.teleconsults.TeleconsultScenario.CRISIS;
import static org.carebridge.teleconsults.TeleconsultScenario.HEALTHY;
import static org.carebridge.teleconsults.TeleconsultScenario.form;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.carebridge.IntegrationTest;
import org.carebridge.directory.Specialty;
import org.carebridge.guidelines.Urgency;
import org.carebridge.patients.Encounter;
import org.carebridge.patients.EncounterType;
import org.carebridge.patients.PatientRecords;
import org.carebridge.referrals.AppointmentSuggestion;
import org.carebridge.referrals.ChangingUrgency;
import org.carebridge.referrals.FollowUp;
import org.carebridge.referrals.ReferralDetails;
import org.carebridge.referrals.ReferralRequest;
import org.carebridge.referrals.ReferralStatus;
import org.carebridge.shared.ConflictException;
import org.carebridge.shared.FieldError;
import org.carebridge.shared.InvalidRequestException;
import org.carebridge.shared.Wording;
import org.carebridge.tasks.OpenTask;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.security.core.context.SecurityContextHolder;

/** Every path of {@code processes/teleconsult.bpmn}, through the service layer, with the engine's clock for timers. */
@IntegrationTest
class TeleconsultProcessIT {

    static final Map<String, Object> NOTE = form("connected", true,
            "subjective", "Cough for a week, no chest pain", "objective", "Chest clear on video, SpO2 97%",
            "assessment", "Acute bronchitis", "plan", "Fluids, rest; return if breathless",
            "prescriptions", List.of(Map.of("drug", "Paracetamol", "dose", "500 mg", "frequency", "every 6 h", "days", 3)),
            "followUp", "NONE");

    @Autowired
    ApplicationContext context;
    @Autowired
    ProcessEngine engine;
    TeleconsultScenario scenario;

    @BeforeEach
    void engine() {
        scenario = new TeleconsultScenario(context);
        BpmnAwareTests.init(engine);
        ClockUtil.setCurrentTime(new Date());
    }

    @AfterEach
    void reset() {
        ClockUtil.reset();
        SecurityContextHolder.clearContext();
    }

    @Test
    void aScheduledTeleconsultIsRemindedStartedAndItsNoteBecomesAnEncounterInTheRecord() {
        TeleconsultDetails requested = scenario.request("coordinator", HEALTHY);
        UUID id = requested.id();
        ProcessInstance process = scenario.process(id);
        assertThat(requested.status()).isEqualTo(TeleconsultStatus.REQUESTED);
        assertThat(requested.urgency()).isEqualTo(Urgency.ROUTINE);
        assertThat(process).isWaitingAt("ScheduleTeleconsult").task().hasCandidateGroup("COORDINATOR");
        assertThat(scenario.task(id, "ScheduleTeleconsult").teleconsultId()).isEqualTo(id);
        assertThat(scenario.task(id, "ScheduleTeleconsult").patientId()).isEqualTo(requested.patientId());

        OffsetDateTime start = scenario.schedule(id);
        TeleconsultDetails scheduled = scenario.teleconsult(id);
        assertThat(scheduled.status()).isEqualTo(TeleconsultStatus.SCHEDULED);
        assertThat(scheduled.start()).isEqualTo(start.toInstant());
        assertThat(scheduled.doctorId()).isEqualTo(scenario.practitioner("DR-0001"));
        assertThat(scheduled.sessionUrl()).startsWith("https://meet.carebridge.example/teleconsult/");
        assertThat(process).isWaitingAt("ConductTeleconsult").task().isAssignedTo("doctor");

        String instance = scenario.processInstanceId(id);
        assertThat(scenario.timer(instance, "TeleconsultReminder").getDuedate())
                .isEqualTo(Date.from(start.toInstant().minus(TeleconsultScenario.minutes(30))));
        scenario.fireTimerAt(instance, "TeleconsultReminder", start.toInstant().minus(TeleconsultScenario.minutes(30)));
        assertThat(scenario.timelineTypes(id)).contains(TeleconsultEventType.REMINDER);
        assertThat(scenario.teleconsult(id).status()).isEqualTo(TeleconsultStatus.SCHEDULED);
        scenario.fireTimerAt(instance, "TeleconsultStarts", start.toInstant());
        assertThat(scenario.teleconsult(id).status()).isEqualTo(TeleconsultStatus.IN_PROGRESS);
        assertThat(process).isWaitingAt("ConductTeleconsult");

        scenario.complete("doctor", id, "ConductTeleconsult", NOTE);
        TeleconsultDetails done = scenario.teleconsult(id);
        assertThat(process).hasPassedInOrder("AssessTeleconsult", "ScheduleTeleconsult", "ConductTeleconsult", "Completed")
                .isEnded();
        assertThat(done.status()).isEqualTo(TeleconsultStatus.COMPLETED);
        assertThat(done.sessionUrl()).isNull();
        assertThat(done.note().assessment()).isEqualTo("Acute bronchitis");
        assertThat(done.note().prescriptions()).extracting(Prescription::drug).containsExactly("Paracetamol");
        assertThat(done.encounterId()).isNotNull();
        List<Encounter> encounters = scenario.as("coordinator",
                () -> context.getBean(PatientRecords.class).encounters(requested.patientId()));
        Encounter encounter = encounters.stream().filter(e -> e.getId().equals(done.encounterId())).findFirst().orElseThrow();
        assertThat(encounter.getType()).isEqualTo(EncounterType.TELECONSULT);
        assertThat(encounter.getPractitionerId()).isEqualTo(scenario.practitioner("DR-0001"));
        assertThat(encounter.getNotes()).anySatisfy(n -> assertThat(n.getText()).contains("A: Acute bronchitis")
                .contains("Paracetamol 500 mg every 6 h for 3 days"));
        assertThat(scenario.timelineTypes(id)).containsSubsequence(TeleconsultEventType.REQUESTED,
                TeleconsultEventType.ASSESSED, TeleconsultEventType.SCHEDULED, TeleconsultEventType.REMINDER,
                TeleconsultEventType.STARTED, TeleconsultEventType.NOTE_WRITTEN, TeleconsultEventType.COMPLETED);
        Wording asked = scenario.said(id, TeleconsultEventType.REQUESTED);
        assertThat(asked.key()).isEqualTo("teleconsults.said.REQUESTED");
        assertThat(asked.values()).containsEntry("facility", String.valueOf(requested.requestingFacilityId()))
                .containsEntry("specialty", "specialty.INTERNAL_MEDICINE")
                .containsEntry("reason", "Cough and fever for a week");
        assertThat(scenario.said(id, TeleconsultEventType.ASSESSED).values()).containsEntry("urgency", "urgency.ROUTINE");
        assertThat(scenario.said(id, TeleconsultEventType.TASK_CREATED).values())
                .containsEntry("task", "tasks.key.ConductTeleconsult").containsEntry("who", "doctor");
        Wording booked = scenario.said(id, TeleconsultEventType.SCHEDULED);
        assertThat(booked.key()).isEqualTo("teleconsults.said.SCHEDULED");
        assertThat(booked.values()).containsEntry("doctor", String.valueOf(scenario.practitioner("DR-0001")))
                .containsEntry("start", start.toInstant().toString()).containsKey("length");
        assertThat(scenario.said(id, TeleconsultEventType.REMINDER).values())
                .containsEntry("start", start.toInstant().toString());
        Wording noted = scenario.said(id, TeleconsultEventType.NOTE_WRITTEN);
        assertThat(noted.key()).isEqualTo("teleconsults.said.NOTE_WRITTEN");
        assertThat(noted.values()).containsEntry("assessment", "Acute bronchitis")
                .containsEntry("followUp", "teleconsults.followUp." + done.note().followUp())
                .containsEntry("encounter", done.encounterId().toString());
    }

    @Test
    void anEmergencyAtIntakeIsEscalatedToAnEmergencyReferralWaitingForItsTransfer() {
        TeleconsultDetails escalated = scenario.request("coordinator", CRISIS);
        assertThat(escalated.status()).isEqualTo(TeleconsultStatus.ESCALATED);
        assertThat(escalated.urgency()).isEqualTo(Urgency.EMERGENCY);
        assertThat(scenario.process(escalated.id())).isNull();
        assertThat(scenario.teleconsult(escalated.id()).closedAt()).isNotNull();
        UUID referralId = escalated.followUpReferralId();
        assertThat(referralId).isNotNull();
        ReferralDetails referral = scenario.as("coordinator", () -> scenario.referrals.referral(referralId));
        assertThat(referral.urgency()).isEqualTo(Urgency.EMERGENCY);
        assertThat(referral.escalated()).isTrue();
        assertThat(scenario.openTaskKeysOfReferral(referralId)).containsExactly("ArrangeEmergencyTransfer");
        assertThat(scenario.timelineTypes(escalated.id())).containsSubsequence(TeleconsultEventType.ASSESSED,
                TeleconsultEventType.ESCALATED);
        Wording escalation = scenario.said(escalated.id(), TeleconsultEventType.ESCALATED);
        assertThat(escalation.key()).isEqualTo("teleconsults.said.ESCALATED_NEW_REFERRAL");
        assertThat(escalation.values()).containsEntry("referral", referralId.toString())
                .containsEntry("task", "tasks.key.ArrangeEmergencyTransfer");
    }

    @Test
    void aFailedConnectionBooksTheSessionAgain() {
        UUID id = scenario.request("coordinator", HEALTHY).id();
        scenario.schedule(id);
        String firstLink = scenario.teleconsult(id).sessionUrl();
        scenario.complete("doctor", id, "ConductTeleconsult", form("connected", false));
        TeleconsultDetails failedOnce = scenario.teleconsult(id);
        assertThat(failedOnce.status()).isEqualTo(TeleconsultStatus.REQUESTED);
        assertThat(failedOnce.connectionFailures()).isEqualTo(1);
        assertThat(failedOnce.sessionUrl()).isNull();
        assertThat(scenario.process(id)).isWaitingAt("ScheduleTeleconsult");

        scenario.schedule(id);
        TeleconsultDetails rebooked = scenario.teleconsult(id);
        assertThat(rebooked.status()).isEqualTo(TeleconsultStatus.SCHEDULED);
        assertThat(rebooked.sessionUrl()).isNotNull().isNotEqualTo(firstLink);
        assertThat(scenario.process(id)).isWaitingAt("ConductTeleconsult");
        assertThat(scenario.timelineTypes(id)).containsSubsequence(TeleconsultEventType.SCHEDULED,
                TeleconsultEventType.CONNECTION_FAILED, TeleconsultEventType.SCHEDULED);
        Wording failure = scenario.said(id, TeleconsultEventType.CONNECTION_FAILED);
        assertThat(failure.key()).isEqualTo("teleconsults.said.CONNECTION_FAILED");
        assertThat(failure.values()).containsEntry("failures", "1").containsEntry("allowed", "2");
    }

    @Test
    void aSecondFailedConnectionEndsAsFailedAndRefersThePatientInPerson() {
        UUID id = scenario.request("coordinator", HEALTHY).id();
        ProcessInstance process = scenario.process(id);
        scenario.schedule(id);
        scenario.complete("doctor", id, "ConductTeleconsult", form("connected", false));
        scenario.schedule(id);
        scenario.complete("doctor", id, "ConductTeleconsult", form("connected", false));
        TeleconsultDetails failed = scenario.teleconsult(id);
        assertThat(process).hasPassed("ReferInPerson", "Failed").isEnded();
        assertThat(failed.status()).isEqualTo(TeleconsultStatus.FAILED);
        assertThat(failed.connectionFailures()).isEqualTo(2);
        UUID referralId = failed.followUpReferralId();
        assertThat(referralId).isNotNull();
        ReferralDetails referral = scenario.as("coordinator", () -> scenario.referrals.referral(referralId));
        assertThat(referral.patientId()).isEqualTo(failed.patientId());
        assertThat(scenario.openTaskKeysOfReferral(referralId)).containsExactly("ReviewReferral");
        assertThat(scenario.timelineTypes(id)).containsSubsequence(TeleconsultEventType.CONNECTION_FAILED,
                TeleconsultEventType.CONNECTION_FAILED, TeleconsultEventType.FAILED, TeleconsultEventType.FOLLOW_UP_REFERRAL);
        assertThat(scenario.said(id, TeleconsultEventType.FAILED).values()).containsEntry("failures", "2");
        assertThat(scenario.said(id, TeleconsultEventType.FOLLOW_UP_REFERRAL).values())
                .containsEntry("referral", referralId.toString());
    }

    @Test
    void observationsDuringTheConsultAreReassessedAndARiseToEmergencyInterruptsItAndEscalates() {
        TeleconsultDetails requested = scenario.request("coordinator", HEALTHY);
        UUID id = requested.id();
        ProcessInstance process = scenario.process(id);
        scenario.schedule(id);

        TeleconsultDetails still = scenario.as("coordinator", () -> scenario.teleconsults.addObservations(id,
                scenario.observations(Map.of("temperature", 37.9))));
        assertThat(still.status()).isEqualTo(TeleconsultStatus.SCHEDULED);
        assertThat(process).isWaitingAt("ConductTeleconsult");

        TeleconsultDetails escalated = scenario.as("coordinator", () -> scenario.teleconsults.addObservations(id,
                scenario.observations(Map.of("systolicBp", 195, "diastolicBp", 128))));
        assertThat(escalated.status()).isEqualTo(TeleconsultStatus.ESCALATED);
        assertThat(escalated.urgency()).isEqualTo(Urgency.EMERGENCY);
        assertThat(process).hasPassed("EscalateDeterioration", "EscalatedOnDeterioration").hasNotPassed("Completed")
                .isEnded();
        assertThat(scenario.openTaskKeysOfReferral(escalated.followUpReferralId())).containsExactly("ArrangeEmergencyTransfer");
        List<Vital> vitals = scenario.as("doctor", () -> scenario.teleconsults.vitals(id));
        assertThat(vitals).extracting(Vital::urgency).containsExactly(Urgency.ROUTINE, Urgency.EMERGENCY);
        assertThat(vitals.get(1).observations().systolicBp()).isEqualTo(195.0);
        assertThat(scenario.timelineTypes(id)).containsSubsequence(TeleconsultEventType.OBSERVATIONS_ADDED,
                TeleconsultEventType.REASSESSED, TeleconsultEventType.OBSERVATIONS_ADDED, TeleconsultEventType.REASSESSED,
                TeleconsultEventType.ESCALATED);
        Wording added = scenario.said(id, TeleconsultEventType.OBSERVATIONS_ADDED);
        assertThat(added.key()).isEqualTo("teleconsults.said.OBSERVATIONS_ADDED");
        assertThat(added.values()).containsOnly(Map.entry("fields", "observation.SYSTOLIC_BP,observation.DIASTOLIC_BP"));
        Wording reassessed = scenario.said(id, TeleconsultEventType.REASSESSED);
        assertThat(reassessed.key()).isEqualTo("teleconsults.said.REASSESSED");
        assertThat(reassessed.values()).containsEntry("before", "urgency.ROUTINE").containsEntry("urgency", "urgency.EMERGENCY");
        assertThat(scenario.said(id, TeleconsultEventType.ESCALATED).key())
                .isEqualTo("teleconsults.said.ESCALATED_NEW_REFERRAL");
        // the session has ended: nothing more is taken
        assertThatThrownBy(() -> scenario.as("coordinator", () -> scenario.teleconsults.addObservations(id,
                scenario.observations(Map.of("heartRate", 90))))).isInstanceOf(ConflictException.class);
    }

    @Test
    void anInPersonFollowUpStartsAReferralForThePatient() {
        UUID id = scenario.request("coordinator", HEALTHY).id();
        scenario.schedule(id);
        Map<String, Object> note = new java.util.LinkedHashMap<>(NOTE);
        note.put("followUp", "IN_PERSON_REFERRAL");
        note.put("plan", "Chest X-ray at the county hospital");
        scenario.complete("doctor", id, "ConductTeleconsult", note);
        TeleconsultDetails done = scenario.teleconsult(id);
        assertThat(done.status()).isEqualTo(TeleconsultStatus.COMPLETED);
        assertThat(done.note().followUp()).isEqualTo(TeleconsultFollowUp.IN_PERSON_REFERRAL);
        ReferralDetails referral = scenario.as("coordinator", () -> scenario.referrals.referral(done.followUpReferralId()));
        assertThat(referral.patientId()).isEqualTo(done.patientId());
        assertThat(referral.status()).isEqualTo(ReferralStatus.REQUESTED);
        assertThat(scenario.openTaskKeysOfReferral(referral.id())).containsExactly("ReviewReferral");
        assertThat(scenario.timelineTypes(id)).contains(TeleconsultEventType.FOLLOW_UP_REFERRAL);
    }

    @Test
    void theConsultNoteNeedsAnAssessmentPlanAndFollowUpAndABadNoteChangesNothing() {
        UUID id = scenario.request("coordinator", HEALTHY).id();
        scenario.schedule(id);
        assertThatThrownBy(() -> scenario.complete("doctor", id, "ConductTeleconsult", form("connected", true)))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.errors())
                        .extracting(FieldError::field).containsExactlyInAnyOrder("assessment", "plan", "followUp"));
        assertThatThrownBy(() -> scenario.complete("doctor", id, "ConductTeleconsult", form("connected", true,
                "assessment", "x", "plan", "y", "followUp", "NONE",
                "prescriptions", List.of(Map.of("drug", "Amoxicillin", "dose", "500 mg", "frequency", "tds", "days", 0)))))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.errors())
                        .extracting(FieldError::field).containsExactly("prescriptions[0].days"));
        assertThat(scenario.process(id)).isWaitingAt("ConductTeleconsult");
        assertThat(scenario.teleconsult(id).status()).isEqualTo(TeleconsultStatus.SCHEDULED);
        assertThat(scenario.teleconsult(id).encounterId()).isNull();
    }

    @Test
    void schedulingRefusesADoctorWithoutTheSpecialtyOrTeleconsultsAndAStartInThePast() {
        UUID id = scenario.request("coordinator", HEALTHY).id();
        Long notTeleconsulting = scenario.jdbc.queryForList("select id from practitioner where teleconsult_capable = false"
                + " order by id limit 1", Long.class).stream().findFirst().orElse(null);
        Long noInternalMedicine = scenario.jdbc.queryForObject("select min(p.id) from practitioner p where p.teleconsult_capable"
                + " and not exists (select 1 from practitioner_specialty s where s.practitioner_id = p.id"
                + " and s.specialty = 'INTERNAL_MEDICINE')", Long.class);
        assertThatThrownBy(() -> scenario.complete("coordinator", id, "ScheduleTeleconsult", form("doctorId",
                noInternalMedicine, "start", TeleconsultScenario.weekdayAt(3, java.time.LocalTime.of(10, 0)).toString())))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.errors())
                        .extracting(FieldError::message).anyMatch(m -> m.contains("lacks the specialty")));
        if (notTeleconsulting != null) {
            assertThatThrownBy(() -> scenario.complete("coordinator", id, "ScheduleTeleconsult", form("doctorId",
                    notTeleconsulting, "start", TeleconsultScenario.weekdayAt(3, java.time.LocalTime.of(10, 0)).toString())))
                    .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.errors())
                            .extracting(FieldError::message).anyMatch(m -> m.contains("does not hold teleconsultations")));
        }
        assertThatThrownBy(() -> scenario.complete("coordinator", id, "ScheduleTeleconsult", form("doctorId",
                scenario.practitioner("DR-0001"), "start", OffsetDateTime.now().minusDays(1).toString())))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.errors())
                        .extracting(FieldError::field).contains("start"));
        assertThat(scenario.process(id)).isWaitingAt("ScheduleTeleconsult");
        assertThat(scenario.teleconsult(id).status()).isEqualTo(TeleconsultStatus.REQUESTED);
    }

    @Test
    void claimingATaskOfTheTeleconsultIsInItsTimeline() {
        UUID id = scenario.request("coordinator", HEALTHY).id();
        OpenTask schedule = scenario.task(id, "ScheduleTeleconsult");
        assertThat(scenario.timelineTypes(id)).doesNotContain(TeleconsultEventType.TASK_CLAIMED);
        scenario.as("coordinator", () -> scenario.tasks.claim(schedule.id()));
        assertThat(scenario.timelineTypes(id)).endsWith(TeleconsultEventType.TASK_CLAIMED);
        Wording claimed = scenario.said(id, TeleconsultEventType.TASK_CLAIMED);
        assertThat(claimed.key()).isEqualTo("tasks.said.CLAIMED");
        assertThat(claimed.values()).containsEntry("task", "tasks.key.ScheduleTeleconsult");
    }

    @Test
    void aTeleconsultCanBeCancelledWhileItWaitsToBeScheduled() {
        UUID id = scenario.request("coordinator", HEALTHY).id();
        ProcessInstance process = scenario.process(id);
        TeleconsultDetails cancelled = scenario.as("coordinator", () -> scenario.teleconsults.cancel(id, "Patient recovered"));
        assertThat(cancelled.status()).isEqualTo(TeleconsultStatus.CANCELLED);
        assertThat(process).hasPassed("Cancelled").isEnded();
        assertThat(scenario.tasks.openTasksOf(process.getId())).isEmpty();
        assertThatThrownBy(() -> scenario.as("coordinator", () -> scenario.teleconsults.cancel(id, "again")))
                .isInstanceOf(ConflictException.class);
    }

    @Test
    void aTeleconsultCanBeCancelledWhileItWaitsForTheConsult() {
        UUID id = scenario.request("coordinator", HEALTHY).id();
        ProcessInstance process = scenario.process(id);
        scenario.schedule(id);
        scenario.as("coordinator", () -> scenario.teleconsults.cancel(id, "Patient transferred by family"));
        assertThat(process).hasPassed("Cancelled").isEnded();
        TeleconsultDetails cancelled = scenario.teleconsult(id);
        assertThat(cancelled.status()).isEqualTo(TeleconsultStatus.CANCELLED);
        assertThat(cancelled.sessionUrl()).isNull();
        assertThat(scenario.management.createJobQuery().processInstanceId(process.getId()).count()).isZero();
        assertThat(scenario.timelineTypes(id)).endsWith(TeleconsultEventType.CANCELLED);
        Wording cancelledWith = scenario.said(id, TeleconsultEventType.CANCELLED);
        assertThat(cancelledWith.key()).isEqualTo("teleconsults.said.CANCELLED");
        assertThat(cancelledWith.values()).containsEntry("reason", "Patient transferred by family");
    }

    @Test
    void aReferralBookedAsATeleconsultTakesTheConsultNoteAsItsOutcomeAndGoesOnToAcknowledgement() {
        ReferralDetails referral = referralAcceptedByDr0001();
        AppointmentSuggestion slot = bookAsTeleconsult(referral);
        String referralProcess = scenario.referralProcess(referral.id());
        long doctor = scenario.practitioner("DR-0001");

        ProcessInstance referralInstance = scenario.runtime.createProcessInstanceQuery().processInstanceId(referralProcess)
                .singleResult();
        assertThat(referralInstance).isWaitingAt("Teleconsultation");
        UUID id = scenario.jdbc.queryForObject("select id from teleconsult where referral_id = ?", UUID.class, referral.id());
        ProcessInstance teleconsultProcess = scenario.process(id);
        assertThat(teleconsultProcess).hasPassed("AssessTeleconsult", "OpenSession").hasNotPassed("ScheduleTeleconsult")
                .isWaitingAt("ConductTeleconsult").task().isAssignedTo("doctor");
        TeleconsultDetails scheduled = scenario.teleconsult(id);
        assertThat(scheduled.status()).isEqualTo(TeleconsultStatus.SCHEDULED);
        assertThat(scheduled.referralId()).isEqualTo(referral.id());
        assertThat(scheduled.start()).isEqualTo(slot.start());
        assertThat(scheduled.doctorId()).isEqualTo(doctor);
        assertThat(scheduled.sessionUrl()).startsWith("https://meet.carebridge.example/teleconsult/");
        assertThat(scenario.tasks.openTasksOf(referralProcess)).isEmpty();

        scenario.complete("doctor", id, "ConductTeleconsult", NOTE);
        assertThat(teleconsultProcess).isEnded();
        assertThat(referralInstance).hasPassed("Teleconsultation", "RecordTeleconsultOutcome").hasNotPassed("DocumentOutcome")
                .isWaitingAt("AcknowledgeOutcome");
        ReferralDetails reported = scenario.as("coordinator", () -> scenario.referrals.referral(referral.id()));
        assertThat(reported.status()).isEqualTo(ReferralStatus.REPORTED);
        assertThat(reported.outcome().diagnosis()).isEqualTo("Acute bronchitis");
        assertThat(reported.outcome().plan()).startsWith("Fluids, rest").contains("Paracetamol");
        assertThat(reported.outcome().followUp()).isEqualTo(FollowUp.NONE);
        assertThat(scenario.teleconsult(id).status()).isEqualTo(TeleconsultStatus.COMPLETED);

        scenario.completeIn("coordinator", referralProcess, "AcknowledgeOutcome", form("note", "Patient informed"));
        assertThat(referralInstance).isEnded();
        assertThat(scenario.as("coordinator", () -> scenario.referrals.referral(referral.id())).status())
                .isEqualTo(ReferralStatus.COMPLETED);
    }

    @Test
    void cancellingTheReferralCancelsTheTeleconsultItCalled() {
        ReferralDetails referral = referralBookedAsTeleconsult();
        UUID id = scenario.jdbc.queryForObject("select id from teleconsult where referral_id = ?", UUID.class, referral.id());
        String teleconsultProcess = scenario.processInstanceId(id);

        scenario.as("coordinator", () -> scenario.referrals.cancel(referral.id(), "Family took the patient to the city"));
        assertThat(scenario.runtime.createProcessInstanceQuery().processInstanceId(teleconsultProcess).count()).isZero();
        assertThat(scenario.teleconsult(id).status()).isEqualTo(TeleconsultStatus.CANCELLED);
    }

    /** A referral of a YL patient, routed to and accepted by DR-0001, booked as a TELECONSULT; returns it. */
    private ReferralDetails referralBookedAsTeleconsult() {
        ReferralDetails referral = referralAcceptedByDr0001();
        bookAsTeleconsult(referral);
        return referral;
    }

    /** A referral of a YL patient, routed to and accepted by DR-0001, waiting at ScheduleAppointment. */
    private ReferralDetails referralAcceptedByDr0001() {
        Map<String, Object> at = scenario.patientInYl();
        ReferralDetails referral = scenario.as("coordinator", () -> scenario.referrals.submit(new ReferralRequest(
                (UUID) at.get("patient"), ((Number) at.get("facility")).longValue(), "Persistent cough",
                Specialty.INTERNAL_MEDICINE, Set.of(), null, null, scenario.observations(HEALTHY))));
        String referralProcess = scenario.referralProcess(referral.id());
        scenario.completeIn("coordinator", referralProcess, "ReviewReferral", form("decision", "ROUTE", "doctorId",
                "" + scenario.practitioner("DR-0001")));
        scenario.completeIn("doctor", referralProcess, "AcceptReferral", form("decision", "ACCEPT"));
        return referral;
    }

    /** Books the referral's first suggested slot as a TELECONSULT; returns the slot. */
    private AppointmentSuggestion bookAsTeleconsult(ReferralDetails referral) {
        String referralProcess = scenario.referralProcess(referral.id());
        AppointmentSuggestion slot = scenario.as("coordinator", () -> scenario.referrals.suggestions(referral.id(), 1)).get(0);
        scenario.completeIn("coordinator", referralProcess, "ScheduleAppointment", form("start", slot.start().toString(),
                "mode", "TELECONSULT"));
        return slot;
    }

    private UUID teleconsultOf(ReferralDetails referral) {
        return scenario.jdbc.queryForObject("select id from teleconsult where referral_id = ?", UUID.class, referral.id());
    }

    @Test
    void deteriorationDuringAReferralsTeleconsultSendsThatReferralToItsEmergencyTransfer() {
        ReferralDetails referral = referralBookedAsTeleconsult();
        UUID id = teleconsultOf(referral);
        long referralsBefore = scenario.jdbc.queryForObject("select count(*) from referral", Long.class);
        TeleconsultDetails escalated = scenario.as("coordinator", () -> scenario.teleconsults.addObservations(id,
                scenario.observations(Map.of("systolicBp", 195, "diastolicBp", 128))));
        assertThat(escalated.status()).isEqualTo(TeleconsultStatus.ESCALATED);
        assertThat(escalated.followUpReferralId()).isNull();
        assertThat(scenario.jdbc.queryForObject("select count(*) from referral", Long.class)).isEqualTo(referralsBefore);
        ProcessInstance referralInstance = scenario.runtime.createProcessInstanceQuery()
                .processInstanceId(scenario.referralProcess(referral.id())).singleResult();
        assertThat(referralInstance).hasPassed("Teleconsultation", "RecordTeleconsultOutcome")
                .isWaitingAt("ArrangeEmergencyTransfer");
        ReferralDetails transferring = scenario.as("coordinator", () -> scenario.referrals.referral(referral.id()));
        assertThat(transferring.urgency()).isEqualTo(Urgency.EMERGENCY);
        assertThat(transferring.escalated()).isTrue();
        assertThat(transferring.appointment().status()).isEqualTo(org.carebridge.referrals.Appointment.Status.CANCELLED);
    }

    @Test
    void newObservationsOnAReferralWaitingForItsTeleconsultEndTheTeleconsultAndTransferThePatient() {
        ReferralDetails referral = referralBookedAsTeleconsult();
        UUID id = teleconsultOf(referral);
        ReferralDetails transferring = scenario.as("coordinator", () -> context.getBean(ChangingUrgency.class)
                .addObservations(referral.id(), scenario.observations(Map.of("systolicBp", 195, "diastolicBp", 128))));
        assertThat(transferring.urgency()).isEqualTo(Urgency.EMERGENCY);
        assertThat(scenario.runtime.createProcessInstanceQuery().processInstanceId(scenario.referralProcess(referral.id()))
                .singleResult()).isWaitingAt("ArrangeEmergencyTransfer");
        TeleconsultDetails ended = scenario.as("coordinator", () -> scenario.teleconsults.teleconsult(id));
        assertThat(ended.status()).isEqualTo(TeleconsultStatus.CANCELLED);
        assertThat(scenario.taskService.createTaskQuery().processInstanceBusinessKey(id.toString()).count()).isZero();
    }

    @Test
    void aTeleconsultForAPregnantWomanIsAssessedByMeowsAndEscalatedWhenItTriggersRed() {
        Map<String, Object> at = scenario.patientInYl();
        TeleconsultDetails escalated = scenario.as("coordinator", () -> scenario.teleconsults.request(new TeleconsultRequest(
                (UUID) at.get("patient"), ((Number) at.get("facility")).longValue(), Specialty.OBSTETRICS,
                "Headache and swelling at 34 weeks", java.util.Set.of(), null, null,
                scenario.observations(Map.of("systolicBp", 190, "diastolicBp", 125)))));
        assertThat(escalated.urgency()).as("a hypertensive crisis, pregnant or not").isEqualTo(Urgency.EMERGENCY);

        // a patient of her own: the pregnancy goes into her chart
        UUID woman = scenario.as("coordinator", () -> context.getBean(PatientRecords.class).register(
                new org.carebridge.patients.PatientRequest("孕妇", "测试", "Zz Yunfu", java.time.LocalDate.now().minusYears(26),
                        org.carebridge.clinical.Sex.FEMALE, "zh", ((Number) at.get("facility")).longValue(), List.of(), null))
                .getId());
        TeleconsultDetails pregnant = scenario.as("coordinator", () -> scenario.teleconsults.request(new TeleconsultRequest(
                woman, ((Number) at.get("facility")).longValue(), Specialty.OBSTETRICS,
                "Breathless at 30 weeks", java.util.Set.of(), true, null,
                scenario.observations(Map.of("respiratoryRate", 24, "heartRate", 110)))));
        assertThat(pregnant.urgency()).as("two MEOWS yellows").isEqualTo(Urgency.URGENT);
    }

    @Test
    void cancellingAReferralsTeleconsultSendsTheReferralBackToScheduling() {
        ReferralDetails referral = referralBookedAsTeleconsult();
        UUID id = teleconsultOf(referral);
        scenario.as("coordinator", () -> scenario.teleconsults.cancel(id, "Clinic has no connection this week"));
        ProcessInstance referralInstance = scenario.runtime.createProcessInstanceQuery()
                .processInstanceId(scenario.referralProcess(referral.id())).singleResult();
        assertThat(referralInstance).hasPassed("Teleconsultation").isWaitingAt("ScheduleAppointment");
        ReferralDetails rebooking = scenario.as("coordinator", () -> scenario.referrals.referral(referral.id()));
        assertThat(rebooking.status()).isEqualTo(ReferralStatus.ACCEPTED);
        assertThat(rebooking.appointment().status()).isEqualTo(org.carebridge.referrals.Appointment.Status.CANCELLED);
        assertThat(scenario.teleconsult(id).status()).isEqualTo(TeleconsultStatus.CANCELLED);
    }

    @Test
    void aReferralsTeleconsultWhoseLinkFailsTwiceSendsTheReferralBackToSchedulingWithoutANewReferral() {
        ReferralDetails referral = referralBookedAsTeleconsult();
        UUID id = teleconsultOf(referral);
        scenario.complete("doctor", id, "ConductTeleconsult", form("connected", false));
        scenario.schedule(id);
        scenario.complete("doctor", id, "ConductTeleconsult", form("connected", false));
        TeleconsultDetails failed = scenario.teleconsult(id);
        assertThat(failed.status()).isEqualTo(TeleconsultStatus.FAILED);
        assertThat(failed.followUpReferralId()).isNull();
        assertThat(scenario.openTaskKeysOfReferral(referral.id())).containsExactly("ScheduleAppointment");
    }


    @Test
    void aReferralCannotBookTheDoctorOverATeleconsultSession() {
        UUID id = scenario.request("coordinator", HEALTHY).id();
        OffsetDateTime session = scenario.schedule(id);
        ReferralDetails referral = referralAcceptedByDr0001();
        String referralProcess = scenario.referralProcess(referral.id());
        assertThatThrownBy(() -> scenario.completeIn("coordinator", referralProcess, "ScheduleAppointment",
                form("start", session.plusMinutes(15).toString(), "mode", "TELECONSULT")))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.errors())
                        .anySatisfy(error -> assertThat(error.message()).contains("teleconsult " + id)));
        assertThat(scenario.openTaskKeysOfReferral(referral.id())).containsExactly("ScheduleAppointment");
    }


    @Test
    void theReferralsSuggestionsLeaveOutTheDoctorsTeleconsultSession() {
        ReferralDetails referral = referralAcceptedByDr0001();
        AppointmentSuggestion first = scenario.as("coordinator", () -> scenario.referrals.suggestions(referral.id(), 1))
                .get(0);

        UUID id = scenario.request("coordinator", HEALTHY).id();
        scenario.complete("coordinator", id, "ScheduleTeleconsult", form("doctorId", first.doctorId(),
                "start", first.start().atOffset(ZoneOffset.UTC).toString()));

        List<AppointmentSuggestion> now = scenario.as("coordinator", () -> scenario.referrals.suggestions(referral.id(), 5));
        assertThat(now).isNotEmpty().noneMatch(s -> s.doctorId() == first.doctorId()
                && s.start().isBefore(first.start().plusSeconds(30 * 60)) && s.end().isAfter(first.start()));
    }

    @Test
    void aReferralsTeleconsultThatRefersInPersonGivesTheReferralANewReferralAsItsFollowUp() {
        ReferralDetails referral = referralBookedAsTeleconsult();
        UUID id = teleconsultOf(referral);
        Map<String, Object> note = new java.util.LinkedHashMap<>(NOTE);
        note.put("followUp", "IN_PERSON_REFERRAL");
        scenario.complete("doctor", id, "ConductTeleconsult", note);
        UUID next = scenario.teleconsult(id).followUpReferralId();
        assertThat(next).isNotNull();
        ReferralDetails reported = scenario.as("coordinator", () -> scenario.referrals.referral(referral.id()));
        assertThat(reported.status()).isEqualTo(ReferralStatus.REPORTED);
        assertThat(reported.outcome().followUp()).isEqualTo(FollowUp.NEW_REFERRAL);
        assertThat(reported.outcome().followUpReferralId()).isEqualTo(next);
        assertThat(scenario.openTaskKeysOfReferral(referral.id())).containsExactly("AcknowledgeOutcome");
        assertThat(scenario.openTaskKeysOfReferral(next)).containsExactly("ReviewReferral");
    }

}
