package org.carebridge.tasks;

/**
 * A {@link TaskForm} told its task key and form record once, in its constructor: what every process
 * step's form starts from.
 */
public abstract class TaskStep<F> implements TaskForm<F> {

    private final String taskKey;
    private final Class<F> formType;

    protected TaskStep(String taskKey, Class<F> formType) {
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
