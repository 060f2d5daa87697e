package org.carebridge.teleconsults.internal;

import java.util.Set;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.carebridge.identity.AuditAction;
import org.carebridge.referrals.Origin;
import org.carebridge.referrals.ReferralDetails;
import org.carebridge.referrals.ReferralRequest;
import org.carebridge.referrals.Referrals;
import org.carebridge.shared.Wording;
import org.carebridge.teleconsults.TeleconsultEventType;
import org.carebridge.teleconsults.TeleconsultStatus;
import org.springframework.stereotype.Component;

/**
 * Service task {@code ReferInPerson}: the video link failed a second time, so the teleconsult ends as
 * FAILED and the patient is referred to be seen in person. Called from a referral, that referral books
 * its appointment again instead.
 */
@Component("failTeleconsult")
class FailingTeleconsult implements JavaDelegate {

    static final int FAILURES_BEFORE_IN_PERSON = 2;

    private final TeleconsultSteps steps;
    private final TeleconsultIntake intake;
    private final Referrals referrals;

    FailingTeleconsult(TeleconsultSteps steps, TeleconsultIntake intake, Referrals referrals) {
        this.steps = steps;
        this.intake = intake;
        this.referrals = referrals;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Teleconsult teleconsult = steps.lock(execution);
        execution.getProcessInstance().setVariable("teleconsultOutcome", TeleconsultStatus.FAILED.name());
        teleconsult.finish(TeleconsultStatus.FAILED, TeleconsultTimeline.now());
        steps.record(teleconsult, TeleconsultEventType.FAILED, Wording.of(TeleconsultWording.FAILED)
                .number("failures", teleconsult.getConnectionFailures()));
        if (!teleconsult.isCalledFromReferral()) {
            ReferralDetails referral = referrals.referInPerson(intake.referral(teleconsult, teleconsult.getReason()),
                    Origin.TELECONSULT_FAILED, teleconsult.getId());
            teleconsult.followedUpBy(referral.id());
            steps.record(teleconsult, TeleconsultEventType.FOLLOW_UP_REFERRAL, Wording.of(TeleconsultWording.FOLLOW_UP_REFERRAL)
                    .text("referral", referral.id()));
        }
        steps.audit(teleconsult, AuditAction.UPDATE, "failure");
    }
}
