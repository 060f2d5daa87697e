package org.carebridge.tasks;

import java.util.Map;

/**
 * The form of one task key, contributed by the module whose process owns the task. The inbox binds
 * the submitted fields to {@link #formType()} and runs Bean Validation; {@link #submit} checks what
 * needs the stored state, applies the step to the module's own records and returns the process
 * variables to complete the task with — all in the transaction that completes the task.
 */
public interface TaskForm<F> {

    String taskKey();

    Class<F> formType();

    /** Throws {@link org.carebridge.shared.InvalidRequestException} naming the fields when the form is wrong. */
    Map<String, Object> submit(OpenTask task, F form);
}
