package org.carebridge.guidelines;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.Set;

import org.carebridge.clinical.Consciousness;
import org.carebridge.guidelines.Assessment.Qsofa;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * qSOFA (Sepsis-3), only with suspected infection or pneumonia: respiratory rate 22 or more, consciousness
 * not alert, systolic 100 or less, one point each; positive at 2.
 */
class QsofaTests {

    private static Guidelines engine;

    @BeforeAll
    static void compileTheRules() {
        engine = CompiledRules.guidelines();
    }

    /** Suspected infection, every criterion measured and none met. */
    private static Patient infectedWithoutCriteria() {
        return Patient.adult().suspected(SuspectedCondition.INFECTION)
                .respiratoryRate(16).consciousness(Consciousness.ALERT).systolicBp(120);
    }

    private static Qsofa qsofa(Patient patient) {
        return engine.assess(patient.build()).qsofa();
    }

    @ParameterizedTest(name = "respiration rate {0}/min scores {1}")
    @CsvSource({"0, 0", "21, 0", "22, 1", "80, 1"})
    void aRespirationRateOf22OrMoreScoresAPoint(double respiratoryRate, int points) {
        Qsofa qsofa = qsofa(infectedWithoutCriteria().respiratoryRate(respiratoryRate));
        assertThat(qsofa).isEqualTo(new Qsofa(true, null, points, false, true));
    }

    @ParameterizedTest(name = "systolic {0} mmHg scores {1}")
    @CsvSource({"30, 1", "100, 1", "100.5, 0", "101, 0", "300, 0"})
    void aSystolicOf100OrLessScoresAPoint(double systolic, int points) {
        Qsofa qsofa = qsofa(infectedWithoutCriteria().systolicBp(systolic));
        assertThat(qsofa).isEqualTo(new Qsofa(true, null, points, false, true));
    }

    @ParameterizedTest(name = "consciousness {0}")
    @EnumSource(Consciousness.class)
    void alteredMentationScoresAPoint(Consciousness consciousness) {
        Qsofa qsofa = qsofa(infectedWithoutCriteria().consciousness(consciousness));
        assertThat(qsofa.score()).isEqualTo(consciousness == Consciousness.ALERT ? 0 : 1);
    }

    @ParameterizedTest(name = "RR {0}, {1}, SBP {2}: qSOFA {3}, positive {4}")
    @CsvSource({
            "21, ALERT, 101, 0, false",
            "22, ALERT, 101, 1, false",
            "21, CONFUSION, 101, 1, false",
            "21, ALERT, 100, 1, false",
            "22, CONFUSION, 101, 2, true",
            "22, ALERT, 100, 2, true",
            "21, VOICE, 100, 2, true",
            "30, UNRESPONSIVE, 80, 3, true"})
    void twoOrMorePointsArePositive(double rr, Consciousness consciousness, double systolic, int score, boolean positive) {
        Qsofa qsofa = qsofa(Patient.adult().suspected(SuspectedCondition.INFECTION)
                .respiratoryRate(rr).consciousness(consciousness).systolicBp(systolic));
        assertThat(qsofa).isEqualTo(new Qsofa(true, null, score, positive, true));
    }

    // ---- scope

    @Test
    void qsofaIsNotUsedWithoutSuspectedConditions() {
        Qsofa expected = new Qsofa(false, "no suspected infection", null, null, null);
        assertThat(qsofa(infectedWithoutCriteria().respiratoryRate(30).systolicBp(80).suspectedConditions(null)))
                .isEqualTo(expected);
        assertThat(qsofa(infectedWithoutCriteria().respiratoryRate(30).systolicBp(80).suspected()))
                .isEqualTo(expected);
    }

    @ParameterizedTest(name = "suspected {0}")
    @CsvSource({"INFECTION", "PNEUMONIA"})
    void qsofaIsUsedWithEitherSuspectedInfectionOrPneumonia(SuspectedCondition condition) {
        Qsofa qsofa = qsofa(infectedWithoutCriteria().respiratoryRate(30).systolicBp(80).suspected(condition));
        assertThat(qsofa).isEqualTo(new Qsofa(true, null, 2, true, true));
    }

    @Test
    void qsofaIsUsedWithBothSuspected() {
        Qsofa qsofa = qsofa(infectedWithoutCriteria().respiratoryRate(30)
                .suspectedConditions(EnumSet.allOf(SuspectedCondition.class)));
        assertThat(qsofa).isEqualTo(new Qsofa(true, null, 1, false, true));
    }

    @Test
    void qsofaIsForAdultsAndForUnknownAgesOnly() {
        for (int age : new int[] {3, 15}) {
            assertThat(qsofa(infectedWithoutCriteria().respiratoryRate(30).systolicBp(80).age(age)))
                    .isEqualTo(new Qsofa(false, "under 16 years", null, null, null));
        }
        assertThat(qsofa(infectedWithoutCriteria().respiratoryRate(30).systolicBp(80).age(16)).score()).isEqualTo(2);
        assertThat(qsofa(infectedWithoutCriteria().respiratoryRate(30).systolicBp(80).age(null)).score()).isEqualTo(2);
    }

    // ---- missing parameters

    @Test
    void withoutTheRespirationRateTheScoreIsIncompleteAndGivesThePartialSum() {
        Qsofa qsofa = qsofa(infectedWithoutCriteria().respiratoryRate((Double) null)
                .consciousness(Consciousness.VOICE).systolicBp(95));
        assertThat(qsofa).isEqualTo(new Qsofa(true, null, 2, true, false));
    }

    @Test
    void withoutConsciousnessTheScoreIsIncomplete() {
        assertThat(qsofa(infectedWithoutCriteria().consciousness(null).respiratoryRate(25)))
                .isEqualTo(new Qsofa(true, null, 1, false, false));
    }

    @Test
    void withoutSystolicTheScoreIsIncomplete() {
        assertThat(qsofa(infectedWithoutCriteria().systolicBp((Double) null)))
                .isEqualTo(new Qsofa(true, null, 0, false, false));
    }

    @Test
    void withNothingMeasuredTheScoreIsZeroAndIncomplete() {
        Qsofa qsofa = engine.assess(new AssessmentRequest(null, null, null, null, null,
                Set.of(SuspectedCondition.INFECTION), null, Observations.none())).qsofa();
        assertThat(qsofa).isEqualTo(new Qsofa(true, null, 0, false, false));
    }

    // ---- findings

    @Test
    void eachCriterionMetAndTheResultAreExplainedByQsofaFindings() {
        Assessment assessment = engine.assess(infectedWithoutCriteria().respiratoryRate(22).systolicBp(100).build());
        assertThat(assessment.findings()).filteredOn(f -> f.guideline().contains("qSOFA"))
                .hasSizeGreaterThanOrEqualTo(3)
                .allSatisfy(f -> assertThat(f.rule()).isNotBlank());
    }

    @Test
    void qsofaOutOfScopeIsExplainedByAQsofaFinding() {
        Assessment assessment = engine.assess(Patient.adult().build());
        assertThat(assessment.findings()).anySatisfy(f -> {
            assertThat(f.guideline()).contains("qSOFA");
            assertThat(f.rule()).isNotBlank();
        });
    }
}
