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
 * WHO IMCI (2014 chart booklet), children under 5: general danger signs (a listed sign: true; an empty
 * list: none found, false; no list: not assessed, null) and fast breathing by the age in completed months
 * (under 2 months 60 or more, 2-11 months 50 or more, 12-59 months 40 or more), on both sides of every edge.
 */
class ImciTests {

    private static Guidelines engine;

    @BeforeAll
    static void compileTheRules() {
        engine = CompiledRules.guidelines();
    }

    private static Imci imci(Patient patient) {
        return engine.assess(patient.build()).imci();
    }

    private static Assessment assess(Patient patient) {
        return engine.assess(patient.build());
    }

    // ---- danger signs

    @ParameterizedTest(name = "{0}")
    @EnumSource(ImciDangerSign.class)
    void anyOneDangerSignInAChildUnder5IsADangerSign(ImciDangerSign sign) {
        assertThat(imci(Patient.child(2).imciDangerSigns(sign))).isEqualTo(new Imci(true, null));
    }

    @ParameterizedTest(name = "age {0} years")
    @CsvSource({"0", "4"})
    void anEmptyListIsNoneFoundAndNoListIsNotAssessed(int age) {
        assertThat(imci(Patient.child(age).imciDangerSigns(List.of()))).isEqualTo(new Imci(false, null));
        assertThat(imci(Patient.child(age).imciDangerSigns((List<ImciDangerSign>) null).respiratoryRate(30)))
                .extracting(Imci::dangerSign).isNull();
    }

    @Test
    void nothingRecordedIsNoImciAssessmentAtAll() {
        assertThat(imci(Patient.child(2))).isNull();
        assertThat(assess(Patient.child(2)).findings()).extracting(Assessment.Finding::code)
                .doesNotContain("IMCI_NO_DANGER_SIGN");
    }

    @Test
    void aDangerSignNotRecordedIsSaidNotAssessedNeverNone() {
        assertThat(assess(Patient.child(2).respiratoryRate(30)).findings()).extracting(Assessment.Finding::code)
                .contains("IMCI_DANGER_SIGNS_NOT_ASSESSED").doesNotContain("IMCI_NO_DANGER_SIGN");
    }

    @ParameterizedTest(name = "{0} months: in scope {1}")
    @CsvSource({"59, true", "60, false"})
    void imciEndsAt60Months(int months, boolean inScope) {
        Imci imci = imci(Patient.infant(months).imciDangerSigns(ImciDangerSign.CONVULSIONS));
        assertThat(imci).isEqualTo(inScope ? new Imci(true, null) : null);
    }

    @Test
    void severalOrRepeatedSignsAreOneDangerSign() {
        assertThat(imci(Patient.child(1).imciDangerSigns(ImciDangerSign.values()))).isEqualTo(new Imci(true, null));
        assertThat(imci(Patient.child(1).imciDangerSigns(ImciDangerSign.UNABLE_TO_DRINK, ImciDangerSign.UNABLE_TO_DRINK)))
                .isEqualTo(new Imci(true, null));
    }

    @Test
    void aDangerSignWithTheAgeUnknownStillCountsAndSaysTheAgeIsMissing() {
        Assessment assessment = assess(Patient.child(2).age(null).imciDangerSigns(ImciDangerSign.CONVULSIONS));
        assertThat(assessment.imci()).isEqualTo(new Imci(true, null));
        assertThat(assessment.findings()).extracting(Assessment.Finding::code).contains("IMCI_DANGER_SIGN_AGE_UNKNOWN");
        assertThat(assessment.urgency()).isEqualTo(Urgency.EMERGENCY);
        assertThat(assessment.specialty()).isEqualTo(Specialty.PEDIATRICS);
    }

    @Test
    void aDangerSignIsAnEmergencyForPaediatricsUnder16AndForEmergencyMedicineFrom16() {
        for (int age : new int[] {4, 5, 15}) {
            Assessment child = assess(Patient.child(age).imciDangerSigns(ImciDangerSign.VOMITS_EVERYTHING)
                    .requesting(Specialty.DERMATOLOGY));
            assertThat(child.urgency()).as("age %d", age).isEqualTo(Urgency.EMERGENCY);
            assertThat(child.specialty()).as("age %d", age).isEqualTo(Specialty.PEDIATRICS);
        }
        Assessment adult = assess(Patient.adult().age(16).imciDangerSigns(ImciDangerSign.CONVULSIONS));
        assertThat(adult.imci()).isNull();
        assertThat(adult.urgency()).isEqualTo(Urgency.EMERGENCY);
        assertThat(adult.specialty()).isEqualTo(Specialty.EMERGENCY_MEDICINE);
    }

    @Test
    void aChildUnder5WithoutDangerSignIsNotTriagedByImci() {
        Assessment assessment = assess(Patient.child(4).imciDangerSigns(List.of()));
        assertThat(assessment.urgency()).isEqualTo(Urgency.ROUTINE);
        assertThat(assessment.specialty()).isEqualTo(Specialty.PEDIATRICS);
    }

    // ---- fast breathing, by completed months, both sides of each edge

    @ParameterizedTest(name = "{0} months, {1}/min: fast {2}")
    @CsvSource({
            "0, 59, false", "0, 60, true", "1, 59, false", "1, 60, true",
            "2, 49, false", "2, 50, true", "11, 49, false", "11, 50, true",
            "12, 39, false", "12, 40, true", "59, 39, false", "59, 40, true"})
    void fastBreathingByAgeInMonths(int months, double rate, boolean fast) {
        assertThat(imci(Patient.infant(months).respiratoryRate(rate))).isEqualTo(new Imci(null, fast));
    }

    @ParameterizedTest(name = "{0} years, {1}/min: fast {2}")
    @CsvSource({"1, 39, false", "1, 40, true", "4, 39, false", "4, 40, true"})
    void fromOneYearTheAgeInYearsIsEnough(int years, double rate, boolean fast) {
        assertThat(imci(Patient.child(years).respiratoryRate(rate))).isEqualTo(new Imci(null, fast));
    }

    @ParameterizedTest(name = "{0}/min: fast {1}")
    @CsvSource(value = {"49, false", "50, NIL", "59, NIL", "60, true"}, nullValues = "NIL")
    void underOneYearWithTheMonthsUnknownOnlyTheRatesThatNeedNoMonthsAreRead(double rate, Boolean fast) {
        Assessment assessment = assess(Patient.child(0).respiratoryRate(rate));
        assertThat(assessment.imci()).isEqualTo(new Imci(null, fast));
        if (fast == null) {
            assertThat(assessment.findings()).extracting(Assessment.Finding::code)
                    .contains("IMCI_FAST_BREATHING_NEEDS_AGE_IN_MONTHS");
        }
    }

    @Test
    void withoutTheRateFastBreathingIsNotAssessed() {
        assertThat(imci(Patient.infant(6).imciDangerSigns(List.of()))).isEqualTo(new Imci(false, null));
    }

    @Test
    void fastBreathingUnder2MonthsIsUrgentForPaediatrics() {
        Assessment assessment = assess(Patient.infant(1).respiratoryRate(62).imciDangerSigns(List.of()));
        assertThat(assessment.urgency()).isEqualTo(Urgency.URGENT);
        assertThat(assessment.specialty()).isEqualTo(Specialty.PEDIATRICS);
    }

    @Test
    void fastBreathingUnder1YearWithTheMonthsUnknownIsTriagedAsUnder2Months() {
        Assessment assessment = assess(Patient.child(0).respiratoryRate(60).imciDangerSigns(List.of()));
        assertThat(assessment.urgency()).isEqualTo(Urgency.URGENT);
        assertThat(assessment.specialty()).isEqualTo(Specialty.PEDIATRICS);
    }

    @ParameterizedTest(name = "{0} months, {1}/min")
    @CsvSource({"2, 50", "11, 55", "12, 40", "59, 45"})
    void fastBreathingFrom2To59MonthsIsSoonForPaediatrics(int months, double rate) {
        Assessment assessment = assess(Patient.infant(months).respiratoryRate(rate).imciDangerSigns(List.of())
                .heartRate(120).systolicBp(95).oxygenSaturation(98));
        assertThat(assessment.urgency()).isEqualTo(Urgency.SOON);
        assertThat(assessment.specialty()).isEqualTo(Specialty.PEDIATRICS);
    }

    @Test
    void theAssessmentIsExplainedByImciFindings() {
        for (Patient patient : new Patient[] {Patient.child(3).imciDangerSigns(ImciDangerSign.LETHARGIC_OR_UNCONSCIOUS),
                Patient.child(3).imciDangerSigns(List.of()), Patient.infant(7).respiratoryRate(52)}) {
            assertThat(assess(patient).findings()).filteredOn(f -> f.guideline().contains("IMCI"))
                    .isNotEmpty()
                    .allSatisfy(f -> assertThat(f.code()).startsWith("IMCI_"));
        }
    }
}
