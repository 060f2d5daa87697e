package org.carebridge.patients;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.carebridge.shared.InvalidRequestException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class ObservationValuesTests {

    private static final ObjectMapper JSON = new ObjectMapper();

    @ParameterizedTest(name = "{0} = {1} is plausible: {2}")
    @CsvSource({
            "TEMPERATURE, 25, true", "TEMPERATURE, 24.99, false", "TEMPERATURE, 45, true", "TEMPERATURE, 45.01, false",
            "TEMPERATURE, 98.6, false",
            "RESPIRATORY_RATE, 0, true", "RESPIRATORY_RATE, 80, true", "RESPIRATORY_RATE, 81, false",
            "OXYGEN_SATURATION, 100, true", "OXYGEN_SATURATION, 100.01, false",
            "SYSTOLIC_BP, 30, true", "SYSTOLIC_BP, 29, false", "SYSTOLIC_BP, 300, true", "SYSTOLIC_BP, 301, false",
            "DIASTOLIC_BP, 10, true", "DIASTOLIC_BP, 9, false", "DIASTOLIC_BP, 200, true", "DIASTOLIC_BP, 201, false",
            "HEART_RATE, 300, true", "HEART_RATE, 301, false", "HEART_RATE, -1, false",
            "BLOOD_UREA, 100, true", "BLOOD_UREA, 100.5, false",
            "FASTING_PLASMA_GLUCOSE, 60, true", "FASTING_PLASMA_GLUCOSE, 60.1, false",
            "HBA1C, 2, true", "HBA1C, 1.9, false", "HBA1C, 25, true", "HBA1C, 25.1, false"})
    void numbersOutsideThePlausibleRangeAreEntryErrors(ObservationType type, String value, boolean plausible) {
        JsonNode node = JSON.getNodeFactory().numberNode(new BigDecimal(value));
        if (plausible) {
            assertThat(ObservationValues.read(type, node).number()).isEqualByComparingTo(value);
        } else {
            assertThatThrownBy(() -> ObservationValues.read(type, node))
                    .isInstanceOfSatisfying(InvalidRequestException.class,
                            e -> assertThat(e.errors().get(0).field()).isEqualTo("value"));
        }
    }

    @Test
    void numbersKeepAtMostTwoDecimals() {
        assertThat(ObservationValues.read(ObservationType.TEMPERATURE, json("38.25")).number()).isEqualByComparingTo("38.25");
        assertThatThrownBy(() -> ObservationValues.read(ObservationType.TEMPERATURE, json("38.255")))
                .hasMessageContaining("invalid");
    }

    @Test
    void eachKindTakesOnlyItsOwnJsonType() {
        assertThatThrownBy(() -> ObservationValues.read(ObservationType.HEART_RATE, json("\"90\"")))
                .isInstanceOf(InvalidRequestException.class);
        assertThatThrownBy(() -> ObservationValues.read(ObservationType.SUPPLEMENTAL_OXYGEN, json("1")))
                .isInstanceOf(InvalidRequestException.class);
        assertThat(ObservationValues.read(ObservationType.SUPPLEMENTAL_OXYGEN, json("true")).text()).isEqualTo("true");
        assertThat(ObservationValues.read(ObservationType.CONSCIOUSNESS, json("\"VOICE\"")).text()).isEqualTo("VOICE");
        assertThatThrownBy(() -> ObservationValues.read(ObservationType.CONSCIOUSNESS, json("\"ASLEEP\"")))
                .isInstanceOf(InvalidRequestException.class);
    }

    @Test
    void dangerSignsAreASetWhoseBadEntriesAreNamedByIndex() {
        assertThat(ObservationValues.read(ObservationType.IMCI_DANGER_SIGNS, json("[]")).text()).isEmpty();
        assertThat(ObservationValues.read(ObservationType.IMCI_DANGER_SIGNS,
                json("[\"CONVULSIONS\", \"UNABLE_TO_DRINK\", \"CONVULSIONS\"]")).text())
                .isEqualTo("UNABLE_TO_DRINK,CONVULSIONS");
        assertThatThrownBy(() -> ObservationValues.read(ObservationType.IMCI_DANGER_SIGNS, json("[\"CONVULSIONS\", \"COUGH\"]")))
                .isInstanceOfSatisfying(InvalidRequestException.class,
                        e -> assertThat(e.errors()).extracting(f -> f.field()).containsExactly("value[1]"));
    }

    @Test
    void anObservationCannotBeTakenInTheFutureOrBeforeBirth() {
        Instant now = Instant.parse("2026-06-01T10:00:00Z");
        LocalDate born = LocalDate.of(2020, 1, 1);
        ObservationValues.checkEffectiveAt(now.plus(4, ChronoUnit.MINUTES), now, born);
        assertThatThrownBy(() -> ObservationValues.checkEffectiveAt(now.plus(6, ChronoUnit.MINUTES), now, born))
                .hasMessageContaining("invalid");
        assertThatThrownBy(() -> ObservationValues.checkEffectiveAt(Instant.parse("2019-12-01T00:00:00Z"), now, born))
                .isInstanceOf(InvalidRequestException.class);
    }

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }
}
