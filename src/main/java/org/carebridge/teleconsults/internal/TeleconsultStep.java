package org.carebridge.teleconsults.internal;

import org.carebridge.tasks.TaskForm;

/** The form of one user task of {@code teleconsult.bpmn}: its task key and the record its fields bind to. */
abstract class TeleconsultStep<F> implements TaskForm<F> {

    private final String taskKey;
    private final Class<F> formType;

    TeleconsultStep(String taskKey, Class<F> formType) {
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
}
