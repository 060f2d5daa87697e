package org.carebridge.tasks;

import java.util.List;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.vaadin.flow.component.Component;
import org.carebridge.shared.FieldError;

/**
 * The screen form of one task key, contributed by the module whose process owns the task (as
 * {@link TaskForm} is its server-side twin). The inbox shows {@link Fields#component()}, completes the
 * task with {@link Fields#values()} and hands the field errors of a refused completion back to it.
 */
public interface TaskFormEditor {

    String taskKey();

    /** A fresh form for this task, filled with what the process knows already. */
    Fields fieldsFor(OpenTask task);

    /** One task's form on screen: it shows data and collects it; the inbox submits it. */
    interface Fields {

        Component component();

        /** The form's fields as {@link Tasks#complete} takes them, by their form's field names. */
        ObjectNode values();

        /**
         * Shows each error next to its field, clearing earlier ones; returns the errors that name no
         * field of this form, for the inbox to show above it.
         */
        List<FieldError> showErrors(List<FieldError> errors);
    }
}
