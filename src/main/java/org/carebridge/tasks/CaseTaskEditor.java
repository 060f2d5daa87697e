package org.carebridge.tasks;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.vaadin.flow.component.Component;

/**
 * The screen form of a task of one case — a referral, a teleconsult, a record request: what the case is
 * about, then the inputs of the step. Each process's editors read their case and add their inputs.
 */
public abstract class CaseTaskEditor<C> implements TaskFormEditor {

    private final String taskKey;
    protected final ObjectMapper json;

    protected CaseTaskEditor(String taskKey, ObjectMapper json) {
        this.taskKey = taskKey;
        this.json = json;
    }

    @Override
    public String taskKey() {
        return taskKey;
    }

    @Override
    public Fields fieldsFor(OpenTask task) {
        JsonForm form = new JsonForm(json);
        C subject = caseOf(task);
        form.add(summary(form, subject), 2);
        addInputs(form, task, subject);
        return form;
    }

    /** The case the task belongs to, as the module's API reads it (and audits the read). */
    protected abstract C caseOf(OpenTask task);

    /** What the case is about, above the inputs. */
    protected abstract Component summary(JsonForm form, C subject);

    protected abstract void addInputs(JsonForm form, OpenTask task, C subject);
}
