package org.carebridge.recordrelease;

import org.carebridge.tasks.TaskForm;

/** The form of one user task of {@code record-release.bpmn}: its task key and the record its fields bind to. */
abstract class ReleaseStep<F> implements TaskForm<F> {

    private final String taskKey;
    private final Class<F> formType;

    ReleaseStep(String taskKey, Class<F> formType) {
        this.taskKey = taskKey;
        this.formType = formType;
    }

    @Override
    public String taskKey() {
        return taskKey;
    }

    @Override
    public Class<F> formType() {
        return formType;
    }

    static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
