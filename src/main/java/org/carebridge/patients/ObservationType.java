package org.carebridge.patients;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Optional;

import org.carebridge.clinical.ImciDangerSign;

/**
 * The vital signs and labs the guidelines read, with the key the assessment API uses, the code
 * (LOINC where LOINC has one), the UCUM unit and the plausible range: a value outside it is an entry
 * error, not a patient state (a temperature of 98.6 was typed in Fahrenheit).
 */
public enum ObservationType {
    RESPIRATORY_RATE("respiratoryRate", Codes.LOINC, "9279-1", "/min", ValueKind.NUMBER, 0, 80),
    OXYGEN_SATURATION("oxygenSaturation", Codes.LOINC, "59408-5", "%", ValueKind.NUMBER, 0, 100),
    /** No LOINC code says "on supplemental oxygen, yes or no": a CareBridge code. */
    SUPPLEMENTAL_OXYGEN("onSupplementalOxygen", Codes.CAREBRIDGE, "supplemental-oxygen", null, ValueKind.BOOLEAN, 0, 0),
    SYSTOLIC_BP("systolicBp", Codes.LOINC, "8480-6", "mm[Hg]", ValueKind.NUMBER, 30, 300),
    DIASTOLIC_BP("diastolicBp", Codes.LOINC, "8462-4", "mm[Hg]", ValueKind.NUMBER, 10, 200),
    HEART_RATE("heartRate", Codes.LOINC, "8867-4", "/min", ValueKind.NUMBER, 0, 300),
    CONSCIOUSNESS("consciousness", Codes.LOINC, "80288-4", null, ValueKind.CONSCIOUSNESS, 0, 0),
    TEMPERATURE("temperature", Codes.LOINC, "8310-5", "Cel", ValueKind.NUMBER, 25, 45),
    BLOOD_UREA("bloodUrea", Codes.LOINC, "22664-7", "mmol/L", ValueKind.NUMBER, 0, 100),
    FASTING_PLASMA_GLUCOSE("fastingPlasmaGlucose", Codes.LOINC, "14771-0", "mmol/L", ValueKind.NUMBER, 0, 60),
    HBA1C("hba1c", Codes.LOINC, "4548-4", "%", ValueKind.NUMBER, 2, 25),
    RANDOM_PLASMA_GLUCOSE("randomPlasmaGlucose", Codes.LOINC, "14749-6", "mmol/L", ValueKind.NUMBER, 0, 60),
    CLASSIC_HYPERGLYCEMIA_SYMPTOMS("classicHyperglycemiaSymptoms", Codes.CAREBRIDGE, "hyperglycemia-symptoms", null,
            ValueKind.BOOLEAN, 0, 0),
    IMCI_DANGER_SIGNS("imciDangerSigns", Codes.CAREBRIDGE, "imci-danger-signs", null, ValueKind.DANGER_SIGNS, 0, 0),
    PREGNANCY_STATUS("pregnant", Codes.LOINC, "82810-3", null, ValueKind.BOOLEAN, 0, 0),
    /**
     * Chronic hypercapnic respiratory failure (type 2), which moves NEWS2 to its SpO2 scale 2: a chart
     * condition kept as a dated yes/no, like pregnancy. No LOINC code says it: a CareBridge code.
     */
    HYPERCAPNIC_RESPIRATORY_FAILURE("hypercapnicRespiratoryFailure", Codes.CAREBRIDGE, "hypercapnic-respiratory-failure",
            null, ValueKind.BOOLEAN, 0, 0);

    /** What kind of value an observation of a type holds. */
    public enum ValueKind {
        NUMBER,
        BOOLEAN,
        CONSCIOUSNESS,
        /** A set of {@link ImciDangerSign}s, empty when the child has none. */
        DANGER_SIGNS
    }

    /** The code systems of observation codes. */
    public static final class Codes {
        public static final String LOINC = "http://loinc.org";
        public static final String CAREBRIDGE = "https://carebridge.org/fhir/CodeSystem/observation";

        private Codes() {
        }
    }

    private final String key;
    private final String codeSystem;
    private final String code;
    private final String unit;
    private final ValueKind kind;
    private final BigDecimal min;
    private final BigDecimal max;

    ObservationType(String key, String codeSystem, String code, String unit, ValueKind kind, int min, int max) {
        this.key = key;
        this.codeSystem = codeSystem;
        this.code = code;
        this.unit = unit;
        this.kind = kind;
        this.min = BigDecimal.valueOf(min);
        this.max = BigDecimal.valueOf(max);
    }

    /** The name of this observation in the assessment API, for example {@code systolicBp}. */
    public String key() {
        return key;
    }

    public String codeSystem() {
        return codeSystem;
    }

    public String code() {
        return code;
    }

    /** UCUM unit, or null for values without a unit. */
    public String unit() {
        return unit;
    }

    public ValueKind kind() {
        return kind;
    }

    public BigDecimal min() {
        return min;
    }

    public BigDecimal max() {
        return max;
    }

    public boolean isPlausible(BigDecimal value) {
        return kind == ValueKind.NUMBER && value.compareTo(min) >= 0 && value.compareTo(max) <= 0;
    }

    public static Optional<ObservationType> byKey(String key) {
        return Arrays.stream(values()).filter(t -> t.key.equals(key)).findFirst();
    }
}
