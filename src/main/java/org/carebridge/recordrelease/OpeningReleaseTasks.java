package org.carebridge.recordrelease;

import java.util.UUID;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.carebridge.tasks.TaskClaimed;
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
        String who = task.getAssignee() != null ? "for " + task.getAssignee()
                : "for the " + String.join(", ", task.getCandidates().stream()
                        .map(link -> link.getGroupId()).filter(g -> g != null).sorted().toList()) + " group";
        timeline.record(UUID.fromString((String) task.getVariable("recordRequestId")), ReleaseEventType.TASK_CREATED,
                task.getTaskDefinitionKey() + " " + who);
    }

    @EventListener
    void claimed(TaskClaimed claimed) {
        if (claimed.task().recordRequestId() != null) {
            timeline.record(claimed.task().recordRequestId(), ReleaseEventType.TASK_CLAIMED, claimed.task().taskKey());
        }
    }
}
