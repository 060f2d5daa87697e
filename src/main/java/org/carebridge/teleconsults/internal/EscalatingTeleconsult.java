package org.carebridge.teleconsults.internal;

import java.util.Set;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.carebridge.guidelines.AssessmentRequest;
import org.carebridge.identity.AuditAction;
import org.carebridge.referrals.ReferralDetails;
import org.carebridge.referrals.ReferralRequest;
import org.carebridge.referrals.Referrals;
import org.carebridge.shared.Wording;
import org.carebridge.teleconsults.TeleconsultEventType;
import org.carebridge.teleconsults.TeleconsultStatus;
import org.springframework.stereotype.Component;

/**
 * Service tasks {@code EscalateTeleconsult} (EMERGENCY at intake) and {@code EscalateDeterioration}
 * (observations during the consult rose to EMERGENCY): the teleconsult ends as ESCALATED and an
 * emergency referral starts at {@code ArrangeEmergencyTransfer}. Called from a referral, that
 * referral itself goes on to its emergency transfer instead (see {@code RecordTeleconsultOutcome}).
 */
@Component("escalateTeleconsult")
class EscalatingTeleconsult implements JavaDelegate {

    private final TeleconsultSteps steps;
    private final TeleconsultIntake intake;
    private final Referrals referrals;

    EscalatingTeleconsult(TeleconsultSteps steps, TeleconsultIntake intake, Referrals referrals) {
        this.steps = steps;
        this.intake = intake;
        this.referrals = referrals;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Teleconsult teleconsult = steps.lock(execution);
        execution.getProcessInstance().setVariable("teleconsultOutcome", TeleconsultStatus.ESCALATED.name());
        if (teleconsult.getStatus().isFinished()) {
            return;
        }
        teleconsult.finish(TeleconsultStatus.ESCALATED, TeleconsultTimeline.now());
        if (teleconsult.isCalledFromReferral()) {
            steps.record(teleconsult, TeleconsultEventType.ESCALATED, Wording.of(TeleconsultWording.ESCALATED_REFERRAL)
                    .text("referral", teleconsult.getReferralId()));
        } else {
            ReferralDetails referral = referrals.referForEmergencyTransfer(
                    intake.referral(teleconsult, teleconsult.getReason()), teleconsult.getId());
            teleconsult.followedUpBy(referral.id());
            steps.record(teleconsult, TeleconsultEventType.ESCALATED, Wording.of(TeleconsultWording.ESCALATED_NEW_REFERRAL)
                    .text("referral", referral.id()).label("task", "tasks.key.ArrangeEmergencyTransfer"));
        }
        steps.audit(teleconsult, AuditAction.UPDATE, "escalation");
    }
}
