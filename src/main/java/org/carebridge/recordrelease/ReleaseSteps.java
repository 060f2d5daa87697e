package org.carebridge.recordrelease;

import java.util.UUID;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.carebridge.identity.AuditAction;
import org.carebridge.identity.AuditLog;
import org.carebridge.shared.ConflictException;
import org.carebridge.shared.NotFoundException;
import org.carebridge.shared.Wording;
import org.carebridge.tasks.OpenTask;
import org.springframework.stereotype.Component;

/**
 * What every step of a record release needs: its row, locked for the step's transaction (two people
 * working the same request are serialised, and the second finds the step done), the timeline and the
 * audit log.
 */
@Component
class ReleaseSteps {

    final RecordRequestRepository requests;
    final ReleaseTimeline timeline;
    final AuditLog audit;

    ReleaseSteps(RecordRequestRepository requests, ReleaseTimeline timeline, AuditLog audit) {
        this.requests = requests;
        this.timeline = timeline;
        this.audit = audit;
    }

    RecordRequest lock(OpenTask task) {
        if (task.recordRequestId() == null) {
            // the task was read, then its process ended (and took its variables) before its variables were read
            throw new ConflictException("task", "Someone else just finished this step");
        }
        RecordRequest request = lock(task.recordRequestId());
        if (request.getStatus().isFinished()) {
            throw new ConflictException("task", "The record request is already " + request.getStatus());
        }
        return request;
    }

    RecordRequest lock(DelegateExecution execution) {
        return lock(UUID.fromString((String) execution.getVariable("recordRequestId")));
    }

    RecordRequest lock(UUID id) {
        return requests.findForUpdate(id).orElseThrow(() -> new NotFoundException("No record request " + id));
    }

    void record(RecordRequest request, ReleaseEventType type, Wording wording) {
        timeline.record(request.getId(), type, wording);
    }

    void audit(RecordRequest request, AuditAction action, String what) {
        audit.record(action, request.getPatientId(), what + " of record request " + request.getId(), "record release");
    }
}
