package org.carebridge.guidelines;

import static org.assertj.core.api.Assertions.assertThat;

import org.carebridge.clinical.Consciousness;
import org.carebridge.guidelines.Assessment.Curb65;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * CURB-65 (BTS), only with suspected pneumonia: confusion, urea above 7 mmol/L, respiration rate 30 or
 * more, systolic below 90 or diastolic 60 or less, age 65 or more, one point each; 0-1 low, 2 moderate,
 * 3-5 severe.
 */
class Curb65Tests {

    private static Guidelines engine;

    @BeforeAll
    static void compileTheRules() {
        engine = CompiledRules.guidelines();
    }

    /** Suspected pneumonia, 40 years old, every criterion measured and none met. */
    private static Patient pneumoniaWithoutCriteria() {
        return Patient.adult().suspected(SuspectedCondition.PNEUMONIA).consciousness(Consciousness.ALERT)
                .bloodUrea(5.0).respiratoryRate(18).bloodPressure(120, 75);
    }

    private static Curb65 curb65(Patient patient) {
        return engine.assess(patient.build()).curb65();
    }

    private static Curb65 low(int score) {
        return new Curb65(true, null, score, Curb65.Risk.LOW, true);
    }

    @ParameterizedTest(name = "urea {0} mmol/L scores {1}")
    @CsvSource({"0, 0", "7.0, 0", "7.05, 1", "7.1, 1", "100, 1"})
    void aUreaAbove7ScoresAPoint(double urea, int points) {
        assertThat(curb65(pneumoniaWithoutCriteria().bloodUrea(urea))).isEqualTo(low(points));
    }

    @ParameterizedTest(name = "respiration rate {0}/min scores {1}")
    @CsvSource({"0, 0", "29, 0", "30, 1", "80, 1"})
    void aRespirationRateOf30OrMoreScoresAPoint(double respiratoryRate, int points) {
        assertThat(curb65(pneumoniaWithoutCriteria().respiratoryRate(respiratoryRate))).isEqualTo(low(points));
    }

    @ParameterizedTest(name = "blood pressure {0}/{1} mmHg scores {2}")
    @CsvSource({
            "89, 70, 1", "89.4, 70, 1", "89.5, 70, 0", "90, 70, 0", "91, 70, 0",
            "120, 60, 1", "120, 60.4, 1", "120, 60.5, 0", "120, 61, 0", "120, 59, 1",
            "85, 55, 1", "30, 10, 1", "300, 200, 0"})
    void aSystolicBelow90OrADiastolicOf60OrLessScoresOnePoint(double systolic, double diastolic, int points) {
        assertThat(curb65(pneumoniaWithoutCriteria().bloodPressure(systolic, diastolic))).isEqualTo(low(points));
    }

    @ParameterizedTest(name = "age {0} scores {1}")
    @CsvSource({"16, 0", "64, 0", "65, 1", "130, 1"})
    void anAgeOf65OrMoreScoresAPoint(int age, int points) {
        assertThat(curb65(pneumoniaWithoutCriteria().age(age))).isEqualTo(low(points));
    }

    @ParameterizedTest(name = "age {0}")
    @CsvSource({"0", "15"})
    void curb65IsNotUsedUnder16(int age) {
        assertThat(curb65(pneumoniaWithoutCriteria().age(age).respiratoryRate(35).bloodUrea(9)))
                .isEqualTo(new Curb65(false, "under 16 years", null, null, null));
    }

    @ParameterizedTest(name = "consciousness {0}")
    @EnumSource(Consciousness.class)
    void confusionScoresAPoint(Consciousness consciousness) {
        assertThat(curb65(pneumoniaWithoutCriteria().consciousness(consciousness)))
                .isEqualTo(low(consciousness == Consciousness.ALERT ? 0 : 1));
    }

    @ParameterizedTest(name = "{0}, urea {1}, RR {2}, BP {3}/{4}, age {5}: CURB-65 {6}, {7}")
    @CsvSource({
            "ALERT, 5.0, 18, 120, 75, 40, 0, LOW",
            "ALERT, 7.1, 18, 120, 75, 40, 1, LOW",
            "ALERT, 7.1, 18, 120, 75, 65, 2, MODERATE",
            "CONFUSION, 5.0, 30, 120, 75, 40, 2, MODERATE",
            "ALERT, 7.1, 30, 120, 75, 65, 3, SEVERE",
            "CONFUSION, 5.0, 18, 85, 55, 65, 3, SEVERE",
            "CONFUSION, 7.1, 30, 120, 60, 40, 4, SEVERE",
            "VOICE, 12.0, 35, 85, 50, 80, 5, SEVERE"})
    void theScoreDecidesTheSeverity(Consciousness consciousness, double urea, double rr, double systolic,
            double diastolic, int age, int score, Curb65.Risk risk) {
        Curb65 curb65 = curb65(Patient.adult().suspected(SuspectedCondition.PNEUMONIA).consciousness(consciousness)
                .bloodUrea(urea).respiratoryRate(rr).bloodPressure(systolic, diastolic).age(age));
        assertThat(curb65).isEqualTo(new Curb65(true, null, score, risk, true));
    }

    // ---- scope

    @Test
    void curb65IsNotUsedWithSuspectedInfectionAlone() {
        assertThat(curb65(pneumoniaWithoutCriteria().age(80).bloodUrea(9.0).suspected(SuspectedCondition.INFECTION)))
                .isEqualTo(new Curb65(false, "no suspected pneumonia", null, null, null));
    }

    @Test
    void curb65IsNotUsedWithoutSuspectedConditions() {
        Curb65 expected = new Curb65(false, "no suspected pneumonia", null, null, null);
        assertThat(curb65(pneumoniaWithoutCriteria().age(80).bloodUrea(9.0).suspected())).isEqualTo(expected);
        assertThat(curb65(pneumoniaWithoutCriteria().age(80).bloodUrea(9.0).suspectedConditions(null))).isEqualTo(expected);
    }

    @Test
    void curb65IsUsedWithPneumoniaAndInfectionSuspected() {
        assertThat(curb65(pneumoniaWithoutCriteria().age(80).bloodUrea(9.0)
                .suspected(SuspectedCondition.INFECTION, SuspectedCondition.PNEUMONIA)))
                .isEqualTo(new Curb65(true, null, 2, Curb65.Risk.MODERATE, true));
    }

    // ---- missing parameters

    @Test
    void anUnknownAgeScoresNoPointAndLeavesTheScoreIncomplete() {
        assertThat(curb65(pneumoniaWithoutCriteria().age(null).bloodUrea(8.0).respiratoryRate(30)))
                .isEqualTo(new Curb65(true, null, 2, Curb65.Risk.MODERATE, false));
    }

    @Test
    void aLowSystolicScoresWithoutADiastolicButTheScoreIsIncomplete() {
        assertThat(curb65(pneumoniaWithoutCriteria().systolicBp(85).diastolicBp((Double) null)))
                .isEqualTo(new Curb65(true, null, 1, Curb65.Risk.LOW, false));
    }

    @Test
    void aLowDiastolicScoresWithoutASystolicButTheScoreIsIncomplete() {
        assertThat(curb65(pneumoniaWithoutCriteria().systolicBp((Double) null).diastolicBp(55)))
                .isEqualTo(new Curb65(true, null, 1, Curb65.Risk.LOW, false));
    }

    @ParameterizedTest(name = "without {0}")
    @CsvSource({"consciousness", "bloodUrea", "respiratoryRate", "systolicBp", "diastolicBp"})
    void withoutAnyOneParameterTheScoreIsIncomplete(String missing) {
        Patient patient = pneumoniaWithoutCriteria().age(70);
        switch (missing) {
            case "consciousness" -> patient.consciousness(null);
            case "bloodUrea" -> patient.bloodUrea((Double) null);
            case "respiratoryRate" -> patient.respiratoryRate((Double) null);
            case "systolicBp" -> patient.systolicBp((Double) null);
            case "diastolicBp" -> patient.diastolicBp((Double) null);
            default -> throw new IllegalArgumentException(missing);
        }
        assertThat(curb65(patient)).isEqualTo(new Curb65(true, null, 1, Curb65.Risk.LOW, false));
    }

    @Test
    void withNothingMeasuredTheScoreIsZeroAndIncomplete() {
        Curb65 curb65 = engine.assess(new AssessmentRequest(null, null, null, null, null,
                java.util.Set.of(SuspectedCondition.PNEUMONIA), null, Observations.none())).curb65();
        assertThat(curb65).isEqualTo(new Curb65(true, null, 0, Curb65.Risk.LOW, false));
    }

    // ---- findings

    @Test
    void eachCriterionMetAndTheSeverityAreExplainedByCurb65Findings() {
        Assessment assessment = engine.assess(pneumoniaWithoutCriteria().bloodUrea(8.0).age(70).build());
        assertThat(assessment.findings()).filteredOn(f -> f.guideline().contains("CURB-65"))
                .hasSizeGreaterThanOrEqualTo(3)
                .allSatisfy(f -> assertThat(f.rule()).isNotBlank());
    }

    @Test
    void curb65OutOfScopeIsExplainedByACurb65Finding() {
        assertThat(engine.assess(Patient.adult().build()).findings()).anySatisfy(f -> {
            assertThat(f.guideline()).contains("CURB-65");
            assertThat(f.rule()).isNotBlank();
        });
    }
}
