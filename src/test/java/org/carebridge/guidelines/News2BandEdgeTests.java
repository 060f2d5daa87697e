package org.carebridge.guidelines;

import static org.assertj.core.api.Assertions.assertThat;

import org.carebridge.clinical.Consciousness;
import org.carebridge.directory.Specialty;
import org.carebridge.guidelines.Assessment.News2;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * NEWS2 (RCP 2017), both sides of every band edge, as the spec tables say. Each parameter is varied on an
 * adult whose other six parameters all score 0, so the aggregate is the points of the parameter varied.
 */
class News2BandEdgeTests {

    private static Guidelines engine;

    @BeforeAll
    static void compileTheRules() {
        engine = CompiledRules.guidelines();
    }

    private static News2 news2(Patient patient) {
        return engine.assess(patient.build()).news2();
    }

    private static void assertScoresAlone(News2 news2, String parameter, int points) {
        assertThat(news2.applicable()).isTrue();
        assertThat(news2.parameters()).containsEntry(parameter, points);
        assertThat(news2.score()).isEqualTo(points);
        assertThat(news2.complete()).isTrue();
    }

    // ---- respiration rate: <=8 3; 9-11 1; 12-20 0; 21-24 2; >=25 3

    @ParameterizedTest(name = "respiration rate {0}/min scores {1}")
    @CsvSource({
            "0, 3", "8, 3", "8.5, 1", "9, 1", "11, 1", "11.5, 0", "12, 0", "20, 0", "20.5, 2", "21, 2",
            "24, 2", "24.5, 3", "25, 3", "80, 3"})
    void aRespirationRateScoresThePointsOfItsBand(double respiratoryRate, int points) {
        assertScoresAlone(news2(Patient.adultWithNormalVitalSigns().respiratoryRate(respiratoryRate)),
                "respiratoryRate", points);
    }

    // ---- SpO2 scale 1: <=91 3; 92-93 2; 94-95 1; >=96 0

    @ParameterizedTest(name = "SpO2 {0}% on scale 1 scores {1}")
    @CsvSource({
            "0, 3", "91, 3", "91.5, 2", "92, 2", "93, 2", "93.5, 1", "94, 1", "95, 1", "95.5, 0", "96, 0", "100, 0"})
    void anOxygenSaturationOnScale1ScoresThePointsOfItsBand(double spo2, int points) {
        assertScoresAlone(news2(Patient.adultWithNormalVitalSigns().oxygenSaturation(spo2)), "oxygenSaturation", points);
        assertScoresAlone(news2(Patient.adultWithNormalVitalSigns().hypercapnicRespiratoryFailure(false)
                .oxygenSaturation(spo2)), "oxygenSaturation", points);
    }

    @ParameterizedTest(name = "SpO2 {0}% on scale 1 with oxygen scores {1} for saturation, 2 for oxygen")
    @CsvSource({"91, 3", "92, 2", "95, 1", "96, 0", "97, 0", "100, 0"})
    void onScale1TheSaturationBandsDoNotDependOnOxygen(double spo2, int points) {
        News2 news2 = news2(Patient.adultWithNormalVitalSigns().oxygenSaturation(spo2).onSupplementalOxygen(true));
        assertThat(news2.parameters()).containsEntry("oxygenSaturation", points).containsEntry("onSupplementalOxygen", 2);
        assertThat(news2.score()).isEqualTo(points + 2);
    }

    // ---- SpO2 scale 2: <=83 3; 84-85 2; 86-87 1; 88-92 (or >=93 on air) 0; on oxygen 93-94 1, 95-96 2, >=97 3

    @ParameterizedTest(name = "SpO2 {0}% on scale 2 breathing air scores {1}")
    @CsvSource({
            "0, 3", "83, 3", "83.5, 2", "84, 2", "85, 2", "85.5, 1", "86, 1", "87, 1", "87.5, 0", "88, 0", "92, 0",
            "92.5, 0", "93, 0", "94, 0", "95, 0", "96, 0", "97, 0", "100, 0"})
    void anOxygenSaturationOnScale2BreathingAirScoresThePointsOfItsBand(double spo2, int points) {
        assertScoresAlone(news2(Patient.adultWithNormalVitalSigns().hypercapnicRespiratoryFailure(true)
                .oxygenSaturation(spo2).onSupplementalOxygen(false)), "oxygenSaturation", points);
    }

    @ParameterizedTest(name = "SpO2 {0}% on scale 2 on oxygen scores {1} for saturation, 2 for oxygen")
    @CsvSource({
            "0, 3", "83, 3", "83.5, 2", "84, 2", "85, 2", "85.5, 1", "86, 1", "87, 1", "87.5, 0", "88, 0", "92, 0",
            "92.5, 1", "93, 1", "94, 1", "94.5, 2", "95, 2", "96, 2", "96.5, 3", "97, 3", "100, 3"})
    void anOxygenSaturationOnScale2OnOxygenScoresThePointsOfItsBand(double spo2, int points) {
        News2 news2 = news2(Patient.adultWithNormalVitalSigns().hypercapnicRespiratoryFailure(true)
                .oxygenSaturation(spo2).onSupplementalOxygen(true));
        assertThat(news2.parameters()).containsEntry("oxygenSaturation", points).containsEntry("onSupplementalOxygen", 2);
        assertThat(news2.score()).isEqualTo(points + 2);
        assertThat(news2.complete()).isTrue();
    }

    @ParameterizedTest(name = "SpO2 {0}% on scale 2, air or oxygen not recorded, scores {1}")
    @CsvSource({"87, 1", "88, 0", "92, 0", "93, 0", "95, 0", "97, 0", "100, 0"})
    void onScale2WithoutKnowingAboutOxygenASaturationAbove92ScoresAsOnAir(double spo2, int points) {
        News2 news2 = news2(Patient.adultWithNormalVitalSigns().hypercapnicRespiratoryFailure(true)
                .oxygenSaturation(spo2).onSupplementalOxygen(null));
        assertThat(news2.parameters()).containsEntry("oxygenSaturation", points).doesNotContainKey("onSupplementalOxygen");
        assertThat(news2.score()).isEqualTo(points);
        assertThat(news2.complete()).isFalse();
    }

    // ---- air or oxygen: oxygen 2, air 0

    @Test
    void supplementalOxygenScores2() {
        assertScoresAlone(news2(Patient.adultWithNormalVitalSigns().onSupplementalOxygen(true)), "onSupplementalOxygen", 2);
    }

    @Test
    void breathingAirScores0() {
        assertScoresAlone(news2(Patient.adultWithNormalVitalSigns().onSupplementalOxygen(false)), "onSupplementalOxygen", 0);
    }

    @Test
    void airOrOxygenNotRecordedIsNotScoredAndLeavesTheScoreIncomplete() {
        News2 news2 = news2(Patient.adultWithNormalVitalSigns().onSupplementalOxygen(null));
        assertThat(news2.parameters()).doesNotContainKey("onSupplementalOxygen").hasSize(6);
        assertThat(news2.score()).isZero();
        assertThat(news2.complete()).isFalse();
    }

    // ---- systolic: <=90 3; 91-100 2; 101-110 1; 111-219 0; >=220 3

    @ParameterizedTest(name = "systolic {0} mmHg scores {1}")
    @CsvSource({
            "30, 3", "90, 3", "90.5, 2", "91, 2", "100, 2", "100.5, 1", "101, 1", "110, 1", "110.5, 0", "111, 0",
            "219, 0", "219.5, 3", "220, 3", "300, 3"})
    void aSystolicPressureScoresThePointsOfItsBand(double systolic, int points) {
        assertScoresAlone(news2(Patient.adultWithNormalVitalSigns().systolicBp(systolic)), "systolicBp", points);
    }

    // ---- pulse: <=40 3; 41-50 1; 51-90 0; 91-110 1; 111-130 2; >=131 3

    @ParameterizedTest(name = "pulse {0}/min scores {1}")
    @CsvSource({
            "0, 3", "40, 3", "40.5, 1", "41, 1", "50, 1", "50.5, 0", "51, 0", "90, 0", "90.5, 1", "91, 1", "110, 1",
            "110.5, 2", "111, 2", "130, 2", "130.5, 3", "131, 3", "300, 3"})
    void aPulseScoresThePointsOfItsBand(double heartRate, int points) {
        assertScoresAlone(news2(Patient.adultWithNormalVitalSigns().heartRate(heartRate)), "heartRate", points);
    }

    // ---- consciousness: alert 0; any other 3

    @ParameterizedTest(name = "consciousness {0}")
    @EnumSource(Consciousness.class)
    void anAlertPatientScores0AndAnyOtherLevelOfConsciousnessScores3(Consciousness consciousness) {
        assertScoresAlone(news2(Patient.adultWithNormalVitalSigns().consciousness(consciousness)), "consciousness",
                consciousness == Consciousness.ALERT ? 0 : 3);
    }

    // ---- temperature: <=35.0 3; 35.1-36.0 1; 36.1-38.0 0; 38.1-39.0 1; >=39.1 2

    @ParameterizedTest(name = "temperature {0} °C scores {1}")
    @CsvSource({
            "25, 3", "35.0, 3", "35.05, 1", "35.1, 1", "36.0, 1", "36.1, 0", "38.0, 0", "38.1, 1", "39.0, 1",
            "39.05, 2", "39.1, 2", "45, 2"})
    void aTemperatureScoresThePointsOfItsBand(double temperature, int points) {
        assertScoresAlone(news2(Patient.adultWithNormalVitalSigns().temperature(temperature)), "temperature", points);
    }

    // ---- clinical risk: >=7 HIGH; 5-6 MEDIUM; 0-4 with a single 3 LOW_MEDIUM; else LOW

    @ParameterizedTest(name = "RR {0}, SpO2 {1}, oxygen {2}, SBP {3}, pulse {4}, {5}, {6} °C: NEWS2 {7}, {8}")
    @CsvSource({
            "16, 98, false, 120, 70, ALERT, 37.0, 0, LOW",
            "22, 98, false, 120, 70, ALERT, 38.5, 3, LOW",
            "22, 98, false, 120, 115, ALERT, 37.0, 4, LOW",
            "16, 98, false, 120, 70, ALERT, 35.0, 3, LOW_MEDIUM",
            "25, 98, false, 120, 95, ALERT, 37.0, 4, LOW_MEDIUM",
            "16, 98, false, 120, 70, VOICE, 37.0, 3, LOW_MEDIUM",
            "22, 98, false, 120, 115, ALERT, 38.5, 5, MEDIUM",
            "25, 98, true, 120, 70, ALERT, 37.0, 5, MEDIUM",
            "22, 98, true, 120, 115, ALERT, 37.0, 6, MEDIUM",
            "22, 98, true, 120, 115, ALERT, 38.5, 7, HIGH",
            "16, 91, false, 90, 70, VOICE, 37.0, 9, HIGH",
            "5, 85, true, 80, 140, UNRESPONSIVE, 34.0, 20, HIGH"})
    void theAggregateScoreDecidesTheClinicalRisk(double rr, double spo2, boolean oxygen, double systolic,
            double pulse, Consciousness consciousness, double temperature, int score, News2.Risk risk) {
        News2 news2 = news2(Patient.adult().respiratoryRate(rr).oxygenSaturation(spo2).onSupplementalOxygen(oxygen)
                .systolicBp(systolic).heartRate(pulse).consciousness(consciousness).temperature(temperature));
        assertThat(news2.score()).isEqualTo(score);
        assertThat(news2.risk()).isEqualTo(risk);
        assertThat(news2.complete()).isTrue();
        assertThat(news2.parameters()).hasSize(7);
        assertThat(news2.parameters().values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(score);
    }

    // ---- scope: adults only, not in pregnancy

    @ParameterizedTest(name = "age {0}")
    @CsvSource({"0", "4", "15"})
    void newsIsNotUsedUnder16Years(int age) {
        News2 news2 = news2(Patient.adultWithNormalVitalSigns().respiratoryRate(30).age(age));
        assertThat(news2).isEqualTo(new News2(false, "under 16 years", null, null, null, null));
    }

    @ParameterizedTest(name = "age {0}")
    @CsvSource({"16", "65", "130"})
    void newsIsUsedFrom16Years(int age) {
        News2 news2 = news2(Patient.adultWithNormalVitalSigns().respiratoryRate(30).age(age));
        assertThat(news2.applicable()).isTrue();
        assertThat(news2.reason()).isNull();
        assertThat(news2.score()).isEqualTo(3);
        assertThat(news2.risk()).isEqualTo(News2.Risk.LOW_MEDIUM);
    }

    @Test
    void newsIsUsedWhenTheAgeIsUnknown() {
        News2 news2 = news2(Patient.adultWithNormalVitalSigns().respiratoryRate(30).age(null));
        assertThat(news2.applicable()).isTrue();
        assertThat(news2.score()).isEqualTo(3);
        assertThat(news2.complete()).isTrue();
    }

    @ParameterizedTest(name = "age {0}")
    @CsvSource(value = {"16", "30", "NIL"}, nullValues = "NIL")
    void newsIsNotUsedInPregnancy(Integer age) {
        News2 news2 = news2(Patient.adultWithNormalVitalSigns().respiratoryRate(30).age(age).pregnant(true));
        assertThat(news2).isEqualTo(new News2(false, "in pregnancy", null, null, null, null));
    }

    @Test
    void aPregnantGirlUnder16IsOutOfScopeEitherWay() {
        News2 news2 = news2(Patient.adultWithNormalVitalSigns().age(15).pregnant(true));
        assertThat(news2.applicable()).isFalse();
        assertThat(news2.reason()).isIn("under 16 years", "in pregnancy");
        assertThat(news2.score()).isNull();
        assertThat(news2.risk()).isNull();
        assertThat(news2.complete()).isNull();
        assertThat(news2.parameters()).isNull();
    }

    @ParameterizedTest(name = "pregnant = {0}")
    @CsvSource(value = {"false", "NIL"}, nullValues = "NIL")
    void newsIsUsedWhenPregnancyIsDeniedOrNotRecorded(Boolean pregnant) {
        News2 news2 = news2(Patient.adultWithNormalVitalSigns().pregnant(pregnant));
        assertThat(news2.applicable()).isTrue();
        assertThat(news2.score()).isZero();
        assertThat(news2.risk()).isEqualTo(News2.Risk.LOW);
    }

    @Test
    void newsOutOfScopeDoesNotDecideTheTriageTheChildsOwnCriteriaDo() {
        Assessment assessment = engine.assess(Patient.child(10).respiratoryRate(30).heartRate(140).consciousness(Consciousness.ALERT)
                .temperature(40.0).build());
        assertThat(assessment.news2().applicable()).isFalse();
        // NEWS2 would be 3 + 3 + 2 = 8 (high); a 10-year-old's pulse 140 and rate 30 meet no call criterion
        assertThat(assessment.paediatricTriggers().triggered()).isFalse();
        assertThat(assessment.urgency()).isEqualTo(Urgency.ROUTINE);
        assertThat(assessment.specialty()).isEqualTo(Specialty.PEDIATRICS);
    }

    // ---- missing parameters

    @Test
    void aScoreOverSomeParametersIsIncompleteAndGivesThePartialSum() {
        News2 news2 = news2(Patient.adult().respiratoryRate(22).heartRate(135));
        assertThat(news2.applicable()).isTrue();
        assertThat(news2.parameters()).containsOnly(
                org.assertj.core.api.Assertions.entry("respiratoryRate", 2),
                org.assertj.core.api.Assertions.entry("heartRate", 3));
        assertThat(news2.score()).isEqualTo(5);
        assertThat(news2.risk()).isEqualTo(News2.Risk.MEDIUM);
        assertThat(news2.complete()).isFalse();
    }

    @Test
    void measuredParametersInTheNormalBandAppearWithZeroPoints() {
        News2 news2 = news2(Patient.adult().respiratoryRate(16).temperature(37.0).consciousness(Consciousness.ALERT));
        assertThat(news2.parameters()).containsOnly(
                org.assertj.core.api.Assertions.entry("respiratoryRate", 0),
                org.assertj.core.api.Assertions.entry("temperature", 0),
                org.assertj.core.api.Assertions.entry("consciousness", 0));
        assertThat(news2.score()).isZero();
        assertThat(news2.complete()).isFalse();
    }

    @Test
    void withNoObservationTheScoreIsZeroOverNoParameterAndThereIsNoRiskBand() {
        News2 news2 = engine.assess(new AssessmentRequest(40, null, null, null, null, null, null, Observations.none())).news2();
        assertThat(news2.applicable()).isTrue();
        assertThat(news2.parameters()).isEmpty();
        assertThat(news2.score()).isZero();
        assertThat(news2.risk()).as("nothing recorded is never low risk").isNull();
        assertThat(news2.complete()).isFalse();
    }

    @ParameterizedTest(name = "without {0}")
    @CsvSource({"respiratoryRate", "oxygenSaturation", "onSupplementalOxygen", "systolicBp", "heartRate",
            "consciousness", "temperature"})
    void withoutAnyOneParameterTheScoreIsIncomplete(String missing) {
        Patient patient = Patient.adultWithNormalVitalSigns().respiratoryRate(25);
        switch (missing) {
            case "respiratoryRate" -> patient.respiratoryRate((Double) null);
            case "oxygenSaturation" -> patient.oxygenSaturation((Double) null);
            case "onSupplementalOxygen" -> patient.onSupplementalOxygen(null);
            case "systolicBp" -> patient.systolicBp((Double) null);
            case "heartRate" -> patient.heartRate((Double) null);
            case "consciousness" -> patient.consciousness(null);
            case "temperature" -> patient.temperature((Double) null);
            default -> throw new IllegalArgumentException(missing);
        }
        News2 news2 = news2(patient);
        assertThat(news2.complete()).isFalse();
        assertThat(news2.parameters()).hasSize(6).doesNotContainKey(missing);
        assertThat(news2.score()).isEqualTo(missing.equals("respiratoryRate") ? 0 : 3);
    }

    // ---- findings

    @Test
    void aScoringParameterAndTheRiskAreExplainedByNews2Findings() {
        Assessment assessment = engine.assess(Patient.adultWithNormalVitalSigns().respiratoryRate(25).build());
        assertThat(assessment.findings()).filteredOn(f -> f.guideline().contains("NEWS2"))
                .hasSizeGreaterThanOrEqualTo(2)
                .allSatisfy(f -> {
                    assertThat(f.rule()).isNotBlank();
                    assertThat(f.code()).startsWith("NEWS2_");
                    assertThat(engine.message(f, java.util.Locale.ENGLISH)).isNotBlank().doesNotContain("{");
                });
        assertThat(assessment.findings()).allSatisfy(f -> {
            assertThat(f.guideline()).isNotBlank();
            assertThat(f.rule()).isNotBlank();
        });
    }

    @Test
    void newsOutOfScopeIsExplainedByANews2Finding() {
        Assessment assessment = engine.assess(Patient.child(15).build());
        assertThat(assessment.findings()).anySatisfy(f -> {
            assertThat(f.guideline()).contains("NEWS2");
            assertThat(f.rule()).isNotBlank();
        });
    }
}
