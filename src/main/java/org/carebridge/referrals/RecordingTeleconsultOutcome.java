package org.carebridge.referrals;

import java.time.Instant;
import java.util.UUID;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.carebridge.guidelines.Urgency;
import org.carebridge.identity.AuditAction;
import org.carebridge.shared.Wording;
import org.springframework.stereotype.Component;

/**
 * Service task {@code RecordTeleconsultOutcome}, after the call activity {@code Teleconsultation}
 * (process {@code teleconsult}): the teleconsult's note takes the place of {@code DocumentOutcome}.
 * The teleconsult hands its result back through process variables (this module does not know the
 * teleconsult module): {@code teleconsultOutcome} COMPLETED, ESCALATED, FAILED or CANCELLED, and for
 * COMPLETED the diagnosis, plan, follow-up and any follow-up referral.
 */
@Component("recordTeleconsultOutcome")
class RecordingTeleconsultOutcome implements JavaDelegate {

    private final ReferralSteps steps;
    private final Bookings bookings;

    RecordingTeleconsultOutcome(ReferralSteps steps, Bookings bookings) {
        this.steps = steps;
        this.bookings = bookings;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Referral referral = steps.lock(UUID.fromString((String) execution.getVariable("referralId")));
        Instant now = Timeline.now();
        String outcome = (String) execution.getVariable("teleconsultOutcome");
        String teleconsult = String.valueOf(execution.getVariable("teleconsultRef"));
        switch (outcome == null ? "CANCELLED" : outcome) {
            case "COMPLETED" -> {
                bookings.end(referral.getId(), Appointment.Status.ATTENDED);
                FollowUp followUp = FollowUp.valueOf((String) execution.getVariable("teleconsultFollowUp"));
                referral.reported((String) execution.getVariable("teleconsultDiagnosis"),
                        (String) execution.getVariable("teleconsultPlan"), followUp, now);
                steps.record(referral, TimelineType.OUTCOME_DOCUMENTED, Wording.of(ReferralWording.TELECONSULT_OUTCOME)
                        .text("teleconsult", teleconsult).text("diagnosis", referral.getOutcomeDiagnosis())
                        .label("followUp", "referrals.followUp", followUp));
                Object next = execution.getVariable("teleconsultFollowUpReferralId");
                if (next != null) {
                    referral.followedUpBy(UUID.fromString(next.toString()));
                    steps.record(referral, TimelineType.FOLLOW_UP_REFERRAL, Wording.of(ReferralWording.FOLLOW_UP_REFERRAL)
                            .text("referral", next));
                }
            }
            case "ESCALATED" -> {
                bookings.end(referral.getId(), Appointment.Status.CANCELLED);
                referral.assessed(Urgency.EMERGENCY, referral.getSpecialty(), referral.getAssessmentJson(),
                        referral.getRulesetVersion(), referral.getAssessmentInputJson(), now);
                referral.escalate(now);
                steps.record(referral, TimelineType.ESCALATED, Wording.of(ReferralWording.TELECONSULT_EMERGENCY)
                        .text("teleconsult", teleconsult));
                execution.setVariable("urgency", Urgency.EMERGENCY.name());
            }
            default -> {
                // the video link failed twice, or the teleconsult was called off: book again, in person
                bookings.end(referral.getId(), Appointment.Status.CANCELLED);
                referral.accepted(now);
                steps.record(referral, TimelineType.NO_SHOW, Wording.of(ReferralWording.TELECONSULT_UNDONE)
                        .text("teleconsult", teleconsult).label("outcome", "teleconsults.status." + outcome));
            }
        }
        steps.audit(referral, AuditAction.UPDATE, "teleconsult outcome");
    }
}
