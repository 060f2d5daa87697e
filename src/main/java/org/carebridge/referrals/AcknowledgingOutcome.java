package org.carebridge.referrals;

import java.util.Map;

import jakarta.validation.constraints.Size;
import org.carebridge.identity.AuditAction;
import org.carebridge.tasks.OpenTask;
import org.carebridge.tasks.TaskStep;
import org.springframework.stereotype.Component;

/** {@code AcknowledgeOutcome}: the referring side has the specialist's answer — the loop is closed. */
@Component
class AcknowledgingOutcome extends TaskStep<AcknowledgingOutcome.Form> {

    record Form(@Size(max = 2000) String note) {
    }

    private final ReferralSteps steps;

    AcknowledgingOutcome(ReferralSteps steps) {
        super("AcknowledgeOutcome", Form.class);
        this.steps = steps;
    }

    @Override
    public Map<String, Object> submit(OpenTask task, Form form) {
        Referral referral = steps.lock(task);
        referral.finish(ReferralStatus.COMPLETED, Timeline.now());
        steps.record(referral, TimelineType.ACKNOWLEDGED, ReferralWording.reason(form.note()));
        steps.audit(referral, AuditAction.READ, "outcome");
        return Map.of();
    }
}
