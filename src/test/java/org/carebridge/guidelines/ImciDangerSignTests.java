package org.carebridge.guidelines;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.carebridge.clinical.ImciDangerSign;
import org.carebridge.directory.Specialty;
import org.carebridge.guidelines.Assessment.Imci;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * IMCI general danger signs (WHO), children under 5 only: any listed sign is a danger sign, under 5 with
 * none is not, otherwise no IMCI assessment (null).
 */
class ImciDangerSignTests {

    private static Guidelines engine;

    @BeforeAll
    static void compileTheRules() {
        engine = CompiledRules.guidelines();
    }

    private static Imci imci(Patient patient) {
        return engine.assess(patient.build()).imci();
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(ImciDangerSign.class)
    void anyOneDangerSignInAChildUnder5IsADangerSign(ImciDangerSign sign) {
        assertThat(imci(Patient.child(2).imciDangerSigns(sign))).isEqualTo(new Imci(true));
    }

    @ParameterizedTest(name = "age {0}: danger sign {1}")
    @CsvSource(value = {"0, true", "4, true", "5, NIL", "6, NIL", "16, NIL", "130, NIL"}, nullValues = "NIL")
    void onlyChildrenUnder5AreAssessed(int age, Boolean dangerSign) {
        Imci imci = imci(Patient.child(age).imciDangerSigns(ImciDangerSign.CONVULSIONS));
        assertThat(imci).isEqualTo(dangerSign == null ? null : new Imci(dangerSign));
    }

    @ParameterizedTest(name = "age {0}")
    @CsvSource({"0", "4"})
    void aChildUnder5WithoutDangerSignsHasNone(int age) {
        assertThat(imci(Patient.child(age).imciDangerSigns(List.of()))).isEqualTo(new Imci(false));
        assertThat(imci(Patient.child(age).imciDangerSigns((List<ImciDangerSign>) null))).isEqualTo(new Imci(false));
    }

    @Test
    void aChildOf5WithoutDangerSignsIsNotAssessed() {
        assertThat(imci(Patient.child(5).imciDangerSigns(List.of()))).isNull();
        assertThat(imci(Patient.child(5))).isNull();
    }

    @Test
    void anUnknownAgeIsNotAssessed() {
        assertThat(imci(Patient.child(2).age(null).imciDangerSigns(ImciDangerSign.CONVULSIONS))).isNull();
    }

    @Test
    void severalOrRepeatedSignsAreOneDangerSign() {
        assertThat(imci(Patient.child(1).imciDangerSigns(ImciDangerSign.values()))).isEqualTo(new Imci(true));
        assertThat(imci(Patient.child(1).imciDangerSigns(ImciDangerSign.UNABLE_TO_DRINK, ImciDangerSign.UNABLE_TO_DRINK)))
                .isEqualTo(new Imci(true));
    }

    @Test
    void aDangerSignIsAnEmergencyForPaediatrics() {
        Assessment assessment = engine.assess(Patient.child(4).imciDangerSigns(ImciDangerSign.VOMITS_EVERYTHING)
                .requesting(Specialty.DERMATOLOGY).build());
        assertThat(assessment.urgency()).isEqualTo(Urgency.EMERGENCY);
        assertThat(assessment.specialty()).isEqualTo(Specialty.PEDIATRICS);
    }

    @Test
    void aChildOf5WithASignIsNotTriagedByImci() {
        Assessment assessment = engine.assess(Patient.child(5).imciDangerSigns(ImciDangerSign.VOMITS_EVERYTHING).build());
        assertThat(assessment.urgency()).isEqualTo(Urgency.ROUTINE);
        assertThat(assessment.specialty()).isEqualTo(Specialty.GENERAL_PRACTICE);
    }

    @Test
    void aChildUnder5WithoutDangerSignIsNotTriagedByImci() {
        Assessment assessment = engine.assess(Patient.child(4).imciDangerSigns(List.of()).build());
        assertThat(assessment.urgency()).isEqualTo(Urgency.ROUTINE);
        assertThat(assessment.specialty()).isEqualTo(Specialty.GENERAL_PRACTICE);
    }

    @Test
    void theAssessmentIsExplainedByAnImciFinding() {
        for (Patient patient : new Patient[] {Patient.child(3).imciDangerSigns(ImciDangerSign.LETHARGIC_OR_UNCONSCIOUS),
                Patient.child(3)}) {
            assertThat(engine.assess(patient.build()).findings()).filteredOn(f -> f.guideline().contains("IMCI"))
                    .isNotEmpty()
                    .allSatisfy(f -> assertThat(f.rule()).isNotBlank());
        }
    }
}
