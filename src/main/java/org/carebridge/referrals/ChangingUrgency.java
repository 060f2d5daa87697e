package org.carebridge.referrals;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ActivityInstance;
import org.camunda.bpm.engine.runtime.ProcessInstanceModificationBuilder;
import org.carebridge.directory.Directory;
import org.carebridge.directory.Specialty;
import org.carebridge.guidelines.Assessment;
import org.carebridge.guidelines.AssessmentRequest;
import org.carebridge.guidelines.Guidelines;
import org.carebridge.guidelines.Observations;
import org.carebridge.guidelines.Urgency;
import org.carebridge.identity.AuditAction;
import org.carebridge.identity.CurrentStaff;
import org.carebridge.identity.Role;
import org.carebridge.identity.StaffAccounts;
import org.carebridge.identity.StaffMember;
import org.carebridge.patients.PatientRecords;
import org.carebridge.shared.ConflictException;
import org.carebridge.shared.InvalidRequestException;
import org.carebridge.shared.Wording;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;

/**
 * A referral's urgency changes between its steps: new observations sent while it waits are recorded in
 * the chart and re-assessed, and a rise to EMERGENCY sends it at once to {@code ArrangeEmergencyTransfer},
 * from whatever step it waits at (its booked slot freed, its task there ended); a rise short of that
 * restarts its review or acceptance under the shorter service level. An EMERGENCY is lowered only on a
 * doctor's reason, back to review.
 */
@Service
@Validated
@Transactional
public class ChangingUrgency {

    static final String EMERGENCY_TRANSFER = "ArrangeEmergencyTransfer";
    /** The steps where the referral still waits for its encounter: new observations can change its course. */
    private static final Set<String> BEFORE_THE_ENCOUNTER = Set.of("ReviewReferral", "ProvideInformation",
            "AcceptReferral", "ScheduleAppointment", "DocumentOutcome", "Teleconsultation", EMERGENCY_TRANSFER);
    /** The steps whose due date and timer follow the urgency. */
    private static final Set<String> TIMED_BY_URGENCY = Set.of("ReviewReferral", "AcceptReferral");

    /** A change of urgency; {@code doctorId} names the doctor whose reason lowers an emergency, when a coordinator enters it. */
    public record Change(@NotNull Urgency urgency, String reason, Long doctorId) {
    }

    private final ReferralSteps steps;
    private final Bookings bookings;
    private final Referrals referrals;
    private final PatientRecords patients;
    private final Guidelines guidelines;
    private final Directory directory;
    private final StaffAccounts staff;
    private final RuntimeService runtime;
    private final ObjectMapper json;

    ChangingUrgency(ReferralSteps steps, Bookings bookings, Referrals referrals, PatientRecords patients,
            Guidelines guidelines, Directory directory, StaffAccounts staff, RuntimeService runtime, ObjectMapper json) {
        this.steps = steps;
        this.bookings = bookings;
        this.referrals = referrals;
        this.patients = patients;
        this.guidelines = guidelines;
        this.directory = directory;
        this.staff = staff;
        this.runtime = runtime;
        this.json = json;
    }

    /** New observations of a referred patient: into the chart, re-assessed, and the referral follows its urgency. */
    @PreAuthorize("hasAnyRole('COORDINATOR', 'DOCTOR')")
    public ReferralDetails addObservations(UUID id, @NotNull @Valid Observations sent) {
        if (sent.measuresNothing()) {
            throw new InvalidRequestException("observations", "must hold at least one value");
        }
        StaffMember user = CurrentStaff.get();
        Referral referral = lockWaiting(id, user);
        patients.recordObservations(referral.getPatientId(), sent);
        AssessmentRequest input = AssessingReferral.input(referral, json);
        AssessmentRequest after = input.with(input.observations().updatedBy(sent));
        Assessment result = guidelines.assess(after);
        Urgency before = referral.getUrgency();
        Urgency now = before == null || result.urgency().compareTo(before) < 0 ? result.urgency() : before;
        Instant at = Timeline.now();
        referral.assessed(now, referral.getSpecialty() == null ? result.specialty() : referral.getSpecialty(),
                AssessingReferral.write(result, json), result.rulesetVersion(), AssessingReferral.write(after, json), at);
        steps.record(referral, TimelineType.REASSESSED, Wording.of(now != result.urgency()
                ? ReferralWording.NEW_OBSERVATIONS_KEPT : ReferralWording.NEW_OBSERVATIONS)
                .label("assessed", "urgency", result.urgency()).label("specialty", "specialty", result.specialty())
                .number("findings", result.findings().size()).label("urgency", "urgency", now));
        steps.audit(referral, AuditAction.UPDATE, "observations and re-assessment");
        if (now == Urgency.EMERGENCY && before != Urgency.EMERGENCY) {
            toEmergencyTransfer(referral, result.specialty(), Wording.of(ReferralWording.EMERGENCY_ON_NEW_OBSERVATIONS)
                    .label("before", "urgency", before), at);
        } else if (now != before) {
            restartTimedStep(referral, now);
        }
        return referrals.details(referral, user);
    }

    /**
     * Raises the referral to EMERGENCY (at once to the emergency transfer), or lowers an EMERGENCY whose
     * transfer is not yet arranged back to review, on a doctor's reason: the caller's if they are a
     * doctor, else the doctor {@code doctorId} names. Other changes are made at review.
     */
    @PreAuthorize("hasAnyRole('COORDINATOR', 'DOCTOR')")
    public ReferralDetails change(UUID id, @NotNull @Valid Change change) {
        if (change.reason() == null || change.reason().isBlank()) {
            throw new InvalidRequestException("reason", "is required to change the urgency");
        }
        if (change.reason().length() > 2000) {
            throw new InvalidRequestException("reason", "size must be between 0 and 2000");
        }
        StaffMember user = CurrentStaff.get();
        Referral referral = lockWaiting(id, user);
        Instant at = Timeline.now();
        String reason = change.reason().strip();
        if (change.urgency() == Urgency.EMERGENCY) {
            if (referral.isEmergency()) {
                throw new ConflictException("urgency", "The referral is already an emergency");
            }
            steps.record(referral, TimelineType.OVERRIDE, Wording.of(ReferralWording.RAISED)
                    .label("before", "urgency", referral.getUrgency()).text("reason", reason));
            toEmergencyTransfer(referral, referral.getSpecialty(), Wording.of(ReferralWording.EMERGENCY_BY_HAND), at);
        } else if (referral.isEmergency()) {
            lowerEmergency(referral, change, reason, user, at);
        } else {
            throw new InvalidRequestException("urgency", "only raising to EMERGENCY or lowering an EMERGENCY is done"
                    + " here; other changes are made at review");
        }
        steps.audit(referral, AuditAction.UPDATE, "urgency");
        return referrals.details(referral, user);
    }

    private void lowerEmergency(Referral referral, Change change, String reason, StaffMember user, Instant at) {
        long doctor;
        if (user.hasAnyRole(Role.DOCTOR) && user.practitionerId() != null) {
            doctor = user.practitionerId();
        } else if (change.doctorId() == null) {
            throw new InvalidRequestException("doctorId", "lowering an emergency needs a doctor's reason: name the doctor");
        } else if (!directory.practitionerExists(change.doctorId())
                || staff.usernameOfPractitioner(change.doctorId()).isEmpty()) {
            throw new InvalidRequestException("doctorId", "is not a practitioner with a CareBridge login");
        } else {
            doctor = change.doctorId();
        }
        if (!runtime.getActiveActivityIds(referral.getProcessInstanceId()).contains(EMERGENCY_TRANSFER)) {
            throw new ConflictException("urgency", "The transfer is already arranged: the emergency runs its course");
        }
        steps.record(referral, TimelineType.OVERRIDE, Wording.of(ReferralWording.LOWERED)
                .label("urgency", "urgency", change.urgency()).doctor("doctor", doctor).text("reason", reason));
        referral.emergencyLowered(change.urgency(), at);
        Map<String, Object> variables = new HashMap<>();
        variables.put("urgency", change.urgency().name());
        runtime.setVariables(referral.getProcessInstanceId(), variables);
        moveTo(referral, "ReviewReferral");
    }

    private Referral lockWaiting(UUID id, StaffMember user) {
        Referral referral = steps.lock(id);
        ReferralAccess.requireClinical(user, referral);
        if (referral.getStatus().isFinished() || referral.getStatus() == ReferralStatus.REPORTED) {
            throw new ConflictException("status", "The referral is already " + referral.getStatus()
                    + ": its encounter is over; refer the patient again");
        }
        List<String> waiting = runtime.getActiveActivityIds(referral.getProcessInstanceId());
        if (waiting.stream().noneMatch(BEFORE_THE_ENCOUNTER::contains)) {
            throw new ConflictException("status", "The referral is past its encounter; refer the patient again");
        }
        return referral;
    }

    private void toEmergencyTransfer(Referral referral, Specialty specialty, Wording why, Instant at) {
        bookings.end(referral.getId(), Appointment.Status.CANCELLED);
        referral.becameEmergency(specialty, at);
        steps.record(referral, TimelineType.ESCALATED, why);
        Map<String, Object> variables = new HashMap<>();
        variables.put("urgency", Urgency.EMERGENCY.name());
        variables.put("doctorUsername", null);
        runtime.setVariables(referral.getProcessInstanceId(), variables);
        moveTo(referral, EMERGENCY_TRANSFER);
    }

    /** A waiting review or acceptance starts again, so that its due date and timer follow the new urgency. */
    private void restartTimedStep(Referral referral, Urgency urgency) {
        runtime.setVariable(referral.getProcessInstanceId(), "urgency", urgency.name());
        runtime.getActiveActivityIds(referral.getProcessInstanceId()).stream().filter(TIMED_BY_URGENCY::contains)
                .findFirst().ifPresent(step -> {
                    moveTo(referral, step);
                    steps.record(referral, TimelineType.ESCALATED, Wording.of(ReferralWording.STEP_NOW_AT)
                            .label("task", "tasks.key." + step).label("urgency", "urgency", urgency));
                });
    }

    /** Ends whatever the process waits at (a task, a called teleconsult) and starts it before the given step. */
    private void moveTo(Referral referral, String activityId) {
        String process = referral.getProcessInstanceId();
        // start first: cancelling the last waiting activity first would end the process instance
        ProcessInstanceModificationBuilder modification = runtime.createProcessInstanceModification(process)
                .startBeforeActivity(activityId);
        for (ActivityInstance waiting : runtime.getActivityInstance(process).getChildActivityInstances()) {
            modification.cancelActivityInstance(waiting.getId());
        }
        modification.execute();
    }
}
