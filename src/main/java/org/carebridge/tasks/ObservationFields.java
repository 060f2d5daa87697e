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
import org.carebridge.patients.Observation;
import org.carebridge.patients.ObservationType;

/**
 * The guidelines' observations as inputs, one per {@link ObservationType} the assessment reads (named
 * by its {@code key()}, the field of {@code guidelines.Observations}); a blank input is not sent. For
 * every form that sends observations to be assessed: a referral, a teleconsult, more information.
 */
public final class ObservationFields {

    /** A referral is assessed on one visit's vital signs, as the chart's assessment is. */
    private static final Duration VISIT = Duration.ofHours(24);
    private static final Duration LAB_WINDOW = Duration.ofDays(90);

    private ObservationFields() {
    }

    /** Adds the inputs to {@code form}, filled with the latest of {@code observations} (oldest first). */
    public static void addTo(JsonForm form, List<Observation> observations) {
        Map<ObservationType, Observation> latest = latest(observations);
        for (ObservationType type : ObservationType.values()) {
            if (type == ObservationType.PREGNANCY_STATUS) {
                continue; // asked by the assessment from the record, not sent with a referral
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

    /** Each type's latest value, if it belongs to the latest visit (vital signs) or the last 90 days (labs). */
    private static Map<ObservationType, Observation> latest(List<Observation> observations) {
        Map<ObservationType, Observation> latest = new EnumMap<>(ObservationType.class);
        observations.stream().sorted(Comparator.comparing(Observation::getEffectiveAt))
                .forEach(o -> latest.put(o.getType(), o));
        Instant newest = latest.values().stream().map(Observation::getEffectiveAt).max(Comparator.naturalOrder())
                .orElse(Instant.EPOCH);
        Instant newestVital = latest.values().stream().filter(o -> isVitalSign(o.getType()))
                .map(Observation::getEffectiveAt).max(Comparator.naturalOrder()).orElse(Instant.EPOCH);
        latest.values().removeIf(o -> isVitalSign(o.getType()) ? o.getEffectiveAt().isBefore(newestVital.minus(VISIT))
                : o.getEffectiveAt().isBefore(newest.minus(LAB_WINDOW)));
        return latest;
    }

    private static boolean isVitalSign(ObservationType type) {
        return type.ordinal() <= ObservationType.TEMPERATURE.ordinal();
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
