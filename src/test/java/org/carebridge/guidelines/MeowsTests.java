package org.carebridge.guidelines;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.carebridge.clinical.Consciousness;
import org.carebridge.directory.Specialty;
import org.carebridge.guidelines.Assessment.Meows;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The maternal early warning score (MEOWS, Singh et al. 2012) at every band edge, on both sides: which
 * parameter is red, which yellow, the trigger (one red or two yellows), and what the triage makes of it.
 */
class MeowsTests {

    private static Guidelines engine;

    @BeforeAll
    static void compileTheRules() {
        engine = CompiledRules.guidelines();
    }

    private static Meows meows(Patient patient) {
        return engine.assess(patient.build()).meows();
    }

    /** The band a single recorded value falls in: RED, YELLOW or NONE. */
    private static String band(Meows meows, String parameter) {
        return meows.red().contains(parameter) ? "RED" : meows.yellow().contains(parameter) ? "YELLOW" : "NONE";
    }

    @ParameterizedTest(name = "temperature {0} °C: {1}")
    @CsvSource({"34.9, RED", "35.0, YELLOW", "36.0, YELLOW", "36.1, NONE", "38.0, NONE", "38.1, RED",
            "36.04, YELLOW", "36.05, NONE", "38.04, NONE", "38.05, RED"})
    void temperature(double value, String expected) {
        assertThat(band(meows(Patient.pregnantWoman().temperature(value)), "temperature")).isEqualTo(expected);
    }

    @ParameterizedTest(name = "systolic {0}: {1}")
    @CsvSource({"89, RED", "90, YELLOW", "100, YELLOW", "101, NONE", "149, NONE", "150, YELLOW", "160, YELLOW",
            "161, RED", "89.4, RED", "89.5, YELLOW", "100.4, YELLOW", "100.5, NONE"})
    void systolic(double value, String expected) {
        assertThat(band(meows(Patient.pregnantWoman().systolicBp(value)), "systolicBp")).isEqualTo(expected);
    }

    @ParameterizedTest(name = "diastolic {0}: {1}")
    @CsvSource({"89, NONE", "90, YELLOW", "100, YELLOW", "101, RED", "40, NONE"})
    void diastolic(double value, String expected) {
        assertThat(band(meows(Patient.pregnantWoman().diastolicBp(value)), "diastolicBp")).isEqualTo(expected);
    }

    @ParameterizedTest(name = "pulse {0}: {1}")
    @CsvSource({"39, RED", "40, YELLOW", "50, YELLOW", "51, NONE", "99, NONE", "100, YELLOW", "120, YELLOW",
            "121, RED", "120.4, YELLOW", "120.5, RED"})
    void pulse(double value, String expected) {
        assertThat(band(meows(Patient.pregnantWoman().heartRate(value)), "heartRate")).isEqualTo(expected);
    }

    @ParameterizedTest(name = "respiration {0}: {1}")
    @CsvSource({"9, RED", "10, NONE", "20, NONE", "21, YELLOW", "30, YELLOW", "31, RED"})
    void respiration(double value, String expected) {
        assertThat(band(meows(Patient.pregnantWoman().respiratoryRate(value)), "respiratoryRate")).isEqualTo(expected);
    }

    @ParameterizedTest(name = "SpO2 {0}: {1}")
    @CsvSource({"94, RED", "95, NONE", "100, NONE", "94.5, NONE", "94.4, RED"})
    void oxygenSaturation(double value, String expected) {
        assertThat(band(meows(Patient.pregnantWoman().oxygenSaturation(value)), "oxygenSaturation")).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource({"ALERT, NONE", "CONFUSION, YELLOW", "VOICE, YELLOW", "PAIN, RED", "UNRESPONSIVE, RED"})
    void consciousness(Consciousness value, String expected) {
        assertThat(band(meows(Patient.pregnantWoman().consciousness(value)), "consciousness")).isEqualTo(expected);
    }

    @Test
    void oneRedTriggersAndIsAnObstetricEmergency() {
        Assessment assessment = engine.assess(Patient.pregnantWoman().oxygenSaturation(94).build());
        assertThat(assessment.meows()).isEqualTo(new Meows(List.of("oxygenSaturation"), List.of(), true, false));
        assertThat(assessment.urgency()).isEqualTo(Urgency.EMERGENCY);
        assertThat(assessment.specialty()).isEqualTo(Specialty.OBSTETRICS);
    }

    @Test
    void twoYellowsTriggerAndAreUrgentForObstetrics() {
        Assessment assessment = engine.assess(Patient.pregnantWoman().respiratoryRate(22).heartRate(105).build());
        assertThat(assessment.meows().triggered()).isTrue();
        assertThat(assessment.meows().yellow()).containsExactly("heartRate", "respiratoryRate");
        assertThat(assessment.urgency()).isEqualTo(Urgency.URGENT);
        assertThat(assessment.specialty()).isEqualTo(Specialty.OBSTETRICS);
    }

    @Test
    void oneYellowDoesNotTriggerAndThePregnantWomanIsSeenRoutinelyByObstetrics() {
        Assessment assessment = engine.assess(Patient.pregnantWoman().respiratoryRate(22).heartRate(80)
                .temperature(37.0).systolicBp(115).diastolicBp(70).oxygenSaturation(98)
                .consciousness(Consciousness.ALERT).build());
        assertThat(assessment.meows()).isEqualTo(new Meows(List.of(), List.of("respiratoryRate"), false, true));
        assertThat(assessment.urgency()).isEqualTo(Urgency.ROUTINE);
        assertThat(assessment.specialty()).isEqualTo(Specialty.OBSTETRICS);
    }

    @Test
    void notPregnantOrNothingRecordedIsNoMeows() {
        assertThat(meows(Patient.adult().sex(org.carebridge.clinical.Sex.FEMALE).oxygenSaturation(90))).isNull();
        Assessment nothing = engine.assess(Patient.pregnantWoman().build());
        assertThat(nothing.meows()).isNull();
        assertThat(nothing.findings()).extracting(Assessment.Finding::code).doesNotContain("MEOWS_NOT_TRIGGERED")
                .contains("NOTHING_RECORDED");
    }

    @Test
    void anIncompleteMeowsSaysSo() {
        Assessment assessment = engine.assess(Patient.pregnantWoman().heartRate(80).build());
        assertThat(assessment.meows().complete()).isFalse();
        assertThat(assessment.findings()).anySatisfy(f -> {
            assertThat(f.code()).isEqualTo("MEOWS_INCOMPLETE");
            assertThat(f.parameters()).containsEntry("recorded", 1);
        });
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = Specialty.class, names = {"CARDIOLOGY", "DERMATOLOGY"})
    void aTriggeredMeowsOutranksTheSpecialtyAskedFor(Specialty asked) {
        Assessment assessment = engine.assess(Patient.pregnantWoman().systolicBp(170).requesting(asked).build());
        assertThat(assessment.urgency()).isEqualTo(Urgency.EMERGENCY);
        assertThat(assessment.specialty()).isEqualTo(Specialty.OBSTETRICS);
    }
}
