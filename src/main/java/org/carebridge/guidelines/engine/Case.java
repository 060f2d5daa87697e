package org.carebridge.guidelines.engine;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.carebridge.clinical.Consciousness;
import org.carebridge.guidelines.Assessment.BloodPressure;
import org.carebridge.guidelines.Assessment.Finding;
import org.carebridge.guidelines.Assessment.Glycemia;
import org.carebridge.guidelines.Assessment.PaediatricTriggers.AgeBand;
import org.carebridge.guidelines.AssessmentRequest;
import org.carebridge.guidelines.Observations;
import org.carebridge.guidelines.SuspectedCondition;
import org.kie.api.runtime.rule.RuleContext;

/**
 * One patient as the guideline rules see them: the inputs, and what the scoring rules conclude about them.
 * A rule on a number first asks whether it was measured ({@code temperatureMeasured}); a missing age is -1.
 *
 * <p>Values are read as they are charted: respiratory rate, SpO2, blood pressure and pulse as whole
 * numbers, temperature to one decimal, each rounded half up (SpO2 91.5 is charted 92).
 */
public final class Case {

    /** The metadata every rule carries: the stable code of the finding it makes, {@code @finding(CODE)}. */
    public static final String FINDING = "finding";

    // ---- what the rules read

    private final int ageYears;
    private final int ageMonths;
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
    private final Boolean classicHyperglycemiaSymptoms;
    private final boolean imciDangerSignsRecorded;
    private final int imciDangerSigns;
    private final AgeBand paediatricAgeBand;

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
    Boolean imciFastBreathing;
    /** Fast breathing read by the band under 2 months (or under 1 year with the months unknown). */
    boolean imciYoungInfant;
    final Set<String> meowsRed = new LinkedHashSet<>();
    final Set<String> meowsYellow = new LinkedHashSet<>();
    final Set<String> paediatricCriteria = new LinkedHashSet<>();
    final List<Finding> findings = new ArrayList<>(8);

    public Case(AssessmentRequest request) {
        this.request = request;
        Observations o = request.observations();
        this.ageMonths = request.ageMonths() == null ? -1 : request.ageMonths();
        this.ageYears = request.ageYears() != null ? request.ageYears() : ageMonths >= 0 ? ageMonths / 12 : -1;
        this.pregnant = Boolean.TRUE.equals(request.pregnant());
        this.hypercapnicRespiratoryFailure = Boolean.TRUE.equals(request.hypercapnicRespiratoryFailure());
        this.suspectedInfection = request.suspectedConditions() != null
                && request.suspectedConditions().contains(SuspectedCondition.INFECTION);
        this.suspectedPneumonia = request.suspectedConditions() != null
                && request.suspectedConditions().contains(SuspectedCondition.PNEUMONIA);
        this.respiratoryRate = charted(o.respiratoryRate(), 0);
        this.oxygenSaturation = charted(o.oxygenSaturation(), 0);
        this.onSupplementalOxygen = o.onSupplementalOxygen();
        this.systolicBp = charted(o.systolicBp(), 0);
        this.diastolicBp = charted(o.diastolicBp(), 0);
        this.heartRate = charted(o.heartRate(), 0);
        this.consciousness = o.consciousness();
        this.temperature = charted(o.temperature(), 1);
        this.bloodUrea = number(o.bloodUrea());
        this.fastingPlasmaGlucose = number(o.fastingPlasmaGlucose());
        this.hba1c = number(o.hba1c());
        this.randomPlasmaGlucose = number(o.randomPlasmaGlucose());
        this.classicHyperglycemiaSymptoms = o.classicHyperglycemiaSymptoms();
        this.imciDangerSignsRecorded = o.imciDangerSigns() != null;
        this.imciDangerSigns = o.imciDangerSigns() == null ? 0 : (int) o.imciDangerSigns().stream().distinct().count();
        this.paediatricAgeBand = ageBand(ageYears, ageMonths);
    }

    /**
     * The row of the paediatric call criteria for an age: by completed months where they are known
     * (0-3, 4-12, 13-59 months, then by years), else by years (under 1 year reads the 4-12 month row).
     */
    static AgeBand ageBand(int years, int months) {
        if (months >= 0) {
            if (months <= 3) return AgeBand.MONTHS_0_TO_3;
            if (months <= 12) return AgeBand.MONTHS_4_TO_12;
            if (months < 60) return AgeBand.YEARS_1_TO_4;
        } else if (years == 0) {
            return AgeBand.MONTHS_4_TO_12;
        } else if (years >= 1 && years <= 4) {
            return AgeBand.YEARS_1_TO_4;
        }
        if (years >= 5 && years <= 12) return AgeBand.YEARS_5_TO_12;
        if (years >= 13 && years <= 15) return AgeBand.YEARS_13_TO_15;
        return null;
    }

    // ---- conclusions, called by the rules; each makes the finding its rule's @finding names

    /** A NEWS2 parameter scores points. */
    public void news2(RuleContext rule, String parameter, int points, Object value) {
        news2Points.put(parameter, points);
        find(rule, "NEWS2 (RCP 2017)", parameter, value);
    }

    public void news2NotApplicable(RuleContext rule, String reason) {
        news2NotApplicable = reason;
        find(rule, "NEWS2 (RCP 2017)");
    }

    /** A qSOFA criterion is met: one point. */
    public void qsofaPoint(RuleContext rule, String parameter, Object value) {
        qsofaScore++;
        find(rule, "qSOFA (Sepsis-3)", parameter, value);
    }

    public void qsofaNotApplicable(RuleContext rule, String reason) {
        qsofaNotApplicable = reason;
        find(rule, "qSOFA (Sepsis-3)");
    }

    /** A CURB-65 criterion is met: one point. */
    public void curb65Point(RuleContext rule, Object... parameters) {
        curb65Score++;
        find(rule, "CURB-65 (BTS)", parameters);
    }

    public void curb65NotApplicable(RuleContext rule, String reason) {
        curb65NotApplicable = reason;
        find(rule, "CURB-65 (BTS)");
    }

    public void bloodPressure(RuleContext rule, BloodPressure.Category category) {
        bloodPressure = category;
        find(rule, "Blood pressure (ACC/AHA 2017)", "systolicBp", systolicBp, "diastolicBp", diastolicBp);
    }

    public void glycemia(RuleContext rule, Glycemia.Status status, Object... parameters) {
        glycemia = status;
        find(rule, "Glycaemia (ADA Standards of Care)", parameters);
    }

    /** IMCI general danger signs: true (a sign is listed) or false (the list was recorded empty). */
    public void imciDangerSign(RuleContext rule, boolean dangerSign) {
        imciDangerSign = dangerSign;
        find(rule, "IMCI (WHO 2014)", "count", imciDangerSigns);
    }

    /** IMCI fast breathing for the age; {@code youngInfant} when read by the band under 2 months. */
    public void imciFastBreathing(RuleContext rule, Boolean fastBreathing, boolean youngInfant) {
        imciFastBreathing = fastBreathing;
        imciYoungInfant = youngInfant;
        find(rule, "IMCI (WHO 2014)", "respiratoryRate", respiratoryRate, "ageMonths", ageMonths);
    }

    /** Something the guideline says that concludes nothing by itself (an age missing, say). */
    public void note(RuleContext rule, String guideline, Object... parameters) {
        find(rule, guideline, parameters);
    }

    /** A MEOWS parameter in its red band. */
    public void meowsRed(RuleContext rule, String parameter, Object value) {
        meowsRed.add(parameter);
        find(rule, "MEOWS (Singh et al. 2012)", parameter, value);
    }

    /** A MEOWS parameter in its yellow band. */
    public void meowsYellow(RuleContext rule, String parameter, Object value) {
        meowsYellow.add(parameter);
        find(rule, "MEOWS (Singh et al. 2012)", parameter, value);
    }

    /** A paediatric emergency call criterion is met. */
    public void paediatricCriterion(RuleContext rule, String parameter, Object value) {
        paediatricCriteria.add(parameter);
        find(rule, "Paediatric emergency call criteria", parameter, value);
    }

    void find(RuleContext rule, String guideline, Object... parameters) {
        findings.add(finding(rule, guideline, parameters));
    }

    /** The finding of the rule firing: the code from its {@code @finding}, and the parameters given as name, value, ... */
    static Finding finding(RuleContext rule, String guideline, Object... parameters) {
        Object code = rule.getRule().getMetaData().get(FINDING);
        if (code == null) {
            throw new IllegalStateException("Rule \"" + rule.getRule().getName() + "\" has no @" + FINDING + "(CODE)");
        }
        Map<String, Object> named = new LinkedHashMap<>();
        for (int i = 0; i + 1 < parameters.length; i += 2) {
            Object value = parameters[i + 1];
            named.put((String) parameters[i], value instanceof Enum<?> e ? e.name() : value);
        }
        return new Finding(guideline, rule.getRule().getName(), code.toString(), named, null);
    }

    // ---- inputs, read by the rules

    public int getAgeYears() {
        return ageYears;
    }

    /** Completed months, or -1 when not given. */
    public int getAgeMonths() {
        return ageMonths;
    }

    /** Under 16 years; false when the age is unknown. */
    public boolean isChild() {
        return ageYears >= 0 && ageYears < 16;
    }

    /** 16 years or older, or the age unknown: where the adult scores apply. */
    public boolean isAdultOrAgeUnknown() {
        return ageYears < 0 || ageYears >= 16;
    }

    /** Under 5 years (under 60 months): IMCI's age. */
    public boolean isUnderFive() {
        return ageMonths >= 0 ? ageMonths < 60 : ageYears >= 0 && ageYears < 5;
    }

    public AgeBand getPaediatricAgeBand() {
        return paediatricAgeBand;
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

    /** Classic symptoms of hyperglycaemia recorded as present. */
    public boolean isClassicHyperglycemiaSymptoms() {
        return Boolean.TRUE.equals(classicHyperglycemiaSymptoms);
    }

    /** Whether the danger signs were looked for: an empty list is "none found", an absent one "not assessed". */
    public boolean isImciDangerSignsRecorded() {
        return imciDangerSignsRecorded;
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

    /** How many of NEWS2's seven parameters were recorded. */
    public int getNews2ParametersRecorded() {
        return count(isRespiratoryRateMeasured(), isOxygenSaturationMeasured(), onSupplementalOxygen != null,
                isSystolicBpMeasured(), isHeartRateMeasured(), consciousness != null, isTemperatureMeasured());
    }

    /** How many of MEOWS' seven parameters were recorded. */
    public int getMeowsParametersRecorded() {
        return count(isTemperatureMeasured(), isSystolicBpMeasured(), isDiastolicBpMeasured(), isHeartRateMeasured(),
                isRespiratoryRateMeasured(), isOxygenSaturationMeasured(), consciousness != null);
    }

    /** Whether the paediatric call criteria of the child's age band read the respiratory rate (5 years and older). */
    public boolean isPaediatricCriteriaReadRate() {
        return paediatricAgeBand == AgeBand.YEARS_5_TO_12 || paediatricAgeBand == AgeBand.YEARS_13_TO_15;
    }

    /** How many of the parameters the paediatric call criteria read at the child's age were recorded. */
    public int getPaediatricParametersRecorded() {
        return count(isSystolicBpMeasured(), isHeartRateMeasured(), isOxygenSaturationMeasured(), consciousness != null,
                isPaediatricCriteriaReadRate() && isRespiratoryRateMeasured());
    }

    /** How many parameters the paediatric call criteria read at the child's age. */
    public int getPaediatricParametersRead() {
        return isPaediatricCriteriaReadRate() ? 5 : 4;
    }

    /** No vital sign, lab or danger sign at all: nothing the urgency could rest on. */
    public boolean isNothingRecorded() {
        Observations o = request.observations();
        return o.respiratoryRate() == null && o.oxygenSaturation() == null && o.onSupplementalOxygen() == null
                && o.systolicBp() == null && o.diastolicBp() == null && o.heartRate() == null && o.consciousness() == null
                && o.temperature() == null && o.bloodUrea() == null && o.fastingPlasmaGlucose() == null
                && o.hba1c() == null && o.randomPlasmaGlucose() == null && o.imciDangerSigns() == null;
    }

    /** A number as a clinician writes it: 26, not 26.0; 38.6 stays 38.6. */
    public static String show(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
    }

    /** A value as charted, rounded half up to the given decimals; NaN when not measured. */
    public static double charted(Double value, int decimals) {
        return value == null ? Double.NaN
                : BigDecimal.valueOf(value).setScale(decimals, RoundingMode.HALF_UP).doubleValue();
    }

    private static int count(boolean... recorded) {
        int n = 0;
        for (boolean r : recorded) {
            if (r) {
                n++;
            }
        }
        return n;
    }

    private static double number(Double value) {
        return value == null ? Double.NaN : value;
    }
}
