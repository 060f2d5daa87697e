package org.carebridge.recordrelease;

import java.util.Map;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.carebridge.identity.AuditAction;
import org.carebridge.shared.ConflictException;
import org.carebridge.shared.InvalidRequestException;
import org.carebridge.shared.Wording;
import org.carebridge.tasks.OpenTask;
import org.carebridge.tasks.TaskStep;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * {@code ReviewEmergencyAccess}: after a break-the-glass release an administrator judges whether the
 * emergency justified it; an inappropriate one needs a comment and ends the receiving facility's access at
 * once (REVOKED: what was read was read, but nothing more is served). The expiry timer then finds nothing to do.
 */
@Component
class ReviewingEmergencyAccess extends TaskStep<ReviewingEmergencyAccess.Form> {

    static final String KEY = "ReviewEmergencyAccess";

    record Form(@NotNull Boolean appropriate, @Size(max = 2000) String comment) {
    }

    private final ReleaseSteps steps;

    ReviewingEmergencyAccess(ReleaseSteps steps) {
        super(KEY, Form.class);
        this.steps = steps;
    }

    @Override
    public Map<String, Object> submit(OpenTask task, Form form) {
        if (task.recordRequestId() == null) {
            throw new ConflictException("task", "Someone else just finished this step");
        }
        // an expired release is still reviewed: lock without the "finished" check
        RecordRequest request = steps.lock(task.recordRequestId());
        if (!form.appropriate() && !StringUtils.hasText(form.comment())) {
            throw new InvalidRequestException("comment", "is required when the emergency access was not appropriate");
        }
        steps.record(request, ReleaseEventType.EMERGENCY_ACCESS_REVIEWED, Wording.of(form.appropriate()
                ? ReleaseWording.EMERGENCY_ACCESS_APPROPRIATE : ReleaseWording.EMERGENCY_ACCESS_NOT_APPROPRIATE)
                .text("comment", form.comment()));
        steps.audit(request, AuditAction.UPDATE, "emergency access review");
        if (!form.appropriate() && request.getStatus() == RecordRequestStatus.RELEASED) {
            request.revoked(ReleaseTimeline.now());
            steps.record(request, ReleaseEventType.ACCESS_REVOKED, Wording.of(ReleaseWording.ACCESS_REVOKED)
                    .facility("facility", request.getToFacilityId()));
            steps.audit(request, AuditAction.UPDATE, "access revoked");
        }
        return Map.of("appropriate", form.appropriate());
    }
}
