package org.carebridge.teleconsults.internal;

import java.util.UUID;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.carebridge.identity.AuditAction;
import org.carebridge.identity.AuditLog;
import org.carebridge.shared.ConflictException;
import org.carebridge.shared.NotFoundException;
import org.carebridge.shared.Wording;
import org.carebridge.tasks.OpenTask;
import org.carebridge.teleconsults.TeleconsultEventType;
import org.springframework.stereotype.Component;

/**
 * What every step of the teleconsult needs: its row, locked for the step's transaction (so two
 * people working the same teleconsult are serialised, and the second finds the step done), the
 * timeline and the audit log.
 */
@Component
public class TeleconsultSteps {

    public final TeleconsultRepository teleconsults;
    public final TeleconsultTimeline timeline;
    public final AuditLog audit;

    TeleconsultSteps(TeleconsultRepository teleconsults, TeleconsultTimeline timeline, AuditLog audit) {
        this.teleconsults = teleconsults;
        this.timeline = timeline;
        this.audit = audit;
    }

    Teleconsult lock(OpenTask task) {
        if (task.teleconsultId() == null) {
            // the task was read, then its process ended (and took its variables) before its variables were read
            throw new ConflictException("task", "Someone else just finished this step");
        }
        Teleconsult teleconsult = lock(task.teleconsultId());
        if (teleconsult.getStatus().isFinished()) {
            throw new ConflictException("task", "The teleconsult is already " + teleconsult.getStatus());
        }
        return teleconsult;
    }

    public Teleconsult lock(UUID teleconsultId) {
        return teleconsults.findForUpdate(teleconsultId)
                .orElseThrow(() -> new NotFoundException("No teleconsult " + teleconsultId));
    }

    Teleconsult lock(DelegateExecution execution) {
        return lock(UUID.fromString((String) execution.getVariable("teleconsultId")));
    }

    public void record(Teleconsult teleconsult, TeleconsultEventType type, Wording wording) {
        timeline.record(teleconsult.getId(), type, wording);
    }

    public void audit(Teleconsult teleconsult, AuditAction action, String what) {
        audit.record(action, teleconsult.getPatientId(), what + " of teleconsult " + teleconsult.getId(), "teleconsult");
    }
}
