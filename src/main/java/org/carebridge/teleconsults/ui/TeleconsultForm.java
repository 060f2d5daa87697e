package org.carebridge.teleconsults.ui;

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
 * A task form whose inputs are named after the server form's fields: their values become the JSON
 * the inbox submits, and the server's field errors come back to the input of that name (the rest,
 * such as {@code prescriptions[0].days}, are shown above the form by the inbox).
 */
class TeleconsultForm extends FormLayout implements TaskFormEditor.Fields {

    private record Input(HasValidation input, Supplier<Object> value) {
    }

    private final ObjectMapper json;
    private final String idPrefix;
    private final Map<String, Input> inputs = new LinkedHashMap<>();
    private final Map<String, TeleconsultForm> nested = new LinkedHashMap<>();

    TeleconsultForm(ObjectMapper json) {
        this(json, "field-");
    }

    private TeleconsultForm(ObjectMapper json, String idPrefix) {
        this.json = json;
        this.idPrefix = idPrefix;
        setResponsiveSteps(new ResponsiveStep("0", 1), new ResponsiveStep("32em", 2));
    }

    <C extends Component & HasValidation> C field(String name, C input, Supplier<Object> value) {
        input.setManualValidation(true); // the server validates; the input shows what it said
        input.setId(idPrefix + name);
        inputs.put(name, new Input(input, value));
        add(input);
        return input;
    }

    /** A value sent without an input of its own (the prescriptions' list). */
    void value(String name, Supplier<Object> value) {
        inputs.put(name, new Input(null, value));
    }

    /**
     * A form for an object-valued field (the request's {@code observations}), sent as {@code {}} when
     * empty; its inputs are {@code field-observations-systolicBp} and its errors {@code observations.systolicBp}.
     */
    TeleconsultForm nested(String name) {
        TeleconsultForm form = new TeleconsultForm(json, idPrefix + name + "-");
        nested.put(name, form);
        add(form, 2);
        return form;
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
        nested.forEach((name, form) -> values.set(name, form.values()));
        return values;
    }

    @Override
    public List<FieldError> showErrors(List<FieldError> errors) {
        List<FieldError> unplaced = new ArrayList<>();
        Map<String, List<String>> mine = new LinkedHashMap<>();
        Map<String, List<FieldError>> byNested = new LinkedHashMap<>();
        nested.keySet().forEach(name -> byNested.put(name, new ArrayList<>()));
        for (FieldError error : errors) {
            Input input = inputs.get(error.field());
            int dot = error.field() == null ? -1 : error.field().indexOf('.');
            if (dot > 0 && nested.containsKey(error.field().substring(0, dot))) {
                byNested.get(error.field().substring(0, dot))
                        .add(new FieldError(error.field().substring(dot + 1), error.message()));
            } else if (input != null && input.input() != null) {
                mine.computeIfAbsent(error.field(), k -> new ArrayList<>()).add(error.message());
            } else {
                unplaced.add(error);
            }
        }
        inputs.forEach((name, input) -> {
            if (input.input() != null) {
                List<String> messages = mine.get(name);
                input.input().setErrorMessage(messages == null ? null : String.join("; ", messages));
                input.input().setInvalid(messages != null);
            }
        });
        byNested.forEach((name, nestedErrors) -> nested.get(name).showErrors(nestedErrors).stream()
                .map(e -> new FieldError(name + "." + e.field(), e.message())).forEach(unplaced::add));
        return unplaced;
    }
}
