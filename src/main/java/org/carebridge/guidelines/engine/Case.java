package org.carebridge.guidelines.engine;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.carebridge.clinical.Consciousness;
import org.carebridge.guidelines.Assessment.BloodPressure;
import org.carebridge.guidelines.Assessment.Finding;
import org.carebridge.guidelines.Assessment.Glycemia;
import org.carebridge.guidelines.AssessmentRequest;
import org.carebridge.guidelines.Observations;
import org.carebridge.guidelines.SuspectedCondition;
import org.kie.api.runtime.rule.RuleContext;

/**
 * One patient as the guideline rules see them: the inputs, and what the scoring rules conclude about them.
 * A rule on a number first asks whether it was measured ({@code temperatureMeasured}); a missing age is -1.
 */
public final class Case {

    // ---- what the rules read

    private final int ageYears;
    private final boolean pregnant;
    private final boolean hypercapnicRespiratoryFailure;
    private final boolean suspectedInfection;
    private final boolean suspectedPneumonia;
    private final double respiratoryRate;
    private final double oxygenSaturation;
    private final Boolean onSupplementalOxygen;
    private final double systolicBp;
    private final double diastolicBp;
    private final double heartRate;
    private final Consciousness consciousness;
    private final double temperature;
    private final double bloodUrea;
    private final double fastingPlasmaGlucose;
    private final double hba1c;
    private final double randomPlasmaGlucose;
    private final boolean classicHyperglycemiaSymptoms;
    private final int imciDangerSigns;

    // ---- what the rules conclude

    final AssessmentRequest request;
    final Map<String, Integer> news2Points = new LinkedHashMap<>();
    String news2NotApplicable;
    int qsofaScore;
    String qsofaNotApplicable;
    int curb65Score;
    String curb65NotApplicable;
    BloodPressure.Category bloodPressure;
    Glycemia.Status glycemia;
    Boolean imciDangerSign;
    final List<Finding> findings = new ArrayList<>(8);

    public Case(AssessmentRequest request) {
        this.request = request;
        Observations o = request.observations();
        this.ageYears = request.ageYears() == null ? -1 : request.ageYears();
        this.pregnant = Boolean.TRUE.equals(request.pregnant());
        this.hypercapnicRespiratoryFailure = Boolean.TRUE.equals(request.hypercapnicRespiratoryFailure());
        this.suspectedInfection = request.suspectedConditions() != null
                && request.suspectedConditions().contains(SuspectedCondition.INFECTION);
        this.suspectedPneumonia = request.suspectedConditions() != null
                && request.suspectedConditions().contains(SuspectedCondition.PNEUMONIA);
        this.respiratoryRate = number(o.respiratoryRate());
        this.oxygenSaturation = number(o.oxygenSaturation());
        this.onSupplementalOxygen = o.onSupplementalOxygen();
        this.systolicBp = number(o.systolicBp());
        this.diastolicBp = number(o.diastolicBp());
        this.heartRate = number(o.heartRate());
        this.consciousness = o.consciousness();
        this.temperature = number(o.temperature());
        this.bloodUrea = number(o.bloodUrea());
        this.fastingPlasmaGlucose = number(o.fastingPlasmaGlucose());
        this.hba1c = number(o.hba1c());
        this.randomPlasmaGlucose = number(o.randomPlasmaGlucose());
        this.classicHyperglycemiaSymptoms = Boolean.TRUE.equals(o.classicHyperglycemiaSymptoms());
        this.imciDangerSigns = o.imciDangerSigns() == null ? 0 : (int) o.imciDangerSigns().stream().distinct().count();
    }

    // ---- conclusions, called by the rules

    /** A NEWS2 parameter scores points. */
    public void news2(RuleContext rule, String parameter, int points, String message) {
        news2Points.put(parameter, points);
        find(rule, "NEWS2 (RCP 2017)", message);
    }

    public void news2NotApplicable(RuleContext rule, String reason) {
        news2NotApplicable = reason;
        find(rule, "NEWS2 (RCP 2017)", "NEWS2 is not used " + reason + ".");
    }

    /** A qSOFA criterion is met: one point. */
    public void qsofaPoint(RuleContext rule, String message) {
        qsofaScore++;
        find(rule, "qSOFA (Sepsis-3)", message);
    }

    public void qsofaNotApplicable(RuleContext rule, String reason) {
        qsofaNotApplicable = reason;
        find(rule, "qSOFA (Sepsis-3)", "qSOFA is not used: " + reason + ".");
    }

    /** A CURB-65 criterion is met: one point. */
    public void curb65Point(RuleContext rule, String message) {
        curb65Score++;
        find(rule, "CURB-65 (BTS)", message);
    }

    public void curb65NotApplicable(RuleContext rule, String reason) {
        curb65NotApplicable = reason;
        find(rule, "CURB-65 (BTS)", "CURB-65 is not used: " + reason + ".");
    }

    public void bloodPressure(RuleContext rule, BloodPressure.Category category, String message) {
        bloodPressure = category;
        find(rule, "Blood pressure (ACC/AHA 2017)", message);
    }

    public void glycemia(RuleContext rule, Glycemia.Status status, String message) {
        glycemia = status;
        find(rule, "Glycaemia (ADA Standards of Care)", message);
    }

    public void imci(RuleContext rule, boolean dangerSign, String message) {
        imciDangerSign = dangerSign;
        find(rule, "IMCI general danger signs (WHO)", message);
    }

    void find(RuleContext rule, String guideline, String message) {
        findings.add(new Finding(guideline, rule.getRule().getName(), message));
    }

    // ---- inputs, read by the rules

    public int getAgeYears() {
        return ageYears;
    }

    public boolean isPregnant() {
        return pregnant;
    }

    public boolean isHypercapnicRespiratoryFailure() {
        return hypercapnicRespiratoryFailure;
    }

    public boolean isSuspectedInfection() {
        return suspectedInfection;
    }

    public boolean isSuspectedPneumonia() {
        return suspectedPneumonia;
    }

    public double getRespiratoryRate() {
        return respiratoryRate;
    }

    public double getOxygenSaturation() {
        return oxygenSaturation;
    }

    public Boolean getOnSupplementalOxygen() {
        return onSupplementalOxygen;
    }

    public double getSystolicBp() {
        return systolicBp;
    }

    public double getDiastolicBp() {
        return diastolicBp;
    }

    public double getHeartRate() {
        return heartRate;
    }

    public Consciousness getConsciousness() {
        return consciousness;
    }

    public double getTemperature() {
        return temperature;
    }

    public double getBloodUrea() {
        return bloodUrea;
    }

    public double getFastingPlasmaGlucose() {
        return fastingPlasmaGlucose;
    }

    public double getHba1c() {
        return hba1c;
    }

    public double getRandomPlasmaGlucose() {
        return randomPlasmaGlucose;
    }

    public boolean isClassicHyperglycemiaSymptoms() {
        return classicHyperglycemiaSymptoms;
    }

    /** How many distinct IMCI danger signs the child has. */
    public int getImciDangerSigns() {
        return imciDangerSigns;
    }

    public boolean isRespiratoryRateMeasured() {
        return !Double.isNaN(respiratoryRate);
    }

    public boolean isOxygenSaturationMeasured() {
        return !Double.isNaN(oxygenSaturation);
    }

    public boolean isSystolicBpMeasured() {
        return !Double.isNaN(systolicBp);
    }

    public boolean isDiastolicBpMeasured() {
        return !Double.isNaN(diastolicBp);
    }

    public boolean isHeartRateMeasured() {
        return !Double.isNaN(heartRate);
    }

    public boolean isTemperatureMeasured() {
        return !Double.isNaN(temperature);
    }

    public boolean isBloodUreaMeasured() {
        return !Double.isNaN(bloodUrea);
    }

    public boolean isFastingPlasmaGlucoseMeasured() {
        return !Double.isNaN(fastingPlasmaGlucose);
    }

    public boolean isHba1cMeasured() {
        return !Double.isNaN(hba1c);
    }

    public boolean isRandomPlasmaGlucoseMeasured() {
        return !Double.isNaN(randomPlasmaGlucose);
    }

    /** A number as a clinician writes it: 26, not 26.0; 38.6 stays 38.6. */
    public static String show(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
    }

    private static double number(Double value) {
        return value == null ? Double.NaN : value;
    }
}
