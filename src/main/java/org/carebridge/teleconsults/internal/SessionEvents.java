package org.carebridge.teleconsults.internal;

import java.util.UUID;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.carebridge.shared.Wording;
import org.carebridge.tasks.TaskWording;
import org.carebridge.teleconsults.TeleconsultEventType;
import org.carebridge.teleconsults.TeleconsultStatus;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The small steps of {@code teleconsult.bpmn} that only note what happened. */
@Configuration
class SessionEvents {

    /** Timer {@code TeleconsultReminder}, 30 minutes before the start: recorded in the timeline. */
    @Bean("remindTeleconsult")
    JavaDelegate remindTeleconsult(TeleconsultSteps steps) {
        return execution -> {
            Teleconsult teleconsult = steps.lock(execution);
            if (!teleconsult.getStatus().isFinished()) {
                steps.record(teleconsult, TeleconsultEventType.REMINDER, Wording.of(TeleconsultWording.REMINDER)
                        .time("start", teleconsult.getStartsAt()).doctor("doctor", teleconsult.getDoctorId()));
            }
        };
    }

    /** Timer {@code TeleconsultStarts}, at the start: the session is in progress. */
    @Bean("startTeleconsultSession")
    JavaDelegate startTeleconsultSession(TeleconsultSteps steps) {
        return execution -> {
            Teleconsult teleconsult = steps.lock(execution);
            if (teleconsult.getStatus() == TeleconsultStatus.SCHEDULED) {
                teleconsult.sessionStarted(TeleconsultTimeline.now());
                steps.record(teleconsult, TeleconsultEventType.STARTED, Wording.of(TeleconsultWording.STARTED));
            }
        };
    }

    /** Every task the teleconsult opens goes into its timeline. */
    @Bean("teleconsultTaskOpened")
    TaskListener teleconsultTaskOpened(TeleconsultTimeline timeline) {
        return (DelegateTask task) -> timeline.record(UUID.fromString((String) task.getVariable("teleconsultId")),
                TeleconsultEventType.TASK_CREATED, TaskWording.opened(task));
    }

    /**
     * The process ended: when its teleconsult is still open, the process was deleted under it — the
     * referral that called it was cancelled, or became an emergency — so the teleconsult is cancelled too.
     */
    @Bean("teleconsultEnded")
    ExecutionListener teleconsultEnded(TeleconsultSteps steps) {
        return (DelegateExecution execution) -> {
            Object id = execution.getVariable("teleconsultId");
            if (id == null) {
                return;
            }
            Teleconsult teleconsult = steps.lock(UUID.fromString(id.toString()));
            if (!teleconsult.getStatus().isFinished()) {
                teleconsult.finish(TeleconsultStatus.CANCELLED, TeleconsultTimeline.now());
                steps.record(teleconsult, TeleconsultEventType.CANCELLED, teleconsult.isCalledFromReferral()
                        ? Wording.of(TeleconsultWording.ENDED_BY_REFERRAL).text("referral", teleconsult.getReferralId())
                        : Wording.of(TeleconsultWording.ENDED_EARLY));
            }
        };
    }
}
