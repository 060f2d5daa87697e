package org.carebridge.guidelines;

import static org.assertj.core.api.Assertions.assertThat;

import org.carebridge.directory.Specialty;
import org.carebridge.guidelines.Assessment.BloodPressure;
import org.carebridge.guidelines.Assessment.BloodPressure.Category;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Blood pressure categories (ACC/AHA 2017), both values needed; the first that holds wins:
 * crisis above 180 or above 120; stage 2 140 or more or 90 or more; stage 1 130-139 or 80-89;
 * elevated 120-129 and below 80; normal below 120 and below 80.
 */
class BloodPressureCategoryTests {

    private static Guidelines engine;

    @BeforeAll
    static void compileTheRules() {
        engine = CompiledRules.guidelines();
    }

    private static BloodPressure bloodPressure(Patient patient) {
        return engine.assess(patient.build()).bloodPressure();
    }

    @ParameterizedTest(name = "{0}/{1} mmHg is {2}")
    @CsvSource({
            "30, 10, NORMAL",
            "119, 70, NORMAL", "120, 70, ELEVATED",
            "129, 70, ELEVATED", "130, 70, STAGE_1",
            "139, 70, STAGE_1", "140, 70, STAGE_2",
            "180, 70, STAGE_2", "181, 70, HYPERTENSIVE_CRISIS",
            "180.5, 70, HYPERTENSIVE_CRISIS", "300, 70, HYPERTENSIVE_CRISIS"})
    void theSystolicPressureDecidesTheCategoryWhenTheDiastolicIsNormal(double systolic, double diastolic, Category category) {
        assertThat(bloodPressure(Patient.adult().bloodPressure(systolic, diastolic))).isEqualTo(new BloodPressure(category));
    }

    @ParameterizedTest(name = "{0}/{1} mmHg is {2}")
    @CsvSource({
            "110, 79, NORMAL", "110, 80, STAGE_1",
            "110, 89, STAGE_1", "110, 90, STAGE_2",
            "150, 120, STAGE_2", "150, 121, HYPERTENSIVE_CRISIS",
            "150, 120.5, HYPERTENSIVE_CRISIS", "250, 200, HYPERTENSIVE_CRISIS"})
    void theDiastolicPressureDecidesTheCategoryWhenTheSystolicIsNormal(double systolic, double diastolic, Category category) {
        assertThat(bloodPressure(Patient.adult().bloodPressure(systolic, diastolic))).isEqualTo(new BloodPressure(category));
    }

    @ParameterizedTest(name = "{0}/{1} mmHg is {2}")
    @CsvSource({
            "125, 79, ELEVATED", "125, 80, STAGE_1",
            "119, 79, NORMAL", "120, 79, ELEVATED",
            "129, 89, STAGE_1", "130, 90, STAGE_2", "139, 89, STAGE_1",
            "135, 95, STAGE_2", "145, 85, STAGE_2",
            "180, 120, STAGE_2", "181, 121, HYPERTENSIVE_CRISIS",
            "181, 60, HYPERTENSIVE_CRISIS", "170, 125, HYPERTENSIVE_CRISIS"})
    void theMoreSevereOfTheTwoValuesWins(double systolic, double diastolic, Category category) {
        assertThat(bloodPressure(Patient.adult().bloodPressure(systolic, diastolic))).isEqualTo(new BloodPressure(category));
    }

    @Test
    void aSystolicAloneIsNotCategorised() {
        assertThat(bloodPressure(Patient.adult().systolicBp(190))).isNull();
    }

    @Test
    void aDiastolicAloneIsNotCategorised() {
        assertThat(bloodPressure(Patient.adult().diastolicBp(125))).isNull();
    }

    @Test
    void withoutAnyBloodPressureThereIsNoCategory() {
        assertThat(bloodPressure(Patient.adult())).isNull();
    }

    @Test
    void theCategoryDoesNotDependOnAgeOrPregnancy() {
        assertThat(bloodPressure(Patient.child(3).bloodPressure(150, 70))).isEqualTo(new BloodPressure(Category.STAGE_2));
        assertThat(bloodPressure(Patient.adult().pregnant(true).bloodPressure(150, 70)))
                .isEqualTo(new BloodPressure(Category.STAGE_2));
        assertThat(bloodPressure(Patient.adult().age(null).bloodPressure(150, 70)))
                .isEqualTo(new BloodPressure(Category.STAGE_2));
    }

    @Test
    void aHypertensiveCrisisIsAnEmergencyForEmergencyMedicine() {
        Assessment assessment = engine.assess(Patient.adult().bloodPressure(185, 100).requesting(Specialty.CARDIOLOGY).build());
        assertThat(assessment.urgency()).isEqualTo(Urgency.EMERGENCY);
        assertThat(assessment.specialty()).isEqualTo(Specialty.EMERGENCY_MEDICINE);
    }

    @Test
    void stage2IsSoonForCardiology() {
        Assessment assessment = engine.assess(Patient.adult().bloodPressure(150, 95).build());
        assertThat(assessment.urgency()).isEqualTo(Urgency.SOON);
        assertThat(assessment.specialty()).isEqualTo(Specialty.CARDIOLOGY);
    }

    @Test
    void stage1IsRoutine() {
        Assessment assessment = engine.assess(Patient.adult().bloodPressure(135, 85).build());
        assertThat(assessment.urgency()).isEqualTo(Urgency.ROUTINE);
        assertThat(assessment.specialty()).isEqualTo(Specialty.GENERAL_PRACTICE);
    }

    @Test
    void theCategoryIsExplainedByABloodPressureFinding() {
        Assessment assessment = engine.assess(Patient.adult().bloodPressure(150, 95).build());
        assertThat(assessment.findings()).filteredOn(f -> f.guideline().contains("ACC/AHA"))
                .isNotEmpty()
                .allSatisfy(f -> assertThat(f.rule()).isNotBlank());
    }
}
