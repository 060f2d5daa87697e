package org.carebridge.tasks;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Div;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import org.carebridge.shared.FieldError;
import org.carebridge.shared.InvalidRequestException;

/**
 * A form whose inputs are named after the fields of the server's form: their values become the JSON
 * the server reads, and the server's field errors ({@code reason}, {@code observations.systolicBp})
 * come back to the input of that name; the rest ({@code prescriptions[0].days}) are returned for a
 * notice above the form. Every process's task editors and dialogs build on it.
 */
public class JsonForm extends FormLayout implements TaskFormEditor.Fields {

    private record Input(HasValidation input, Supplier<Object> value) {
    }

    private final ObjectMapper json;
    private final String idPrefix;
    private final Map<String, Input> inputs = new LinkedHashMap<>();
    private final Map<String, JsonForm> nested = new LinkedHashMap<>();
    private final Div problems = new Div();

    public JsonForm(ObjectMapper json) {
        this(json, "field-");
    }

    private JsonForm(ObjectMapper json, String idPrefix) {
        this.json = json;
        this.idPrefix = idPrefix;
        setResponsiveSteps(new ResponsiveStep("0", 1), new ResponsiveStep("32em", 2));
        problems.getStyle().set("color", "var(--lumo-error-text-color)").set("white-space", "pre-line");
    }

    /** Adds an input for the field {@code name}; {@code value} reads it as JSON should hold it (null: absent). */
    public <C extends Component & HasValidation> C field(String name, C input, Supplier<Object> value) {
        input.setManualValidation(true); // the server validates; the input shows what it said
        input.setId(idPrefix + name);
        inputs.put(name, new Input(input, value));
        add(input);
        return input;
    }

    /** A value sent without an input of its own (a list edited elsewhere on the form). */
    public void value(String name, Supplier<Object> value) {
        inputs.put(name, new Input(null, value));
    }

    /**
     * A form for an object-valued field ({@code observations}), left out of the JSON when empty; its
     * inputs are {@code field-observations-systolicBp} and its errors {@code observations.systolicBp}.
     */
    public JsonForm nested(String name) {
        JsonForm form = new JsonForm(json, idPrefix + name + "-");
        nested.put(name, form);
        add(form, 2);
        return form;
    }

    /** The reader's locale, for the editors that build this form. */
    public java.util.Locale locale() {
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
        nested.forEach((name, form) -> {
            ObjectNode value = form.values();
            if (!value.isEmpty()) {
                values.set(name, value);
            }
        });
        return values;
    }

    @Override
    public List<FieldError> showErrors(List<FieldError> errors) {
        List<FieldError> unplaced = new ArrayList<>();
        Map<String, List<FieldError>> byNested = new LinkedHashMap<>();
        nested.keySet().forEach(name -> byNested.put(name, new ArrayList<>()));
        Map<String, List<String>> mine = new LinkedHashMap<>();
        for (FieldError error : errors) {
            int dot = error.field() == null ? -1 : error.field().indexOf('.');
            String head = dot < 0 ? error.field() : error.field().substring(0, dot);
            Input input = error.field() == null ? null : inputs.get(error.field());
            if (dot > 0 && nested.containsKey(head)) {
                byNested.get(head).add(new FieldError(error.field().substring(dot + 1), error.message()));
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

    /**
     * A Bean Validation failure of a module API's request parameter as the request's own field error:
     * {@code request.request.observations.systolicBp} (method, parameter, field) → {@code observations.systolicBp}.
     */
    public static FieldError requestFieldError(ConstraintViolation<?> violation) {
        StringBuilder field = new StringBuilder();
        int depth = 0;
        for (Path.Node node : violation.getPropertyPath()) {
            if (depth++ >= 2 && node.getName() != null) {
                field.append(field.isEmpty() ? "" : ".").append(node.getName());
            }
        }
        return new FieldError(field.toString(), violation.getMessage());
    }

    /** What the form sends: a module API call, which may refuse it. */
    public interface Request<T> {
        T send() throws JsonProcessingException;
    }

    /**
     * Where the form says why a request was refused, every error of it (some inputs may be scrolled out of
     * view): placed above the form by its dialog.
     */
    public Div problems(String id) {
        problems.setId(id);
        return problems;
    }

    /**
     * Sends the request; when it is refused — the API's field errors, a failed validation of its request, or
     * values that do not read as one — the errors go to their inputs and all of them to {@link #problems}.
     * Empty when refused.
     */
    public <T> Optional<T> send(Request<T> request) {
        List<FieldError> errors;
        try {
            T sent = request.send();
            problems.setText("");
            return Optional.of(sent);
        } catch (InvalidRequestException e) {
            errors = e.errors();
        } catch (ConstraintViolationException e) {
            errors = e.getConstraintViolations().stream().map(JsonForm::requestFieldError).toList();
        } catch (JsonProcessingException e) {
            errors = List.of(new FieldError(null, e.getOriginalMessage()));
        }
        showErrors(errors);
        problems.setText(describe(errors));
        return Optional.empty();
    }

    /** Errors as one line each, for a notice above the form. */
    public static String describe(List<FieldError> errors) {
        return errors.stream().map(e -> e.field() == null || e.field().isBlank() ? e.message()
                : e.field() + ": " + e.message()).collect(Collectors.joining("\n"));
    }
}
