package org.carebridge.tasks;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.task.IdentityLink;
import org.carebridge.shared.Wording;

/** What a case's timeline says when one of its tasks opens or is claimed, whichever process it belongs to. */
public enum TaskWording implements Wording.Template {
    /** {task} for {who}: a person, or the staff of a role. */
    OPENED,
    /** {task} for {who}, due {due}. */
    OPENED_DUE,
    /** {task}. */
    CLAIMED;

    @Override
    public String key() {
        return "tasks.said." + name();
    }

    public static Wording opened(DelegateTask task) {
        Wording opened = Wording.of(task.getDueDate() == null ? OPENED : OPENED_DUE)
                .label("task", "tasks.key." + task.getTaskDefinitionKey());
        if (task.getAssignee() != null) {
            opened = opened.staff("who", task.getAssignee());
        } else {
            opened = opened.label("who", "role." + task.getCandidates().stream().map(IdentityLink::getGroupId)
                    .filter(group -> group != null).sorted().findFirst().orElse("COORDINATOR"));
        }
        return task.getDueDate() == null ? opened : opened.time("due", task.getDueDate().toInstant());
    }

    public static Wording claimed(OpenTask task) {
        return Wording.of(CLAIMED).label("task", "tasks.key." + task.taskKey());
    }
}
