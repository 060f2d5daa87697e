package org.carebridge.teleconsults.ui;

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
import org.carebridge.tasks.JsonForm;

/**
 * The request's {@code observations} as inputs, one per {@link ObservationType} the assessment reads
 * (named by its {@code key()}), filled in from the chart's latest visit: vital signs taken within 24
 * hours of the latest one, labs within 90 days (the window the chart's own assessment uses).
 */
final class ObservationInputs {

    private static final Duration VISIT = Duration.ofHours(24);
    private static final Duration LABS = Duration.ofDays(90);

    private ObservationInputs() {
    }

    static void addTo(JsonForm form, List<Observation> observations) {
        Map<ObservationType, Observation> latest = latestVisit(observations);
        for (ObservationType type : ObservationType.values()) {
            if (type == ObservationType.PREGNANCY_STATUS) {
                continue; // the assessment reads it from the record, a request does not send it
            }
            String label = form.getTranslation("observation." + type) + (type.unit() == null ? ""
                    : " (" + type.unit().replace("Cel", "°C").replace("mm[Hg]", "mmHg") + ")");
            Object known = latest.containsKey(type) ? latest.get(type).getValue() : null;
            switch (type.kind()) {
                case NUMBER -> {
                    NumberField input = new NumberField(label);
                    input.setMin(type.min().doubleValue());
                    input.setMax(type.max().doubleValue());
                    input.setValue(known instanceof Number n ? n.doubleValue() : null);
                    form.field(type.key(), input, input::getValue);
                }
                case BOOLEAN -> {
                    Select<Boolean> input = choice(label, List.of(Boolean.TRUE, Boolean.FALSE),
                            b -> form.getTranslation(b ? "value.yes" : "value.no"));
                    input.setValue(known instanceof Boolean b ? b : null);
                    form.field(type.key(), input, input::getValue);
                }
                case CONSCIOUSNESS -> {
                    Select<Consciousness> input = choice(label, List.of(Consciousness.values()),
                            c -> form.getTranslation("consciousness." + c));
                    input.setValue(known instanceof Consciousness c ? c : null);
                    form.field(type.key(), input, input::getValue);
                }
                case DANGER_SIGNS -> {
                    CheckboxGroup<ImciDangerSign> input = new CheckboxGroup<>(label);
                    input.setItems(ImciDangerSign.values());
                    input.setItemLabelGenerator(s -> form.getTranslation("dangerSign." + s));
                    if (latest.containsKey(type)) {
                        input.setValue(Set.copyOf(latest.get(type).dangerSigns()));
                    }
                    form.field(type.key(), input, () -> input.getValue().isEmpty() ? null
                            : input.getValue().stream().sorted().toList());
                    form.setColspan(input, 2);
                }
            }
        }
    }

    private static <T> Select<T> choice(String label, List<T> items, java.util.function.Function<T, String> words) {
        Select<T> input = new Select<>();
        input.setLabel(label);
        input.setItems(items);
        input.setEmptySelectionAllowed(true);
        input.setItemLabelGenerator(item -> item == null ? "" : words.apply(item));
        return input;
    }

    private static Map<ObservationType, Observation> latestVisit(List<Observation> observations) {
        Map<ObservationType, Observation> latest = new EnumMap<>(ObservationType.class);
        observations.stream().sorted(Comparator.comparing(Observation::getEffectiveAt))
                .forEach(o -> latest.put(o.getType(), o));
        Instant newest = newest(latest, false);
        Instant newestVital = newest(latest, true);
        latest.values().removeIf(o -> isVitalSign(o.getType()) ? o.getEffectiveAt().isBefore(newestVital.minus(VISIT))
                : o.getEffectiveAt().isBefore(newest.minus(LABS)));
        return latest;
    }

    private static Instant newest(Map<ObservationType, Observation> latest, boolean vitalSignsOnly) {
        return latest.values().stream().filter(o -> !vitalSignsOnly || isVitalSign(o.getType()))
                .map(Observation::getEffectiveAt).max(Comparator.naturalOrder()).orElse(Instant.EPOCH);
    }

    private static boolean isVitalSign(ObservationType type) {
        return type.ordinal() <= ObservationType.TEMPERATURE.ordinal();
    }
}
