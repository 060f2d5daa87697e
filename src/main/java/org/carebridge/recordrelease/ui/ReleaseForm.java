package org.carebridge.recordrelease.ui;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.formlayout.FormLayout;
import org.carebridge.shared.FieldError;
import org.carebridge.tasks.TaskFormEditor;

/**
 * A task form whose inputs carry the field names of the server's form: their values become the JSON
 * the inbox completes the task with, and the server's field errors come back to the input of that name.
 * (The referral module keeps its own; modules do not share UI internals.)
 */
class ReleaseForm extends FormLayout implements TaskFormEditor.Fields {

    private record Input(HasValidation input, Supplier<Object> value) {
    }

    private final ObjectMapper json;
    private final Map<String, Input> inputs = new LinkedHashMap<>();

    ReleaseForm(ObjectMapper json) {
        this.json = json;
        setResponsiveSteps(new ResponsiveStep("0", 1), new ResponsiveStep("32em", 2));
    }

    <C extends Component & HasValidation> C field(String name, C input, Supplier<Object> value) {
        input.setManualValidation(true); // the server validates; the input shows what it said
        input.setId("field-" + name);
        inputs.put(name, new Input(input, value));
        add(input);
        return input;
    }

    /** The reader's locale, for the editors that build this form. */
    java.util.Locale locale() {
        return getLocale();
    }

    @Override
    public Component component() {
        return this;
    }

    @Override
    public ObjectNode values() {
        ObjectNode values = json.createObjectNode();
        inputs.forEach((name, input) -> {
            Object value = input.value().get();
            if (value != null && !(value instanceof String text && text.isBlank())) {
                values.set(name, json.valueToTree(value));
            }
        });
        return values;
    }

    @Override
    public List<FieldError> showErrors(List<FieldError> errors) {
        List<FieldError> unplaced = new ArrayList<>();
        Map<String, List<String>> mine = new LinkedHashMap<>();
        for (FieldError error : errors) {
            if (inputs.containsKey(error.field())) {
                mine.computeIfAbsent(error.field(), k -> new ArrayList<>()).add(error.message());
            } else {
                unplaced.add(error);
            }
        }
        inputs.forEach((name, input) -> {
            List<String> messages = mine.get(name);
            input.input().setErrorMessage(messages == null ? null : String.join("; ", messages));
            input.input().setInvalid(messages != null);
        });
        return unplaced;
    }
}
