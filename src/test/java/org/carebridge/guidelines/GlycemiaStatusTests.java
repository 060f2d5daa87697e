package org.carebridge.guidelines;

import static org.assertj.core.api.Assertions.assertThat;

import org.carebridge.directory.Specialty;
import org.carebridge.guidelines.Assessment.Glycemia;
import org.carebridge.guidelines.Assessment.Glycemia.Status;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Glycaemia (ADA Standards of Care, screening category): diabetes with fasting glucose 7.0 or more, HbA1c
 * 6.5 or more, or random glucose 11.1 or more with classic symptoms; else prediabetes with fasting 5.6-6.9
 * or HbA1c 5.7-6.4; else normal; null when none of the three was measured.
 */
class GlycemiaStatusTests {

    private static Guidelines engine;

    @BeforeAll
    static void compileTheRules() {
        engine = CompiledRules.guidelines();
    }

    private static Glycemia glycemia(Patient patient) {
        return engine.assess(patient.build()).glycemia();
    }

    @ParameterizedTest(name = "fasting glucose {0} mmol/L is {1}")
    @CsvSource({
            "0, HYPOGLYCAEMIA", "2.9, HYPOGLYCAEMIA", "2.95, HYPOGLYCAEMIA", "3.0, NORMAL", "5.5, NORMAL", "5.55, NORMAL",
            "5.6, PREDIABETES", "6.9, PREDIABETES", "6.95, PREDIABETES",
            "7.0, DIABETES", "60, DIABETES"})
    void aFastingGlucoseAloneDecidesTheStatus(double fasting, Status status) {
        assertThat(glycemia(Patient.adult().fastingPlasmaGlucose(fasting))).isEqualTo(new Glycemia(status));
    }

    @ParameterizedTest(name = "HbA1c {0} % is {1}")
    @CsvSource({
            "2, NORMAL", "5.6, NORMAL", "5.65, NORMAL", "5.7, PREDIABETES", "6.4, PREDIABETES", "6.45, PREDIABETES",
            "6.5, DIABETES", "25, DIABETES"})
    void anHba1cAloneDecidesTheStatus(double hba1c, Status status) {
        assertThat(glycemia(Patient.adult().hba1c(hba1c))).isEqualTo(new Glycemia(status));
    }

    @ParameterizedTest(name = "random glucose {0} mmol/L with classic symptoms {1} is {2}")
    @CsvSource(value = {
            "0, true, HYPOGLYCAEMIA", "2.9, NIL, HYPOGLYCAEMIA", "3.0, NIL, NORMAL",
            "11.0, true, NORMAL", "11.05, true, NORMAL", "11.1, true, DIABETES", "60, true, DIABETES",
            "11.0, false, NORMAL", "11.1, false, HYPERGLYCAEMIA_UNCONFIRMED", "30, false, HYPERGLYCAEMIA_UNCONFIRMED",
            "11.0, NIL, NORMAL", "11.1, NIL, HYPERGLYCAEMIA_UNCONFIRMED", "30, NIL, HYPERGLYCAEMIA_UNCONFIRMED"},
            nullValues = "NIL")
    void aRandomGlucoseOf11Point1IsDiabetesWithClassicSymptomsAndNeverNormalWithout(double random, Boolean symptoms, Status status) {
        assertThat(glycemia(Patient.adult().randomPlasmaGlucose(random).classicHyperglycemiaSymptoms(symptoms)))
                .isEqualTo(new Glycemia(status));
    }

    @ParameterizedTest(name = "fasting {0}, HbA1c {1}, random {2}, symptoms {3}: {4}")
    @CsvSource(value = {
            "5.0, 6.5, NIL, NIL, DIABETES",
            "7.0, 5.0, NIL, NIL, DIABETES",
            "5.0, 5.0, 11.1, true, DIABETES",
            "5.6, 5.0, 11.1, true, DIABETES",
            "5.6, 5.0, 11.1, false, HYPERGLYCAEMIA_UNCONFIRMED",
            "2.9, 7.0, 20.0, true, HYPOGLYCAEMIA",
            "7.0, 5.0, 2.5, NIL, HYPOGLYCAEMIA",
            "5.5, 5.7, NIL, NIL, PREDIABETES",
            "6.9, 6.4, 11.0, true, PREDIABETES",
            "5.5, 5.6, 11.0, true, NORMAL",
            "NIL, 5.6, 20.0, false, HYPERGLYCAEMIA_UNCONFIRMED",
            "5.5, NIL, NIL, true, NORMAL"}, nullValues = "NIL")
    void theMostSevereStatusAnyMeasurementReachesWins(Double fasting, Double hba1c, Double random, Boolean symptoms,
            Status status) {
        assertThat(glycemia(Patient.adult().fastingPlasmaGlucose(fasting).hba1c(hba1c).randomPlasmaGlucose(random)
                .classicHyperglycemiaSymptoms(symptoms))).isEqualTo(new Glycemia(status));
    }

    @Test
    void withoutAnyGlucoseOrHba1cThereIsNoStatus() {
        assertThat(glycemia(Patient.adult())).isNull();
    }

    @Test
    void classicSymptomsWithoutAnyMeasurementGiveNoStatus() {
        assertThat(glycemia(Patient.adult().classicHyperglycemiaSymptoms(true))).isNull();
    }

    @Test
    void theStatusDoesNotDependOnAgeOrPregnancy() {
        assertThat(glycemia(Patient.child(2).hba1c(7.0))).isEqualTo(new Glycemia(Status.DIABETES));
        assertThat(glycemia(Patient.adult().pregnant(true).hba1c(6.0))).isEqualTo(new Glycemia(Status.PREDIABETES));
        assertThat(glycemia(Patient.adult().age(null).hba1c(5.0))).isEqualTo(new Glycemia(Status.NORMAL));
    }

    @Test
    void diabetesIsSoonForEndocrinology() {
        Assessment assessment = engine.assess(Patient.adult().fastingPlasmaGlucose(7.0).requesting(Specialty.NEPHROLOGY).build());
        assertThat(assessment.urgency()).isEqualTo(Urgency.SOON);
        assertThat(assessment.specialty()).isEqualTo(Specialty.ENDOCRINOLOGY);
    }

    @Test
    void prediabetesIsRoutine() {
        Assessment assessment = engine.assess(Patient.adult().fastingPlasmaGlucose(6.9).requesting(Specialty.NEPHROLOGY).build());
        assertThat(assessment.urgency()).isEqualTo(Urgency.ROUTINE);
        assertThat(assessment.specialty()).isEqualTo(Specialty.NEPHROLOGY);
    }

    @Test
    void theStatusIsExplainedByAGlycaemiaFinding() {
        for (Patient patient : new Patient[] {Patient.adult().hba1c(5.0), Patient.adult().hba1c(6.0), Patient.adult().hba1c(7.0)}) {
            assertThat(engine.assess(patient.build()).findings()).filteredOn(f -> f.guideline().contains("ADA"))
                    .isNotEmpty()
                    .allSatisfy(f -> assertThat(f.rule()).isNotBlank());
        }
    }
}
