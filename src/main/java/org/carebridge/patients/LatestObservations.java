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
import org.carebridge.directory.WeeklyAvailability;
import org.carebridge.guidelines.AssessmentRequest;
import org.carebridge.guidelines.Observations;

/**
 * The picture the guidelines assess: each observation's latest value, provided it belongs to the
 * present. Vital signs count when taken within 24 hours of the moment assessed (a NEWS2 mixes no
 * visits), labs within 90 days, a pregnancy status within 280 days; chronic hypercapnic respiratory
 * failure, once recorded, until recorded otherwise. The ages are those on the day of the vital signs.
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

    /** The chart's latest picture: vital signs within 24 hours of the newest one, the rest of the newest value. */
    static AssessmentRequest latest(LocalDate birthDate, List<Value> values, AssessmentContext context) {
        Comparator<Value> byTime = Comparator.comparing(Value::at);
        Instant newest = values.stream().max(byTime).map(Value::at).orElse(Instant.EPOCH);
        Instant newestVital = values.stream().filter(v -> isVitalSign(v.type())).max(byTime).map(Value::at).orElse(newest);
        return request(birthDate, values, context, newestVital, newest);
    }

    /** The chart's picture now: vital signs of the last 24 hours, and so on; nothing older counts as current. */
    static AssessmentRequest current(LocalDate birthDate, List<Value> values, AssessmentContext context, Instant now) {
        return request(birthDate, values, context, now, now);
    }

    /**
     * Each value's latest, provided it lies within its window before the moment it is read at (vital
     * signs at {@code vitalsAt}, the rest at {@code othersAt}); the form's context wins over the chart's
     * pregnancy and hypercapnic respiratory failure; the ages are those on the day of the vital signs.
     */
    private static AssessmentRequest request(LocalDate birthDate, List<Value> values, AssessmentContext context,
            Instant vitalsAt, Instant othersAt) {
        Map<ObservationType, Value> latest = new EnumMap<>(ObservationType.class);
        values.stream().sorted(Comparator.comparing(Value::at)).forEach(value -> latest.put(value.type(), value));
        latest.values().removeIf(v -> window(v.type()) != null
                && v.at().isBefore((isVitalSign(v.type()) ? vitalsAt : othersAt).minus(window(v.type()))));

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
        return forPatient(birthDate, vitalsAt, observations, context, flag(latest, ObservationType.PREGNANCY_STATUS),
                flag(latest, ObservationType.HYPERCAPNIC_RESPIRATORY_FAILURE));
    }

    /** The request for observations taken at {@code at}: ages on that day, the form's context over the chart's. */
    static AssessmentRequest forPatient(LocalDate birthDate, Instant at, Observations observations,
            AssessmentContext context, Boolean chartPregnant, Boolean chartHypercapnic) {
        Integer years = null;
        Integer months = null;
        if (birthDate != null) {
            Period age = Period.between(birthDate, LocalDate.ofInstant(at, WeeklyAvailability.ZONE));
            years = age.getYears();
            months = (int) age.toTotalMonths();
        }
        return new AssessmentRequest(years, months, null,
                context.pregnant() != null ? context.pregnant() : chartPregnant,
                context.hypercapnicRespiratoryFailure() != null ? context.hypercapnicRespiratoryFailure() : chartHypercapnic,
                context.suspectedConditions(), context.requestedSpecialty(), observations);
    }

    private static boolean isVitalSign(ObservationType type) {
        return window(type) == VITAL_SIGNS_WINDOW;
    }

    /** How long a value describes the patient; null: until recorded otherwise. */
    static Duration window(ObservationType type) {
        return switch (type) {
            case BLOOD_UREA, FASTING_PLASMA_GLUCOSE, HBA1C, RANDOM_PLASMA_GLUCOSE, CLASSIC_HYPERGLYCEMIA_SYMPTOMS -> LAB_WINDOW;
            case PREGNANCY_STATUS -> PREGNANCY_WINDOW;
            case HYPERCAPNIC_RESPIRATORY_FAILURE -> null;
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
