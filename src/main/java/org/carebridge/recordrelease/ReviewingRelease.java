package org.carebridge.recordrelease;

import java.util.Map;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.carebridge.identity.AuditAction;
import org.carebridge.shared.InvalidRequestException;
import org.carebridge.shared.Wording;
import org.carebridge.tasks.OpenTask;
import org.carebridge.tasks.TaskStep;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/** {@code ReviewRelease}: a records officer approves the release, or denies it with a reason the requester sees. */
@Component
class ReviewingRelease extends TaskStep<ReviewingRelease.Form> {

    static final String KEY = "ReviewRelease";

    record Form(@NotNull Boolean approve, @Size(max = 2000) String reason) {
    }

    private final ReleaseSteps steps;

    ReviewingRelease(ReleaseSteps steps) {
        super(KEY, Form.class);
        this.steps = steps;
    }

    @Override
    public Map<String, Object> submit(OpenTask task, Form form) {
        RecordRequest request = steps.lock(task);
        if (!form.approve() && !StringUtils.hasText(form.reason())) {
            throw new InvalidRequestException("reason", "is required to deny a release");
        }
        if (form.approve()) {
            steps.record(request, ReleaseEventType.APPROVED, Wording.of(ReleaseWording.APPROVED).text("reason", form.reason()));
        } else {
            request.finish(RecordRequestStatus.DENIED, form.reason().strip(), ReleaseTimeline.now());
            steps.record(request, ReleaseEventType.DENIED, ReleaseWording.reason(form.reason()));
        }
        steps.audit(request, AuditAction.UPDATE, "release review");
        return Map.of("approve", form.approve());
    }
}
