package org.carebridge.recordrelease;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.carebridge.identity.AuditAction;
import org.carebridge.shared.Wording;
import org.springframework.stereotype.Component;

/** {@code ExpireRelease}: 30 days after release the receiving facility can no longer read the bundle. */
@Component("expireRecordRelease")
class ExpiringRelease implements JavaDelegate {

    private final ReleaseSteps steps;

    ExpiringRelease(ReleaseSteps steps) {
        this.steps = steps;
    }

    @Override
    public void execute(DelegateExecution execution) {
        RecordRequest request = steps.lock(execution);
        if (request.getStatus() != RecordRequestStatus.RELEASED) {
            return;
        }
        request.expired(ReleaseTimeline.now());
        steps.record(request, ReleaseEventType.EXPIRED, Wording.of(ReleaseWording.EXPIRED)
                .facility("facility", request.getToFacilityId()).duration("window", RecordRequest.RELEASE_WINDOW));
        steps.audit(request, AuditAction.UPDATE, "access revoked");
    }
}
