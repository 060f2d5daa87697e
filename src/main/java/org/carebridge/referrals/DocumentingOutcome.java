package org.carebridge.referrals;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.carebridge.guidelines.AssessmentRequest;
import org.carebridge.guidelines.SuspectedCondition;
import org.carebridge.identity.AuditAction;
import org.carebridge.patients.AssessmentContext;
import org.carebridge.patients.PatientAssessments;
import org.carebridge.shared.FieldError;
import org.carebridge.shared.InvalidRequestException;
import org.carebridge.tasks.OpenTask;
import org.carebridge.tasks.TaskStep;
import org.carebridge.shared.Wording;
import org.springframework.stereotype.Component;

/**
 * {@code DocumentOutcome}: the doctor reports what was found and planned, or that the patient did not
 * come — the first missed appointment is booked again, the second ends the referral as FAILED. A
 * {@code NEW_REFERRAL} follow-up starts another referral of the patient, assessed on the chart's current
 * observations (none current: it goes to review with a finding that says nothing was recorded).
 */
@Component
class DocumentingOutcome extends TaskStep<DocumentingOutcome.Form> {

    static final int MISSES_BEFORE_FAILURE = 2;

    record Form(@NotNull Boolean attended, @Size(max = 2000) String diagnosis, @Size(max = 4000) String plan,
            FollowUp followUp) {
    }

    private final ReferralSteps steps;
    private final Bookings bookings;
    private final Referrals referrals;
    private final PatientAssessments assessments;

    DocumentingOutcome(ReferralSteps steps, Bookings bookings, Referrals referrals, PatientAssessments assessments) {
        super("DocumentOutcome", Form.class);
        this.steps = steps;
        this.bookings = bookings;
        this.referrals = referrals;
        this.assessments = assessments;
    }

    @Override
    public Map<String, Object> submit(OpenTask task, Form form) {
        Referral referral = steps.lock(task);
        Instant now = Timeline.now();
        Map<String, Object> variables = new HashMap<>();
        variables.put("attended", form.attended());
        if (form.attended()) {
            report(referral, form, now);
        } else {
            bookings.end(referral.getId(), Appointment.Status.MISSED);
            int missed = referral.missed(now);
            steps.record(referral, TimelineType.NO_SHOW, Wording.of(ReferralWording.MISSED_APPOINTMENT)
                    .number("missed", missed).number("allowed", MISSES_BEFORE_FAILURE));
            if (missed >= MISSES_BEFORE_FAILURE) {
                referral.finish(ReferralStatus.FAILED, now);
                steps.record(referral, TimelineType.FAILED, Wording.of(ReferralWording.MISSED_TOO_OFTEN)
                        .number("missed", missed));
            }
            variables.put("missedAppointments", missed);
        }
        steps.audit(referral, AuditAction.UPDATE, "outcome");
        return variables;
    }

    private static String followUpReason(String plan) {
        String reason = "Follow-up: " + plan.strip();
        return reason.length() <= 2000 ? reason : reason.substring(0, 1999) + "…";
    }

    private void report(Referral referral, Form form, Instant now) {
        List<FieldError> errors = new ArrayList<>();
        if (form.diagnosis() == null || form.diagnosis().isBlank()) {
            errors.add(new FieldError("diagnosis", "is required when the patient attended"));
        }
        if (form.plan() == null || form.plan().isBlank()) {
            errors.add(new FieldError("plan", "is required when the patient attended"));
        }
        if (form.followUp() == null) {
            errors.add(new FieldError("followUp", "is required when the patient attended: NONE, FOLLOW_UP or NEW_REFERRAL"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        bookings.end(referral.getId(), Appointment.Status.ATTENDED);
        referral.reported(form.diagnosis().strip(), form.plan().strip(), form.followUp(), now);
        steps.record(referral, TimelineType.OUTCOME_DOCUMENTED, Wording.of(ReferralWording.OUTCOME)
                .text("diagnosis", form.diagnosis()).label("followUp", "referrals.followUp", form.followUp()));
        if (form.followUp() == FollowUp.NEW_REFERRAL) {
            // the new referral is triaged on the patient as they are now, never on this referral's old observations
            Set<SuspectedCondition> conditions = referral.getSuspectedConditions().isEmpty() ? Set.of()
                    : Arrays.stream(referral.getSuspectedConditions().split(",")).map(SuspectedCondition::valueOf)
                            .collect(Collectors.toSet());
            AssessmentRequest current = assessments.current(referral.getPatientId(),
                    new AssessmentContext(conditions, null, referral.getSpecialty(), null), now);
            Referral next = referrals.create(new ReferralRequest(referral.getPatientId(),
                    referral.getReferringFacilityId(), followUpReason(form.plan()), referral.getSpecialty(),
                    conditions, null, null, current.observations()), referral.getId());
            referral.followedUpBy(next.getId());
            steps.record(referral, TimelineType.FOLLOW_UP_REFERRAL, Wording.of(ReferralWording.FOLLOW_UP_REFERRAL)
                    .text("referral", next.getId()));
        }
    }
}
