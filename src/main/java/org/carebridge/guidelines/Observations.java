package org.carebridge.guidelines;

import java.util.List;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;
import org.carebridge.clinical.Consciousness;
import org.carebridge.clinical.ImciDangerSign;

/**
 * One patient's observations as the assessment API takes them; each may be absent. Units: breaths/min,
 * %, mmHg, beats/min, °C, blood urea mmol/L, plasma glucose mmol/L, HbA1c %. A value outside its
 * plausible range is an entry error (98.6 is a temperature in Fahrenheit), refused with 400.
 */
@DiastolicBelowSystolic
public record Observations(
        @DecimalMin("0") @DecimalMax("80") Double respiratoryRate,
        @DecimalMin("0") @DecimalMax("100") Double oxygenSaturation,
        Boolean onSupplementalOxygen,
        @DecimalMin("30") @DecimalMax("300") Double systolicBp,
        @DecimalMin("10") @DecimalMax("200") Double diastolicBp,
        @DecimalMin("0") @DecimalMax("300") Double heartRate,
        Consciousness consciousness,
        @DecimalMin("25") @DecimalMax("45") Double temperature,
        @DecimalMin("0") @DecimalMax("100") Double bloodUrea,
        @DecimalMin("0") @DecimalMax("60") Double fastingPlasmaGlucose,
        @DecimalMin("2") @DecimalMax("25") Double hba1c,
        @DecimalMin("0") @DecimalMax("60") Double randomPlasmaGlucose,
        Boolean classicHyperglycemiaSymptoms,
        List<@NotNull ImciDangerSign> imciDangerSigns) {

    public static Observations none() {
        return new Observations(null, null, null, null, null, null, null, null, null, null, null, null, null, null);
    }

    /**
     * These observations, with those measured again replaced by the newer ones. A blood pressure is one
     * measurement: a new systolic or diastolic replaces both (an old diastolic beside a new systolic is a
     * pressure nobody measured).
     */
    public Observations updatedBy(Observations newer) {
        boolean newPressure = newer.systolicBp != null || newer.diastolicBp != null;
        return new Observations(latest(respiratoryRate, newer.respiratoryRate),
                latest(oxygenSaturation, newer.oxygenSaturation), latest(onSupplementalOxygen, newer.onSupplementalOxygen),
                newPressure ? newer.systolicBp : systolicBp, newPressure ? newer.diastolicBp : diastolicBp,
                latest(heartRate, newer.heartRate), latest(consciousness, newer.consciousness),
                latest(temperature, newer.temperature), latest(bloodUrea, newer.bloodUrea),
                latest(fastingPlasmaGlucose, newer.fastingPlasmaGlucose), latest(hba1c, newer.hba1c),
                latest(randomPlasmaGlucose, newer.randomPlasmaGlucose),
                latest(classicHyperglycemiaSymptoms, newer.classicHyperglycemiaSymptoms),
                latest(imciDangerSigns, newer.imciDangerSigns));
    }

    /** Nothing was measured. */
    public boolean measuresNothing() {
        return equals(none());
    }

    private static <T> T latest(T older, T newer) {
        return newer != null ? newer : older;
    }
}
