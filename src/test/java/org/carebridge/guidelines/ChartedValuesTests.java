package org.carebridge.guidelines;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import org.carebridge.guidelines.Assessment.News2;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Values are banded as charted: whole numbers for the respiratory rate, SpO2, pressures and pulse,
 * temperature to one decimal, rounded half up; ages in years and months must agree.
 */
class ChartedValuesTests {

    private static Guidelines engine;
    private static Validator validator;

    @BeforeAll
    static void compileTheRules() {
        engine = CompiledRules.guidelines();
        validator = Validation.buildDefaultValidatorFactory().getValidator();
    }

    private static News2 news2(Patient patient) {
        return engine.assess(patient.build()).news2();
    }

    @ParameterizedTest(name = "SpO2 {0}% scores {1}")
    @CsvSource({"91.4, 3", "91.5, 2", "93.49, 2", "93.5, 1", "95.5, 0"})
    void spo2IsRoundedHalfUpToAWholeNumber(double spo2, int points) {
        assertThat(news2(Patient.adult().oxygenSaturation(spo2)).parameters()).containsEntry("oxygenSaturation", points);
    }

    @ParameterizedTest(name = "respiration {0}/min scores {1}")
    @CsvSource({"8.4, 3", "8.5, 1", "20.4, 0", "20.5, 2", "24.5, 3"})
    void theRespiratoryRateIsRoundedHalfUp(double rate, int points) {
        assertThat(news2(Patient.adult().respiratoryRate(rate)).parameters()).containsEntry("respiratoryRate", points);
    }

    @ParameterizedTest(name = "temperature {0} °C scores {1}")
    @CsvSource({"35.04, 3", "35.05, 1", "36.04, 1", "36.05, 0", "38.04, 0", "38.05, 1", "39.05, 2"})
    void temperatureIsRoundedHalfUpToOneDecimal(double temperature, int points) {
        assertThat(news2(Patient.adult().temperature(temperature)).parameters()).containsEntry("temperature", points);
    }

    @ParameterizedTest(name = "years {0}, months {1}: valid {2}")
    @CsvSource(value = {"0, 0, true", "0, 11, true", "1, 12, true", "0, 12, false", "8, 95, false", "7, 95, true",
            "NIL, 6, true", "6, NIL, true", "130, 1560, true"}, nullValues = "NIL")
    void theAgesInYearsAndMonthsMustAgree(Integer years, Integer months, boolean valid) {
        Set<ConstraintViolation<AssessmentRequest>> violations = validator.validate(new AssessmentRequest(years, months,
                null, null, null, null, null, Observations.none()));
        assertThat(violations.isEmpty()).isEqualTo(valid);
        violations.forEach(v -> assertThat(v.getPropertyPath().toString()).isEqualTo("ageMonths"));
    }

    @Test
    void theMonthsAloneGiveTheYears() {
        // 200 months is 16 years: NEWS2 applies
        assertThat(news2(Patient.adult().age(null).months(200).respiratoryRate(25)).applicable()).isTrue();
        assertThat(news2(Patient.adult().age(null).months(191).respiratoryRate(25)).applicable()).isFalse();
    }
}
