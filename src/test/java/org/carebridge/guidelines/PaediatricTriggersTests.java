package org.carebridge.guidelines;

import static org.assertj.core.api.Assertions.assertThat;

import org.carebridge.clinical.Consciousness;
import org.carebridge.directory.Specialty;
import org.carebridge.guidelines.Assessment.PaediatricTriggers;
import org.carebridge.guidelines.Assessment.PaediatricTriggers.AgeBand;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The age-banded paediatric emergency call criteria: the age bands at their edges (in months and in
 * years), and each threshold of each band on both sides.
 */
class PaediatricTriggersTests {

    private static Guidelines engine;

    @BeforeAll
    static void compileTheRules() {
        engine = CompiledRules.guidelines();
    }

    private static PaediatricTriggers triggers(Patient patient) {
        return engine.assess(patient.build()).paediatricTriggers();
    }

    @ParameterizedTest(name = "{0} months: {1}")
    @CsvSource({"0, MONTHS_0_TO_3", "3, MONTHS_0_TO_3", "4, MONTHS_4_TO_12", "12, MONTHS_4_TO_12", "13, YEARS_1_TO_4",
            "59, YEARS_1_TO_4", "60, YEARS_5_TO_12", "155, YEARS_5_TO_12", "156, YEARS_13_TO_15", "191, YEARS_13_TO_15"})
    void theAgeBandByCompletedMonths(int months, AgeBand band) {
        assertThat(triggers(Patient.infant(months).heartRate(120)).ageBand()).isEqualTo(band);
    }

    @ParameterizedTest(name = "{0} years, months unknown: {1}")
    @CsvSource({"0, MONTHS_4_TO_12", "1, YEARS_1_TO_4", "4, YEARS_1_TO_4", "5, YEARS_5_TO_12", "12, YEARS_5_TO_12",
            "13, YEARS_13_TO_15", "15, YEARS_13_TO_15"})
    void theAgeBandByYearsWhenTheMonthsAreUnknown(int years, AgeBand band) {
        assertThat(triggers(Patient.child(years).heartRate(120)).ageBand()).isEqualTo(band);
    }

    @Test
    void from16YearsOrWithTheAgeUnknownTheCriteriaAreNotUsed() {
        assertThat(triggers(Patient.infant(192).heartRate(200))).isNull();
        assertThat(triggers(Patient.child(16).heartRate(200))).isNull();
        assertThat(triggers(Patient.child(10).age(null).heartRate(200))).isNull();
    }

    @ParameterizedTest(name = "{0} months, systolic {1}: {2}")
    @CsvSource({"2, 49, true", "2, 50, false", "8, 59, true", "8, 60, false", "30, 69, true", "30, 70, false",
            "100, 79, true", "100, 80, false", "170, 89, true", "170, 90, false", "170, 89.5, false"})
    void systolicBelowTheBand(int months, double systolic, boolean met) {
        assertThat(triggers(Patient.infant(months).systolicBp(systolic)).criteria().contains("systolicBp")).isEqualTo(met);
    }

    @ParameterizedTest(name = "{0} months, pulse {1}: {2}")
    @CsvSource({"2, 99, true", "2, 100, false", "2, 180, false", "2, 181, true",
            "8, 99, true", "8, 100, false", "8, 180, false", "8, 181, true",
            "30, 89, true", "30, 90, false", "30, 160, false", "30, 161, true",
            "100, 79, true", "100, 80, false", "100, 140, false", "100, 141, true",
            "170, 59, true", "170, 60, false", "170, 130, false", "170, 131, true"})
    void pulseOutsideTheBand(int months, double pulse, boolean met) {
        assertThat(triggers(Patient.infant(months).heartRate(pulse)).criteria().contains("heartRate")).isEqualTo(met);
    }

    @ParameterizedTest(name = "{0} months, rate {1}: {2}")
    @CsvSource({"100, 40, false", "100, 41, true", "170, 30, false", "170, 31, true"})
    void respiratoryRateAboveTheBandFrom5Years(int months, double rate, boolean met) {
        assertThat(triggers(Patient.infant(months).respiratoryRate(rate)).criteria().contains("respiratoryRate"))
                .isEqualTo(met);
    }

    @Test
    void under5YearsTheRateIsReadByImciNotByTheseCriteria() {
        // 80/min at 30 months: IMCI fast breathing, not a call criterion; the rate alone is no input here
        Assessment assessment = engine.assess(Patient.infant(30).respiratoryRate(80).build());
        assertThat(assessment.paediatricTriggers()).isNull();
        assertThat(assessment.imci().fastBreathing()).isTrue();
    }

    @ParameterizedTest(name = "SpO2 {0}: {1}")
    @CsvSource({"89, true", "90, false", "89.5, false", "89.4, true"})
    void oxygenSaturationBelow90AtAnyAge(double spo2, boolean met) {
        for (int months : new int[] {1, 100}) {
            assertThat(triggers(Patient.infant(months).oxygenSaturation(spo2)).triggered()).isEqualTo(met);
        }
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource({"ALERT, false", "CONFUSION, true", "VOICE, true", "PAIN, true", "UNRESPONSIVE, true"})
    void consciousnessOtherThanAlert(Consciousness consciousness, boolean met) {
        assertThat(triggers(Patient.child(7).consciousness(consciousness)).triggered()).isEqualTo(met);
    }

    @Test
    void oneCriterionIsAPaediatricEmergency() {
        Assessment assessment = engine.assess(Patient.child(13).heartRate(131).requesting(Specialty.CARDIOLOGY).build());
        assertThat(assessment.urgency()).isEqualTo(Urgency.EMERGENCY);
        assertThat(assessment.specialty()).isEqualTo(Specialty.PEDIATRICS);
    }

    @Test
    void incompleteCriteriaAreNeverReadAsNormal() {
        Assessment assessment = engine.assess(Patient.child(8).heartRate(100).build());
        assertThat(assessment.paediatricTriggers()).isEqualTo(new PaediatricTriggers(AgeBand.YEARS_5_TO_12, false,
                java.util.List.of(), false));
        assertThat(assessment.findings()).extracting(Assessment.Finding::code).contains("PAEDIATRIC_INCOMPLETE");
        assertThat(triggers(Patient.child(8))).isNull();
    }
}
