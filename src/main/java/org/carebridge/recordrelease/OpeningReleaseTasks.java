package org.carebridge.recordrelease;

import java.util.UUID;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.carebridge.tasks.TaskClaimed;
import org.carebridge.tasks.TaskWording;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Every task a record release opens, and every claim of one, goes into its timeline. */
@Component("recordRequestTaskOpened")
class OpeningReleaseTasks implements TaskListener {

    private final ReleaseTimeline timeline;

    OpeningReleaseTasks(ReleaseTimeline timeline) {
        this.timeline = timeline;
    }

    @Override
    public void notify(DelegateTask task) {
        timeline.record(UUID.fromString((String) task.getVariable("recordRequestId")), ReleaseEventType.TASK_CREATED,
                TaskWording.opened(task));
    }

    @EventListener
    void claimed(TaskClaimed claimed) {
        if (claimed.task().recordRequestId() != null) {
            timeline.record(claimed.task().recordRequestId(), ReleaseEventType.TASK_CLAIMED,
                    TaskWording.claimed(claimed.task()));
        }
    }
}
