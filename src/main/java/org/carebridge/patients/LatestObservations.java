package org.carebridge.patients;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.carebridge.clinical.Consciousness;
import org.carebridge.clinical.ImciDangerSign;
import org.carebridge.guidelines.AssessmentRequest;
import org.carebridge.guidelines.Observations;

/**
 * The picture the guidelines assess: each observation's latest value, provided it belongs to the
 * present. Vital signs count when taken within 24 hours of the latest vital sign (a NEWS2 mixes no
 * visits); labs within 90 days and a pregnancy status within 280 days of the latest observation.
 */
final class LatestObservations {

    static final Duration VITAL_SIGNS_WINDOW = Duration.ofHours(24);
    static final Duration LAB_WINDOW = Duration.ofDays(90);
    static final Duration PREGNANCY_WINDOW = Duration.ofDays(280);

    /** One stored value, as read from the database. */
    record Value(ObservationType type, BigDecimal number, String text, Instant at) {
    }

    private LatestObservations() {
    }

    static AssessmentRequest request(LocalDate birthDate, LocalDate today, List<Value> values,
            AssessmentContext context) {
        Map<ObservationType, Value> latest = new EnumMap<>(ObservationType.class);
        values.stream().sorted(Comparator.comparing(Value::at))
                .forEach(value -> latest.put(value.type(), value));
        Instant newestVital = latest.values().stream().filter(v -> isVitalSign(v.type())).map(Value::at)
                .max(Comparator.naturalOrder()).orElse(Instant.EPOCH);
        Instant newest = latest.values().stream().map(Value::at).max(Comparator.naturalOrder()).orElse(Instant.EPOCH);
        latest.values().removeIf(v -> v.at().isBefore((isVitalSign(v.type()) ? newestVital : newest)
                .minus(window(v.type()))));

        Observations observations = new Observations(
                number(latest, ObservationType.RESPIRATORY_RATE), number(latest, ObservationType.OXYGEN_SATURATION),
                flag(latest, ObservationType.SUPPLEMENTAL_OXYGEN), number(latest, ObservationType.SYSTOLIC_BP),
                number(latest, ObservationType.DIASTOLIC_BP), number(latest, ObservationType.HEART_RATE),
                latest.containsKey(ObservationType.CONSCIOUSNESS)
                        ? Consciousness.valueOf(latest.get(ObservationType.CONSCIOUSNESS).text()) : null,
                number(latest, ObservationType.TEMPERATURE), number(latest, ObservationType.BLOOD_UREA),
                number(latest, ObservationType.FASTING_PLASMA_GLUCOSE), number(latest, ObservationType.HBA1C),
                number(latest, ObservationType.RANDOM_PLASMA_GLUCOSE),
                flag(latest, ObservationType.CLASSIC_HYPERGLYCEMIA_SYMPTOMS), dangerSigns(latest));
        return new AssessmentRequest(Period.between(birthDate, today).getYears(), null,
                flag(latest, ObservationType.PREGNANCY_STATUS), context.hypercapnicRespiratoryFailure(),
                context.suspectedConditions(), context.requestedSpecialty(), observations);
    }

    private static boolean isVitalSign(ObservationType type) {
        return window(type) == VITAL_SIGNS_WINDOW;
    }

    private static Duration window(ObservationType type) {
        return switch (type) {
            case BLOOD_UREA, FASTING_PLASMA_GLUCOSE, HBA1C, RANDOM_PLASMA_GLUCOSE, CLASSIC_HYPERGLYCEMIA_SYMPTOMS -> LAB_WINDOW;
            case PREGNANCY_STATUS -> PREGNANCY_WINDOW;
            default -> VITAL_SIGNS_WINDOW;
        };
    }

    private static Double number(Map<ObservationType, Value> latest, ObservationType type) {
        Value value = latest.get(type);
        return value == null ? null : value.number().doubleValue();
    }

    private static Boolean flag(Map<ObservationType, Value> latest, ObservationType type) {
        Value value = latest.get(type);
        return value == null ? null : Boolean.valueOf(value.text());
    }

    private static List<ImciDangerSign> dangerSigns(Map<ObservationType, Value> latest) {
        Value value = latest.get(ObservationType.IMCI_DANGER_SIGNS);
        if (value == null) {
            return null;
        }
        return Observation.dangerSigns(value.text());
    }
}
