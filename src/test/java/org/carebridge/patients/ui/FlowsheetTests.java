package org.carebridge.patients.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.carebridge.patients.ChartFixtures.observation;
import static org.carebridge.patients.ObservationType.CONSCIOUSNESS;
import static org.carebridge.patients.ObservationType.DIASTOLIC_BP;
import static org.carebridge.patients.ObservationType.HEART_RATE;
import static org.carebridge.patients.ObservationType.OXYGEN_SATURATION;
import static org.carebridge.patients.ObservationType.PREGNANCY_STATUS;
import static org.carebridge.patients.ObservationType.RESPIRATORY_RATE;
import static org.carebridge.patients.ObservationType.SYSTOLIC_BP;
import static org.carebridge.patients.ObservationType.TEMPERATURE;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.carebridge.guidelines.Guidelines;
import org.carebridge.patients.Observation;
import org.carebridge.patients.ObservationType;
import org.carebridge.patients.ui.Flowsheet.Band;
import org.carebridge.patients.ui.Flowsheet.Column;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class FlowsheetTests {

    private static final Instant MORNING = Instant.parse("2026-03-02T01:00:00Z");
    private static final LocalDate ADULT = LocalDate.parse("1960-05-01");
    private static Guidelines guidelines;

    @BeforeAll
    static void compileRules() {
        guidelines = Guidelines.fromClasspath();
    }

    private static List<Column> flowsheet(LocalDate born, Observation... observations) {
        return Flowsheet.of(List.of(observations), born, guidelines::assess);
    }

    private static Band band(Column column, ObservationType type) {
        return column.cells().get(type).band();
    }

    @Test
    void valuesTakenTogetherAreOneColumnAndTheNewestRoundComesFirst() {
        List<Column> columns = flowsheet(ADULT,
                observation(RESPIRATORY_RATE, 16, MORNING),
                observation(HEART_RATE, 80, MORNING.plus(Duration.ofMinutes(5))),
                observation(RESPIRATORY_RATE, 18, MORNING.plus(Duration.ofMinutes(10))),
                observation(TEMPERATURE, 37.0, MORNING.plus(Duration.ofHours(4))),
                observation(ObservationType.BLOOD_UREA, 9, MORNING.plus(Duration.ofHours(4))));

        assertThat(columns).extracting(Column::at).containsExactly(MORNING.plus(Duration.ofHours(4)),
                MORNING.plus(Duration.ofMinutes(10)), MORNING);
        assertThat(columns.get(2).cells()).containsOnlyKeys(RESPIRATORY_RATE, HEART_RATE);
        assertThat(columns.get(1).cells()).containsOnlyKeys(RESPIRATORY_RATE);
        assertThat(columns.get(0).cells()).as("labs are not vital signs").containsOnlyKeys(TEMPERATURE);
    }

    @Test
    void anAdultsValuesTakeTheColourOfTheirNews2Points() {
        Column round = flowsheet(ADULT,
                observation(RESPIRATORY_RATE, 27, MORNING),
                observation(HEART_RATE, 100, MORNING),
                observation(TEMPERATURE, 37.0, MORNING),
                observation(SYSTOLIC_BP, 130, MORNING),
                observation(DIASTOLIC_BP, 80, MORNING)).get(0);

        assertThat(band(round, RESPIRATORY_RATE)).isEqualTo(Band.RED);
        assertThat(band(round, HEART_RATE)).isEqualTo(Band.AMBER);
        assertThat(band(round, TEMPERATURE)).isEqualTo(Band.NORMAL);
        assertThat(band(round, DIASTOLIC_BP)).as("NEWS2 does not read it").isEqualTo(Band.UNSCORED);
        assertThat(round.cells()).as("not recorded is no cell, not a normal one").doesNotContainKey(OXYGEN_SATURATION);
    }

    @Test
    void aPregnantWomansValuesAreBandedByMeows() {
        Column round = flowsheet(LocalDate.parse("1997-01-01"),
                observation(PREGNANCY_STATUS, true, MORNING.minus(Duration.ofDays(30))),
                observation(SYSTOLIC_BP, 80, MORNING),
                observation(HEART_RATE, 110, MORNING),
                observation(RESPIRATORY_RATE, 16, MORNING)).get(0);

        assertThat(round.assessment().meows()).isNotNull();
        assertThat(band(round, SYSTOLIC_BP)).isEqualTo(Band.RED);
        assertThat(band(round, HEART_RATE)).isEqualTo(Band.YELLOW);
        assertThat(band(round, RESPIRATORY_RATE)).isEqualTo(Band.NORMAL);
    }

    @Test
    void aSmallChildsValuesAreBandedByTheCallCriteriaAndImciFastBreathing() {
        Column round = flowsheet(MORNING.atZone(org.carebridge.shell.Formats.ZONE).toLocalDate().minusYears(3),
                observation(HEART_RATE, 170, MORNING),
                observation(SYSTOLIC_BP, 90, MORNING),
                observation(RESPIRATORY_RATE, 45, MORNING),
                observation(CONSCIOUSNESS, "ALERT", MORNING),
                observation(TEMPERATURE, 37.0, MORNING)).get(0);

        assertThat(band(round, HEART_RATE)).isEqualTo(Band.RED);
        assertThat(band(round, SYSTOLIC_BP)).isEqualTo(Band.NORMAL);
        assertThat(band(round, RESPIRATORY_RATE)).as("IMCI fast breathing").isEqualTo(Band.YELLOW);
        assertThat(band(round, CONSCIOUSNESS)).isEqualTo(Band.NORMAL);
        assertThat(band(round, TEMPERATURE)).as("the call criteria do not read it").isEqualTo(Band.UNSCORED);
    }
}
