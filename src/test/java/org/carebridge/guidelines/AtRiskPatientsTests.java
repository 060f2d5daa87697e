package org.carebridge.guidelines;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.carebridge.directory.Specialty;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The patients issue 11 found triaged as routine, each by name: whoever is most at risk reaches the
 * urgency their own group's score gives, never routine on adult scores that do not apply to them.
 */
class AtRiskPatientsTests {

    private static Guidelines engine;

    @BeforeAll
    static void compileTheRules() {
        engine = CompiledRules.guidelines();
    }

    /** Systolic 80, pulse 140, respiratory rate 30, SpO2 85 %. */
    private static Patient shocked(Patient patient) {
        return patient.systolicBp(80).heartRate(140).respiratoryRate(30).oxygenSaturation(85);
    }

    @Test
    void aPregnantWomanInShockIsAnObstetricEmergency() {
        Assessment assessment = engine.assess(shocked(Patient.pregnantWoman()).build());
        assertThat(assessment.news2().applicable()).isFalse();
        assertThat(assessment.meows().red()).containsExactlyInAnyOrder("systolicBp", "heartRate", "oxygenSaturation");
        assertThat(assessment.meows().yellow()).containsExactly("respiratoryRate");
        assertThat(assessment.urgency()).isEqualTo(Urgency.EMERGENCY);
        assertThat(assessment.specialty()).isEqualTo(Specialty.OBSTETRICS);
    }

    @Test
    void anEightYearOldInShockIsAPaediatricEmergency() {
        Assessment assessment = engine.assess(shocked(Patient.child(8)).build());
        assertThat(assessment.news2().applicable()).isFalse();
        // at 5-12 years systolic 80, pulse 140 and rate 30 sit just inside the call criteria; SpO2 85 does not
        assertThat(assessment.paediatricTriggers().criteria()).containsExactly("oxygenSaturation");
        assertThat(assessment.urgency()).isEqualTo(Urgency.EMERGENCY);
        assertThat(assessment.specialty()).isEqualTo(Specialty.PEDIATRICS);
    }

    @Test
    void aSixMonthOldBreathing70WithNoDangerSignIsSeenSoonByPaediatrics() {
        Assessment assessment = engine.assess(Patient.infant(6).respiratoryRate(70).imciDangerSigns(List.of()).build());
        assertThat(assessment.imci()).isEqualTo(new Assessment.Imci(false, true));
        assertThat(assessment.urgency()).isEqualTo(Urgency.SOON);
        assertThat(assessment.specialty()).isEqualTo(Specialty.PEDIATRICS);
    }

    @Test
    void aSixWeekOldBreathing70IsUrgent() {
        Assessment assessment = engine.assess(Patient.infant(1).respiratoryRate(70).imciDangerSigns(List.of()).build());
        assertThat(assessment.urgency()).isEqualTo(Urgency.URGENT);
        assertThat(assessment.specialty()).isEqualTo(Specialty.PEDIATRICS);
    }

    @Test
    void nothingRecordedIsRoutineButSaysSo() {
        Assessment assessment = engine.assess(Patient.adult().build());
        assertThat(assessment.urgency()).isEqualTo(Urgency.ROUTINE);
        assertThat(assessment.findings()).extracting(Assessment.Finding::code).contains("NOTHING_RECORDED");
    }
}
