package org.carebridge.referrals;

import java.util.UUID;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.carebridge.directory.Directory;
import org.carebridge.shared.Wording;
import org.springframework.stereotype.Component;

/** The doctor did not answer {@code AcceptReferral} in time: the referral goes back to review, with a note. */
@Component("returnUnanswered")
class ReturningUnanswered implements JavaDelegate {

    private final ReferralSteps steps;
    private final Directory directory;

    ReturningUnanswered(ReferralSteps steps, Directory directory) {
        this.steps = steps;
        this.directory = directory;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Referral referral = steps.lock(UUID.fromString((String) execution.getVariable("referralId")));
        Long doctor = referral.getAssignedDoctorId();
        referral.unanswered(Timeline.now());
        steps.record(referral, TimelineType.ACCEPTANCE_TIMED_OUT, Wording.of(ReferralWording.NOT_ANSWERED_IN_TIME)
                .doctor("doctor", doctor).duration("within", ServiceLevels.acceptance(referral.getUrgency())));
    }
}
