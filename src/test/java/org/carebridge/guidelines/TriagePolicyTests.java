package org.carebridge.guidelines;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;

import org.carebridge.clinical.Consciousness;
import org.carebridge.clinical.ImciDangerSign;
import org.carebridge.clinical.Sex;
import org.carebridge.directory.Specialty;
import org.carebridge.guidelines.Assessment.BloodPressure;
import org.carebridge.guidelines.Assessment.Curb65;
import org.carebridge.guidelines.Assessment.Glycemia;
import org.carebridge.guidelines.Assessment.News2;
import org.carebridge.guidelines.Assessment.Qsofa;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The triage policy of the spec, the first line that holds wins: IMCI danger sign; qSOFA 2 or more, NEWS2
 * high or hypertensive crisis; NEWS2 medium or low-medium; CURB-65 3 or more; CURB-65 2; stage 2; diabetes;
 * otherwise routine for the specialty asked for, or general practice.
 */
class TriagePolicyTests {

    private static Guidelines engine;

    @BeforeAll
    static void compileTheRules() {
        engine = CompiledRules.guidelines();
    }

    private static Assessment assess(Patient patient) {
        return engine.assess(patient.build());
    }

    private static void assertTriage(Assessment assessment, Urgency urgency, Specialty specialty) {
        assertThat(assessment.urgency()).isEqualTo(urgency);
        assertThat(assessment.specialty()).isEqualTo(specialty);
    }

    // ---- each line alone

    @Test
    void anImciDangerSignIsAnEmergencyForPaediatrics() {
        assertTriage(assess(Patient.child(2).imciDangerSigns(ImciDangerSign.CONVULSIONS)), Urgency.EMERGENCY,
                Specialty.PEDIATRICS);
    }

    @Test
    void aPositiveQsofaIsAnEmergencyForEmergencyMedicine() {
        // NEWS2 of the same two values is 2 + 2 = 4, low: only qSOFA makes it an emergency
        Assessment assessment = assess(Patient.adult().suspected(SuspectedCondition.INFECTION)
                .respiratoryRate(22).systolicBp(100));
        assertThat(assessment.qsofa().score()).isEqualTo(2);
        assertThat(assessment.news2().risk()).isEqualTo(News2.Risk.LOW);
        assertTriage(assessment, Urgency.EMERGENCY, Specialty.EMERGENCY_MEDICINE);
    }

    @Test
    void aQsofaOf1IsNotAnEmergency() {
        assertTriage(assess(Patient.adult().suspected(SuspectedCondition.INFECTION).respiratoryRate(22).systolicBp(101)),
                Urgency.ROUTINE, Specialty.GENERAL_PRACTICE);
    }

    @Test
    void qsofaCriteriaWithoutSuspectedInfectionDoNotCount() {
        Assessment assessment = assess(Patient.adult().respiratoryRate(22).systolicBp(100));
        assertThat(assessment.qsofa().applicable()).isFalse();
        assertTriage(assessment, Urgency.ROUTINE, Specialty.GENERAL_PRACTICE);
    }

    @Test
    void aHighNews2IsAnEmergencyForEmergencyMedicine() {
        Assessment assessment = assess(Patient.adult().respiratoryRate(25).heartRate(135).onSupplementalOxygen(true));
        assertThat(assessment.news2().risk()).isEqualTo(News2.Risk.HIGH);
        assertTriage(assessment, Urgency.EMERGENCY, Specialty.EMERGENCY_MEDICINE);
    }

    @Test
    void aHypertensiveCrisisIsAnEmergencyForEmergencyMedicine() {
        assertTriage(assess(Patient.adult().bloodPressure(150, 121)), Urgency.EMERGENCY, Specialty.EMERGENCY_MEDICINE);
    }

    @Test
    void aMediumNews2IsUrgentForInternalMedicine() {
        Assessment assessment = assess(Patient.adult().respiratoryRate(22).heartRate(115).temperature(38.5));
        assertThat(assessment.news2().risk()).isEqualTo(News2.Risk.MEDIUM);
        assertTriage(assessment, Urgency.URGENT, Specialty.INTERNAL_MEDICINE);
    }

    @Test
    void aLowMediumNews2IsUrgentForInternalMedicine() {
        Assessment assessment = assess(Patient.adult().temperature(35.0));
        assertThat(assessment.news2().risk()).isEqualTo(News2.Risk.LOW_MEDIUM);
        assertTriage(assessment, Urgency.URGENT, Specialty.INTERNAL_MEDICINE);
    }

    @Test
    void aLowNews2OfFourIsRoutine() {
        Assessment assessment = assess(Patient.adult().respiratoryRate(22).heartRate(115));
        assertThat(assessment.news2()).extracting(News2::score, News2::risk).containsExactly(4, News2.Risk.LOW);
        assertTriage(assessment, Urgency.ROUTINE, Specialty.GENERAL_PRACTICE);
    }

    @Test
    void aSevereCurb65IsUrgentForPulmonology() {
        // urea, age and diastolic: no qSOFA criterion and no NEWS2 point
        Assessment assessment = assess(Patient.adult().age(70).suspected(SuspectedCondition.PNEUMONIA).bloodUrea(8.0)
                .bloodPressure(120, 55));
        assertThat(assessment.curb65().score()).isEqualTo(3);
        assertThat(assessment.news2().risk()).isEqualTo(News2.Risk.LOW);
        assertTriage(assessment, Urgency.URGENT, Specialty.PULMONOLOGY);
    }

    @Test
    void aModerateCurb65IsSoonForPulmonology() {
        Assessment assessment = assess(Patient.adult().age(70).suspected(SuspectedCondition.PNEUMONIA).bloodUrea(8.0)
                .bloodPressure(120, 75));
        assertThat(assessment.curb65().score()).isEqualTo(2);
        assertTriage(assessment, Urgency.SOON, Specialty.PULMONOLOGY);
    }

    @Test
    void aLowCurb65IsRoutine() {
        assertTriage(assess(Patient.adult().age(70).suspected(SuspectedCondition.PNEUMONIA).bloodPressure(120, 75)),
                Urgency.ROUTINE, Specialty.GENERAL_PRACTICE);
    }

    @Test
    void stage2HypertensionIsSoonForCardiology() {
        assertTriage(assess(Patient.adult().bloodPressure(140, 80)), Urgency.SOON, Specialty.CARDIOLOGY);
    }

    @Test
    void diabetesIsSoonForEndocrinology() {
        assertTriage(assess(Patient.adult().hba1c(6.5)), Urgency.SOON, Specialty.ENDOCRINOLOGY);
    }

    // ---- the order of the lines

    @Test
    void aChildWithADangerSignIsAPaediatricEmergencyAndNeverReadByQsofa() {
        Assessment assessment = assess(Patient.child(3).imciDangerSigns(ImciDangerSign.UNABLE_TO_DRINK)
                .suspected(SuspectedCondition.INFECTION).respiratoryRate(40).consciousness(Consciousness.VOICE)
                .bloodPressure(85, 50));
        assertThat(assessment.qsofa().applicable()).isFalse();
        assertTriage(assessment, Urgency.EMERGENCY, Specialty.PEDIATRICS);
    }

    @Test
    void anImciDangerSignBeatsAHypertensiveCrisis() {
        assertTriage(assess(Patient.child(4).imciDangerSigns(ImciDangerSign.CONVULSIONS).bloodPressure(190, 100)),
                Urgency.EMERGENCY, Specialty.PEDIATRICS);
    }

    @Test
    void aPositiveQsofaBeatsAMediumNews2() {
        // RR 22 (2), SBP 100 (2): NEWS2 4 + pulse 95 (1) = 5; qSOFA 2
        Assessment assessment = assess(Patient.adult().suspected(SuspectedCondition.INFECTION).respiratoryRate(22)
                .systolicBp(100).heartRate(95));
        assertThat(assessment.news2().risk()).isEqualTo(News2.Risk.MEDIUM);
        assertThat(assessment.qsofa().positive()).isTrue();
        assertTriage(assessment, Urgency.EMERGENCY, Specialty.EMERGENCY_MEDICINE);
    }

    @Test
    void aHighNews2BeatsASevereCurb65() {
        // CURB-65 from urea, age and diastolic (no qSOFA point); NEWS2 from SpO2 3, oxygen 2, pulse 3
        Assessment assessment = assess(Patient.adult().age(70).suspected(SuspectedCondition.PNEUMONIA).bloodUrea(8.0)
                .bloodPressure(120, 55).consciousness(Consciousness.ALERT).respiratoryRate(18)
                .oxygenSaturation(85).onSupplementalOxygen(true).heartRate(135));
        assertThat(assessment.curb65().score()).isEqualTo(3);
        assertThat(assessment.qsofa().score()).isZero();
        assertThat(assessment.news2().risk()).isEqualTo(News2.Risk.HIGH);
        assertTriage(assessment, Urgency.EMERGENCY, Specialty.EMERGENCY_MEDICINE);
    }

    @Test
    void aHypertensiveCrisisBeatsAMediumNews2() {
        Assessment assessment = assess(Patient.adult().respiratoryRate(25).onSupplementalOxygen(true).bloodPressure(200, 100));
        assertThat(assessment.news2().risk()).isEqualTo(News2.Risk.MEDIUM);
        assertTriage(assessment, Urgency.EMERGENCY, Specialty.EMERGENCY_MEDICINE);
    }

    @Test
    void aLowMediumNews2BeatsASevereCurb65() {
        // consciousness VOICE scores 3 in NEWS2 and 1 in CURB-65 and qSOFA; qSOFA stays at 1
        Assessment assessment = assess(Patient.adult().age(70).suspected(SuspectedCondition.PNEUMONIA).bloodUrea(8.0)
                .consciousness(Consciousness.VOICE).bloodPressure(150, 95).respiratoryRate(18));
        assertThat(assessment.curb65().score()).isEqualTo(3);
        assertThat(assessment.qsofa().score()).isEqualTo(1);
        assertThat(assessment.news2().risk()).isEqualTo(News2.Risk.LOW_MEDIUM);
        assertTriage(assessment, Urgency.URGENT, Specialty.INTERNAL_MEDICINE);
    }

    @Test
    void aSevereCurb65BeatsStage2AndDiabetes() {
        Assessment assessment = assess(Patient.adult().age(70).suspected(SuspectedCondition.PNEUMONIA).bloodUrea(8.0)
                .bloodPressure(150, 60).hba1c(9.0));
        assertThat(assessment.curb65().score()).isEqualTo(3);
        assertThat(assessment.bloodPressure().category()).isEqualTo(BloodPressure.Category.STAGE_2);
        assertTriage(assessment, Urgency.URGENT, Specialty.PULMONOLOGY);
    }

    @Test
    void aModerateCurb65BeatsStage2Hypertension() {
        Assessment assessment = assess(Patient.adult().age(70).suspected(SuspectedCondition.PNEUMONIA).bloodUrea(8.0)
                .bloodPressure(150, 95));
        assertThat(assessment.curb65().score()).isEqualTo(2);
        assertThat(assessment.bloodPressure().category()).isEqualTo(BloodPressure.Category.STAGE_2);
        assertTriage(assessment, Urgency.SOON, Specialty.PULMONOLOGY);
    }

    @Test
    void stage2HypertensionBeatsDiabetes() {
        assertTriage(assess(Patient.adult().bloodPressure(150, 95).fastingPlasmaGlucose(9.0)), Urgency.SOON,
                Specialty.CARDIOLOGY);
    }

    @Test
    void aCurb65OutOfScopeDoesNotTriage() {
        // the same urea, age and diastolic as a CURB-65 of 3, but only infection suspected
        assertTriage(assess(Patient.adult().age(70).suspected(SuspectedCondition.INFECTION).bloodUrea(8.0)
                .bloodPressure(120, 55)), Urgency.ROUTINE, Specialty.GENERAL_PRACTICE);
    }

    // ---- the specialty asked for

    @ParameterizedTest(name = "{0}")
    @EnumSource(Specialty.class)
    void aRoutineReferralGoesToTheSpecialtyAskedFor(Specialty requested) {
        assertTriage(assess(Patient.adultWithNormalVitalSigns().requesting(requested)), Urgency.ROUTINE, requested);
    }

    @Test
    void aRoutineReferralWithoutASpecialtyGoesToGeneralPractice() {
        assertTriage(assess(Patient.adultWithNormalVitalSigns()), Urgency.ROUTINE, Specialty.GENERAL_PRACTICE);
        assertTriage(engine.assess(new AssessmentRequest(null, null, null, null, null, null, null, Observations.none())),
                Urgency.ROUTINE, Specialty.GENERAL_PRACTICE);
    }

    @Test
    void theSpecialtyAskedForDoesNotOverrideAnEarlierLine() {
        assertTriage(assess(Patient.adult().hba1c(7.0).requesting(Specialty.DERMATOLOGY)), Urgency.SOON,
                Specialty.ENDOCRINOLOGY);
        assertTriage(assess(Patient.adult().bloodPressure(150, 95).requesting(Specialty.DERMATOLOGY)), Urgency.SOON,
                Specialty.CARDIOLOGY);
        assertTriage(assess(Patient.adult().temperature(34.0).requesting(Specialty.DERMATOLOGY)), Urgency.URGENT,
                Specialty.INTERNAL_MEDICINE);
        assertTriage(assess(Patient.child(1).imciDangerSigns(ImciDangerSign.CONVULSIONS).requesting(Specialty.OBSTETRICS)),
                Urgency.EMERGENCY, Specialty.PEDIATRICS);
    }

    // ---- the example request of the spec, worked out from the tables

    @Test
    void theExampleRequestOfTheSpecIsAnEmergencyBecauseOfNews2() {
        AssessmentRequest request = new AssessmentRequest(70, null, Sex.FEMALE, false, false,
                Set.of(SuspectedCondition.INFECTION, SuspectedCondition.PNEUMONIA), Specialty.CARDIOLOGY,
                new Observations(22.0, 95.0, false, 105.0, 70.0, 112.0, Consciousness.ALERT, 38.6, 8.1, 7.2, 6.8, 12.0,
                        true, java.util.List.of(ImciDangerSign.CONVULSIONS)));
        Assessment assessment = engine.assess(request);
        // RR 22: 2, SpO2 95: 1, air: 0, SBP 105: 1, pulse 112: 2, alert: 0, 38.6 °C: 1
        assertThat(assessment.news2()).isEqualTo(new News2(true, null, 7, News2.Risk.HIGH, true, java.util.Map.of(
                "respiratoryRate", 2, "oxygenSaturation", 1, "onSupplementalOxygen", 0, "systolicBp", 1,
                "heartRate", 2, "consciousness", 0, "temperature", 1)));
        assertThat(assessment.qsofa()).isEqualTo(new Qsofa(true, null, 1, false, true));
        // urea 8.1 and age 70
        assertThat(assessment.curb65()).isEqualTo(new Curb65(true, null, 2, Curb65.Risk.MODERATE, true));
        assertThat(assessment.bloodPressure()).isEqualTo(new BloodPressure(BloodPressure.Category.NORMAL));
        assertThat(assessment.glycemia()).isEqualTo(new Glycemia(Glycemia.Status.DIABETES));
        assertThat(assessment.imci()).isNull();
        assertTriage(assessment, Urgency.EMERGENCY, Specialty.EMERGENCY_MEDICINE);
        assertThat(assessment.rulesetVersion()).isNotBlank().isEqualTo(engine.rulesetVersion());
    }

    // ---- findings

    @Test
    void everyFindingNamesItsGuidelineAndItsRule() {
        Assessment assessment = assess(Patient.adult().age(70).suspected(SuspectedCondition.INFECTION, SuspectedCondition.PNEUMONIA)
                .respiratoryRate(24).oxygenSaturation(93).onSupplementalOxygen(true).bloodPressure(150, 95).heartRate(115)
                .consciousness(Consciousness.CONFUSION).temperature(38.9).bloodUrea(9.0).hba1c(6.0));
        assertThat(assessment.findings()).isNotEmpty().allSatisfy(f -> {
            assertThat(f.guideline()).isNotBlank();
            assertThat(f.rule()).isNotBlank();
            assertThat(f.code()).isNotBlank();
        });
        assertThat(assessment.findings()).extracting(Assessment.Finding::guideline)
                .anyMatch(g -> g.contains("NEWS2"))
                .anyMatch(g -> g.contains("qSOFA"))
                .anyMatch(g -> g.contains("CURB-65"))
                .anyMatch(g -> g.contains("ACC/AHA"))
                .anyMatch(g -> g.contains("ADA"));
    }

    @Test
    void theTriageDecisionIsExplained() {
        Assessment assessment = assess(Patient.adult().hba1c(7.0));
        assertThat(assessment.findings()).anySatisfy(f -> {
            assertThat(f.guideline()).containsIgnoringCase("triage");
            assertThat(f.code()).isEqualTo("TRIAGE_DIABETES");
            assertThat(f.parameters()).containsEntry("urgency", "SOON").containsEntry("specialty", "ENDOCRINOLOGY");
            assertThat(engine.message(f, java.util.Locale.ENGLISH)).isEqualTo("Diabetes range: soon, endocrinology.");
            assertThat(engine.message(f, java.util.Locale.CHINESE)).isEqualTo("达到糖尿病标准：尽快，内分泌科。");
        });
    }
}
