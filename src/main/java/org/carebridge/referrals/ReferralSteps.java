package org.carebridge.referrals;

import java.util.UUID;

import org.carebridge.identity.AuditAction;
import org.carebridge.identity.AuditLog;
import org.carebridge.shared.ConflictException;
import org.carebridge.shared.NotFoundException;
import org.carebridge.shared.Wording;
import org.carebridge.tasks.OpenTask;
import org.springframework.stereotype.Component;

/**
 * What every step of the referral needs: its row, locked for the step's transaction (so two people
 * working the same referral at once are serialised, and the second finds the step done), the
 * timeline and the audit log.
 */
@Component
class ReferralSteps {

    final ReferralRepository referrals;
    final Timeline timeline;
    final AuditLog audit;

    ReferralSteps(ReferralRepository referrals, Timeline timeline, AuditLog audit) {
        this.referrals = referrals;
        this.timeline = timeline;
        this.audit = audit;
    }

    Referral lock(OpenTask task) {
        if (task.referralId() == null) {
            // the task was read, then its process ended (and took its variables) before its variables were read
            throw new ConflictException("task", "Someone else just finished this step");
        }
        Referral referral = lock(task.referralId());
        if (referral.getStatus().isFinished()) {
            throw new ConflictException("task", "The referral is already " + referral.getStatus());
        }
        return referral;
    }

    Referral lock(UUID referralId) {
        return referrals.findForUpdate(referralId)
                .orElseThrow(() -> new NotFoundException("No referral " + referralId));
    }

    void record(Referral referral, TimelineType type, Wording wording) {
        timeline.record(referral.getId(), type, wording);
    }

    void audit(Referral referral, AuditAction action, String what) {
        audit.record(action, referral.getPatientId(), what + " of referral " + referral.getId(), "referral");
    }
}
