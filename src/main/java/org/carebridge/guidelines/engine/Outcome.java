package org.carebridge.guidelines.engine;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.carebridge.guidelines.Assessment;
import org.carebridge.guidelines.Assessment.BloodPressure;
import org.carebridge.guidelines.Assessment.Curb65;
import org.carebridge.guidelines.Assessment.Glycemia;
import org.carebridge.guidelines.Assessment.Imci;
import org.carebridge.guidelines.Assessment.Meows;
import org.carebridge.guidelines.Assessment.News2;
import org.carebridge.guidelines.Assessment.PaediatricTriggers;
import org.carebridge.guidelines.Assessment.PaediatricTriggers.AgeBand;
import org.carebridge.guidelines.Assessment.Qsofa;

/** Turns what the rules concluded about a case into the assessment the API answers. */
final class Outcome {

    private Outcome() {
    }

    static Assessment of(Summary summary, String rulesetVersion) {
        Case c = summary.scored();
        return new Assessment(news2(summary, c), qsofa(summary, c), curb65(summary, c),
                c.bloodPressure == null ? null : new BloodPressure(c.bloodPressure),
                c.glycemia == null ? null : new Glycemia(c.glycemia),
                imci(c), meows(c), paediatricTriggers(c),
                summary.getUrgency(), summary.getSpecialty(), List.copyOf(c.findings), rulesetVersion);
    }

    private static News2 news2(Summary summary, Case c) {
        if (!summary.isNews2Applicable()) {
            return new News2(false, c.news2NotApplicable, null, null, null, null);
        }
        // every parameter measured appears, with 0 when no band of its table scored it
        Map<String, Integer> parameters = new LinkedHashMap<>();
        present(parameters, "respiratoryRate", c.isRespiratoryRateMeasured(), c);
        present(parameters, "oxygenSaturation", c.isOxygenSaturationMeasured(), c);
        present(parameters, "onSupplementalOxygen", c.getOnSupplementalOxygen() != null, c);
        present(parameters, "systolicBp", c.isSystolicBpMeasured(), c);
        present(parameters, "heartRate", c.isHeartRateMeasured(), c);
        present(parameters, "consciousness", c.getConsciousness() != null, c);
        present(parameters, "temperature", c.isTemperatureMeasured(), c);
        return new News2(true, null, summary.getNews2Score(), summary.getNews2Risk(),
                c.getNews2ParametersRecorded() == 7, parameters);
    }

    private static void present(Map<String, Integer> parameters, String name, boolean measured, Case c) {
        if (measured) {
            parameters.put(name, c.news2Points.getOrDefault(name, 0));
        }
    }

    private static Qsofa qsofa(Summary summary, Case c) {
        if (!summary.isQsofaApplicable()) {
            return new Qsofa(false, c.qsofaNotApplicable, null, null, null);
        }
        boolean complete = c.isRespiratoryRateMeasured() && c.getConsciousness() != null && c.isSystolicBpMeasured();
        return new Qsofa(true, null, summary.getQsofaScore(), summary.getQsofaPositive(), complete);
    }

    private static Curb65 curb65(Summary summary, Case c) {
        if (!summary.isCurb65Applicable()) {
            return new Curb65(false, c.curb65NotApplicable, null, null, null);
        }
        boolean complete = c.getConsciousness() != null && c.isBloodUreaMeasured() && c.isRespiratoryRateMeasured()
                && c.isSystolicBpMeasured() && c.isDiastolicBpMeasured() && c.getAgeYears() >= 0;
        return new Curb65(true, null, summary.getCurb65Score(), summary.getCurb65Risk(), complete);
    }

    /** Under 5 with the danger signs or the rate recorded; or a listed danger sign with the age unknown. */
    private static Imci imci(Case c) {
        boolean inScope = c.isUnderFive() && (c.isImciDangerSignsRecorded() || c.isRespiratoryRateMeasured())
                || c.getAgeYears() < 0 && c.getImciDangerSigns() > 0;
        return inScope ? new Imci(c.imciDangerSign, c.imciFastBreathing) : null;
    }

    private static Meows meows(Case c) {
        if (!c.isPregnant()) {
            return null;
        }
        int recorded = c.getMeowsParametersRecorded();
        if (recorded == 0) {
            return null;
        }
        return new Meows(List.copyOf(c.meowsRed), List.copyOf(c.meowsYellow),
                !c.meowsRed.isEmpty() || c.meowsYellow.size() >= 2, recorded == 7);
    }

    private static PaediatricTriggers paediatricTriggers(Case c) {
        AgeBand band = c.getPaediatricAgeBand();
        if (band == null) {
            return null;
        }
        int recorded = c.getPaediatricParametersRecorded();
        if (recorded == 0) {
            return null;
        }
        return new PaediatricTriggers(band, !c.paediatricCriteria.isEmpty(), List.copyOf(c.paediatricCriteria),
                recorded == c.getPaediatricParametersRead());
    }
}
