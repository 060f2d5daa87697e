package org.carebridge.tasks;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.NumberField;
import org.carebridge.clinical.Consciousness;
import org.carebridge.clinical.ImciDangerSign;
import org.carebridge.guidelines.SuspectedCondition;
import org.carebridge.patients.ChartConditions;
import org.carebridge.patients.Observation;
import org.carebridge.patients.ObservationType;

/**
 * The guidelines' observations as inputs, one per {@link ObservationType} the assessment reads (named
 * by its {@code key()}, the field of {@code guidelines.Observations}); a blank input is not sent. For
 * every form that sends observations to be assessed: a referral, a teleconsult, more information. Only
 * current values are filled in (vital signs of the last 24 hours, labs of the last 90 days): an old
 * visit's values sent as today's would triage a patient who is no longer there.
 */
public final class ObservationFields {

    private static final Duration VITAL_SIGNS_WINDOW = Duration.ofHours(24);
    private static final Duration LAB_WINDOW = Duration.ofDays(90);
    /** Chart conditions, asked with the context ({@link #addContextTo}), not as observations of the visit. */
    private static final Set<ObservationType> CONDITIONS = Set.of(ObservationType.PREGNANCY_STATUS,
            ObservationType.HYPERCAPNIC_RESPIRATORY_FAILURE);

    private ObservationFields() {
    }

    /**
     * What the clinician knows beside the observations: suspected conditions, pregnancy and chronic
     * hypercapnic respiratory failure (filled with the chart's current answer; blank: the chart decides).
     */
    public static void addContextTo(JsonForm form, List<Observation> observations) {
        CheckboxGroup<SuspectedCondition> suspected = new CheckboxGroup<>(form.getTranslation("assess.suspected"));
        suspected.setItems(SuspectedCondition.values());
        suspected.setItemLabelGenerator(c -> form.getTranslation("assess.condition." + c));
        form.field("suspectedConditions", suspected, () -> suspected.getValue().stream().sorted().toList());
        ChartConditions chart = ChartConditions.of(observations, Instant.now());
        Select<Boolean> pregnant = yesNo(form, form.getTranslation("observation." + ObservationType.PREGNANCY_STATUS));
        pregnant.setValue(chart.pregnant());
        form.field(ObservationType.PREGNANCY_STATUS.key(), pregnant, pregnant::getValue);
        Select<Boolean> hypercapnic = yesNo(form,
                form.getTranslation("observation." + ObservationType.HYPERCAPNIC_RESPIRATORY_FAILURE));
        hypercapnic.setValue(chart.hypercapnicRespiratoryFailure());
        form.field(ObservationType.HYPERCAPNIC_RESPIRATORY_FAILURE.key(), hypercapnic, hypercapnic::getValue);
    }

    /** Adds the inputs to {@code form}, filled with the current ones of {@code observations}. */
    public static void addTo(JsonForm form, List<Observation> observations) {
        Map<ObservationType, Observation> latest = current(observations);
        for (ObservationType type : ObservationType.values()) {
            if (CONDITIONS.contains(type)) {
                continue;
            }
            String label = form.getTranslation("observation." + type) + unit(type.unit());
            Observation known = latest.get(type);
            switch (type.kind()) {
                case NUMBER -> {
                    NumberField input = new NumberField(label);
                    input.setMin(type.min().doubleValue());
                    input.setMax(type.max().doubleValue());
                    if (known != null && known.getNumber() != null) {
                        input.setValue(known.getNumber().doubleValue());
                    }
                    form.field(type.key(), input, input::getValue);
                }
                case BOOLEAN -> {
                    Select<Boolean> input = yesNo(form, label);
                    if (known != null && known.getValue() instanceof Boolean value) {
                        input.setValue(value);
                    }
                    form.field(type.key(), input, input::getValue);
                }
                case CONSCIOUSNESS -> {
                    Select<Consciousness> input = new Select<>();
                    input.setLabel(label);
                    input.setItems(Consciousness.values());
                    input.setEmptySelectionAllowed(true);
                    input.setItemLabelGenerator(c -> c == null ? "" : form.getTranslation("consciousness." + c));
                    if (known != null && known.getValue() != null) {
                        input.setValue(Consciousness.valueOf(known.getValue().toString()));
                    }
                    form.field(type.key(), input, input::getValue);
                }
                case DANGER_SIGNS -> {
                    CheckboxGroup<ImciDangerSign> input = new CheckboxGroup<>(label);
                    input.setItems(ImciDangerSign.values());
                    input.setItemLabelGenerator(s -> form.getTranslation("dangerSign." + s));
                    if (known != null) {
                        input.setValue(Set.copyOf(known.dangerSigns()));
                    }
                    form.field(type.key(), input, () -> input.getValue().isEmpty() ? null
                            : input.getValue().stream().sorted().toList());
                }
            }
        }
    }

    /** Each type's latest value, if it is current: within its window before now. */
    private static Map<ObservationType, Observation> current(List<Observation> observations) {
        Map<ObservationType, Observation> latest = new EnumMap<>(ObservationType.class);
        observations.stream().sorted(Comparator.comparing(Observation::getEffectiveAt))
                .forEach(o -> latest.put(o.getType(), o));
        Instant now = Instant.now();
        latest.values().removeIf(o -> o.getEffectiveAt().isBefore(now.minus(
                o.getType().ordinal() <= ObservationType.TEMPERATURE.ordinal() ? VITAL_SIGNS_WINDOW : LAB_WINDOW)));
        return latest;
    }

    private static Select<Boolean> yesNo(JsonForm form, String label) {
        Select<Boolean> input = new Select<>();
        input.setLabel(label);
        input.setItems(Boolean.TRUE, Boolean.FALSE);
        input.setEmptySelectionAllowed(true);
        input.setItemLabelGenerator(b -> b == null ? "" : form.getTranslation(b ? "value.yes" : "value.no"));
        return input;
    }

    private static String unit(String ucum) {
        if (ucum == null) {
            return "";
        }
        return " (" + switch (ucum) {
            case "Cel" -> "°C";
            case "mm[Hg]" -> "mmHg";
            default -> ucum;
        } + ")";
    }
}
