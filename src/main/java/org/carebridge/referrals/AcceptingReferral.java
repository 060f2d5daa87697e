package org.carebridge.referrals;

import java.time.Instant;
import java.util.Map;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.carebridge.identity.AuditAction;
import org.carebridge.shared.InvalidRequestException;
import org.carebridge.shared.Wording;
import org.carebridge.tasks.OpenTask;
import org.carebridge.tasks.TaskStep;
import org.springframework.stereotype.Component;

/**
 * {@code AcceptReferral}: the chosen doctor accepts, or declines with a reason — the referral goes back
 * to review and is not offered to them again; the third decline escalates it.
 */
@Component
class AcceptingReferral extends TaskStep<AcceptingReferral.Form> {

    static final int DECLINES_BEFORE_ESCALATION = 3;

    enum Decision { ACCEPT, DECLINE }

    record Form(@NotNull Decision decision, @Size(max = 2000) String reason) {
    }

    private final ReferralSteps steps;

    AcceptingReferral(ReferralSteps steps) {
        super("AcceptReferral", Form.class);
        this.steps = steps;
    }

    @Override
    public Map<String, Object> submit(OpenTask task, Form form) {
        Referral referral = steps.lock(task);
        Instant now = Timeline.now();
        if (form.decision() == Decision.ACCEPT) {
            referral.accepted(now);
            steps.record(referral, TimelineType.ACCEPTED, ReferralWording.reason(form.reason()));
        } else {
            if (form.reason() == null || form.reason().isBlank()) {
                throw new InvalidRequestException("reason", "is required to decline");
            }
            int declines = referral.declined(now);
            steps.record(referral, TimelineType.DECLINED, ReferralWording.reason(form.reason()));
            if (declines == DECLINES_BEFORE_ESCALATION) {
                referral.escalate(now);
                steps.record(referral, TimelineType.ESCALATED, Wording.of(ReferralWording.DECLINED_TOO_OFTEN)
                        .number("declines", declines));
            }
        }
        steps.audit(referral, AuditAction.UPDATE, "acceptance");
        return Map.of("decision", form.decision().name());
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
