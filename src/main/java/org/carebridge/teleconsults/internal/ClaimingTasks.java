package org.carebridge.teleconsults.internal;

import org.carebridge.tasks.TaskClaimed;
import org.carebridge.tasks.TaskWording;
import org.carebridge.teleconsults.TeleconsultEventType;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Every claim of one of the teleconsult's tasks goes into its timeline, as the task's opening does. */
@Component
class ClaimingTasks {

    private final TeleconsultTimeline timeline;

    ClaimingTasks(TeleconsultTimeline timeline) {
        this.timeline = timeline;
    }

    @EventListener
    void claimed(TaskClaimed claimed) {
        if (claimed.task().teleconsultId() != null) {
            timeline.record(claimed.task().teleconsultId(), TeleconsultEventType.TASK_CLAIMED, TaskWording.claimed(claimed.task()));
        }
    }
}
