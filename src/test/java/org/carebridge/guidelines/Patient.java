package org.carebridge.guidelines;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.carebridge.clinical.Consciousness;
import org.carebridge.clinical.ImciDangerSign;
import org.carebridge.clinical.Sex;
import org.carebridge.directory.Specialty;

/**
 * A patient for the guideline tests, written the way a scenario reads:
 * {@code Patient.adult().respiratoryRate(25).build()}. Nothing is measured unless a test says so.
 */
final class Patient {

    private Integer ageYears;
    private Integer ageMonths;
    private Sex sex;
    private Boolean pregnant;
    private Boolean hypercapnicRespiratoryFailure;
    private Set<SuspectedCondition> suspectedConditions;
    private Specialty requestedSpecialty;

    private Double respiratoryRate;
    private Double oxygenSaturation;
    private Boolean onSupplementalOxygen;
    private Double systolicBp;
    private Double diastolicBp;
    private Double heartRate;
    private Consciousness consciousness;
    private Double temperature;
    private Double bloodUrea;
    private Double fastingPlasmaGlucose;
    private Double hba1c;
    private Double randomPlasmaGlucose;
    private Boolean classicHyperglycemiaSymptoms;
    private List<ImciDangerSign> imciDangerSigns;

    private Patient() {
    }

    /** A 40-year-old with no observation at all. */
    static Patient adult() {
        return new Patient().age(40);
    }

    /** A child of the given age with no observation at all. */
    static Patient child(int ageYears) {
        return new Patient().age(ageYears);
    }

    /**
     * A 40-year-old with all seven NEWS2 parameters measured and every one scoring 0 (NEWS2 0, LOW), and
     * no blood pressure category (diastolic not measured).
     */
    static Patient adultWithNormalVitalSigns() {
        return adult().respiratoryRate(16).oxygenSaturation(98).onSupplementalOxygen(false).systolicBp(120)
                .heartRate(70).consciousness(Consciousness.ALERT).temperature(37.0);
    }

    Patient age(Integer value) {
        ageYears = value;
        return this;
    }

    /** Age in completed months; the age in years follows from it unless a test sets it apart. */
    Patient months(Integer value) {
        ageMonths = value;
        ageYears = value == null ? null : value / 12;
        return this;
    }

    /** An infant or child of the given age in completed months, with no observation at all. */
    static Patient infant(int ageMonths) {
        return new Patient().months(ageMonths);
    }

    /** A pregnant woman of 28 with no observation at all. */
    static Patient pregnantWoman() {
        return new Patient().age(28).sex(Sex.FEMALE).pregnant(true);
    }

    Patient sex(Sex value) {
        sex = value;
        return this;
    }

    Patient pregnant(Boolean value) {
        pregnant = value;
        return this;
    }

    Patient hypercapnicRespiratoryFailure(Boolean value) {
        hypercapnicRespiratoryFailure = value;
        return this;
    }

    Patient suspected(SuspectedCondition... conditions) {
        suspectedConditions = conditions.length == 0 ? EnumSet.noneOf(SuspectedCondition.class) : EnumSet.of(conditions[0], conditions);
        return this;
    }

    Patient suspectedConditions(Set<SuspectedCondition> value) {
        suspectedConditions = value;
        return this;
    }

    Patient requesting(Specialty value) {
        requestedSpecialty = value;
        return this;
    }

    Patient respiratoryRate(Double value) {
        respiratoryRate = value;
        return this;
    }

    Patient respiratoryRate(double value) {
        return respiratoryRate(Double.valueOf(value));
    }

    Patient oxygenSaturation(Double value) {
        oxygenSaturation = value;
        return this;
    }

    Patient oxygenSaturation(double value) {
        return oxygenSaturation(Double.valueOf(value));
    }

    Patient onSupplementalOxygen(Boolean value) {
        onSupplementalOxygen = value;
        return this;
    }

    Patient systolicBp(Double value) {
        systolicBp = value;
        return this;
    }

    Patient systolicBp(double value) {
        return systolicBp(Double.valueOf(value));
    }

    Patient diastolicBp(Double value) {
        diastolicBp = value;
        return this;
    }

    Patient diastolicBp(double value) {
        return diastolicBp(Double.valueOf(value));
    }

    Patient bloodPressure(double systolic, double diastolic) {
        return systolicBp(systolic).diastolicBp(diastolic);
    }

    Patient heartRate(Double value) {
        heartRate = value;
        return this;
    }

    Patient heartRate(double value) {
        return heartRate(Double.valueOf(value));
    }

    Patient consciousness(Consciousness value) {
        consciousness = value;
        return this;
    }

    Patient temperature(Double value) {
        temperature = value;
        return this;
    }

    Patient temperature(double value) {
        return temperature(Double.valueOf(value));
    }

    Patient bloodUrea(Double value) {
        bloodUrea = value;
        return this;
    }

    Patient bloodUrea(double value) {
        return bloodUrea(Double.valueOf(value));
    }

    Patient fastingPlasmaGlucose(Double value) {
        fastingPlasmaGlucose = value;
        return this;
    }

    Patient fastingPlasmaGlucose(double value) {
        return fastingPlasmaGlucose(Double.valueOf(value));
    }

    Patient hba1c(Double value) {
        hba1c = value;
        return this;
    }

    Patient hba1c(double value) {
        return hba1c(Double.valueOf(value));
    }

    Patient randomPlasmaGlucose(Double value) {
        randomPlasmaGlucose = value;
        return this;
    }

    Patient randomPlasmaGlucose(double value) {
        return randomPlasmaGlucose(Double.valueOf(value));
    }

    Patient classicHyperglycemiaSymptoms(Boolean value) {
        classicHyperglycemiaSymptoms = value;
        return this;
    }

    Patient imciDangerSigns(List<ImciDangerSign> value) {
        imciDangerSigns = value;
        return this;
    }

    Patient imciDangerSigns(ImciDangerSign... signs) {
        return imciDangerSigns(List.of(signs));
    }

    AssessmentRequest build() {
        return new AssessmentRequest(ageYears, ageMonths, sex, pregnant, hypercapnicRespiratoryFailure, suspectedConditions,
                requestedSpecialty,
                new Observations(respiratoryRate, oxygenSaturation, onSupplementalOxygen, systolicBp, diastolicBp,
                        heartRate, consciousness, temperature, bloodUrea, fastingPlasmaGlucose, hba1c,
                        randomPlasmaGlucose, classicHyperglycemiaSymptoms, imciDangerSigns));
    }
}
