package org.carebridge.referrals;

import java.util.UUID;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.carebridge.tasks.TaskClaimed;
import org.carebridge.tasks.TaskWording;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Every task the referral opens, and every claim of one, goes into its timeline. */
@Component("taskOpened")
class OpeningTasks implements TaskListener {

    private final Timeline timeline;

    OpeningTasks(Timeline timeline) {
        this.timeline = timeline;
    }

    @Override
    public void notify(DelegateTask task) {
        timeline.record(UUID.fromString((String) task.getVariable("referralId")), TimelineType.TASK_CREATED,
                TaskWording.opened(task));
    }

    @EventListener
    void claimed(TaskClaimed claimed) {
        if (claimed.task().referralId() != null) {
            timeline.record(claimed.task().referralId(), TimelineType.TASK_CLAIMED, TaskWording.claimed(claimed.task()));
        }
    }
}
