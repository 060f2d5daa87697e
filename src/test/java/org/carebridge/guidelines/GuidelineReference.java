package org.carebridge.guidelines;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.carebridge.clinical.Consciousness;
import org.carebridge.directory.Specialty;
import org.carebridge.guidelines.Assessment.BloodPressure;
import org.carebridge.guidelines.Assessment.Curb65;
import org.carebridge.guidelines.Assessment.Glycemia;
import org.carebridge.guidelines.Assessment.Imci;
import org.carebridge.guidelines.Assessment.News2;
import org.carebridge.guidelines.Assessment.Qsofa;

/**
 * The guideline tables of {@code shared/spec/assessment-api.md} in plain Java, without Drools: the oracle
 * the engine is compared with, and the baseline of the benchmarks. Findings are not explained (an empty
 * list) and there is no ruleset version.
 *
 * <p>Bands with decimals: a value between two whole-number bands belongs to the higher band, so each band
 * is (previous upper, upper]. The answers that never change are shared instances, so that assessing a
 * patient allocates only the records of the answer and the NEWS2 parameter map.
 */
public final class GuidelineReference {

    static final String UNDER_16 = "under 16 years";
    static final String IN_PREGNANCY = "in pregnancy";
    static final String NO_SUSPECTED_INFECTION = "no suspected infection";
    static final String NO_SUSPECTED_PNEUMONIA = "no suspected pneumonia";

    private static final News2 NEWS2_UNDER_16 = new News2(false, UNDER_16, null, null, null, null);
    private static final News2 NEWS2_IN_PREGNANCY = new News2(false, IN_PREGNANCY, null, null, null, null);
    private static final Qsofa QSOFA_NOT_APPLICABLE = new Qsofa(false, NO_SUSPECTED_INFECTION, null, null, null);
    private static final Curb65 CURB65_NOT_APPLICABLE = new Curb65(false, NO_SUSPECTED_PNEUMONIA, null, null, null);
    private static final BloodPressure[] BLOOD_PRESSURE = {
            new BloodPressure(BloodPressure.Category.NORMAL), new BloodPressure(BloodPressure.Category.ELEVATED),
            new BloodPressure(BloodPressure.Category.STAGE_1), new BloodPressure(BloodPressure.Category.STAGE_2),
            new BloodPressure(BloodPressure.Category.HYPERTENSIVE_CRISIS)};
    private static final Glycemia[] GLYCEMIA = {
            new Glycemia(Glycemia.Status.NORMAL), new Glycemia(Glycemia.Status.PREDIABETES),
            new Glycemia(Glycemia.Status.DIABETES)};
    private static final Imci IMCI_DANGER_SIGN = new Imci(true);
    private static final Imci IMCI_NO_DANGER_SIGN = new Imci(false);

    private GuidelineReference() {
    }

    public static Assessment assess(AssessmentRequest r) {
        Observations o = r.observations();
        Integer age = r.ageYears();
        Set<SuspectedCondition> suspected = r.suspectedConditions();
        boolean infection = suspected != null && suspected.contains(SuspectedCondition.INFECTION);
        boolean pneumonia = suspected != null && suspected.contains(SuspectedCondition.PNEUMONIA);

        News2 news2 = news2(age, Boolean.TRUE.equals(r.pregnant()), Boolean.TRUE.equals(r.hypercapnicRespiratoryFailure()), o);
        Qsofa qsofa = infection || pneumonia ? qsofa(o) : QSOFA_NOT_APPLICABLE;
        Curb65 curb65 = pneumonia ? curb65(age, o) : CURB65_NOT_APPLICABLE;
        BloodPressure bloodPressure = bloodPressure(o.systolicBp(), o.diastolicBp());
        Glycemia glycemia = glycemia(o);
        Imci imci = age != null && age < 5
                ? (o.imciDangerSigns() != null && !o.imciDangerSigns().isEmpty() ? IMCI_DANGER_SIGN : IMCI_NO_DANGER_SIGN)
                : null;

        // triage policy: the first line that holds wins
        Urgency urgency;
        Specialty specialty;
        BloodPressure.Category category = bloodPressure == null ? null : bloodPressure.category();
        int curb65Score = curb65.applicable() ? curb65.score() : 0;
        if (imci != null && imci.dangerSign()) {
            urgency = Urgency.EMERGENCY;
            specialty = Specialty.PEDIATRICS;
        } else if (qsofa.applicable() && qsofa.score() >= 2 || news2.risk() == News2.Risk.HIGH
                || category == BloodPressure.Category.HYPERTENSIVE_CRISIS) {
            urgency = Urgency.EMERGENCY;
            specialty = Specialty.EMERGENCY_MEDICINE;
        } else if (news2.risk() == News2.Risk.MEDIUM || news2.risk() == News2.Risk.LOW_MEDIUM) {
            urgency = Urgency.URGENT;
            specialty = Specialty.INTERNAL_MEDICINE;
        } else if (curb65Score >= 3) {
            urgency = Urgency.URGENT;
            specialty = Specialty.PULMONOLOGY;
        } else if (curb65Score == 2) {
            urgency = Urgency.SOON;
            specialty = Specialty.PULMONOLOGY;
        } else if (category == BloodPressure.Category.STAGE_2) {
            urgency = Urgency.SOON;
            specialty = Specialty.CARDIOLOGY;
        } else if (glycemia != null && glycemia.status() == Glycemia.Status.DIABETES) {
            urgency = Urgency.SOON;
            specialty = Specialty.ENDOCRINOLOGY;
        } else {
            urgency = Urgency.ROUTINE;
            specialty = r.requestedSpecialty() != null ? r.requestedSpecialty() : Specialty.GENERAL_PRACTICE;
        }
        return new Assessment(news2, qsofa, curb65, bloodPressure, glycemia, imci, urgency, specialty, List.of(), null);
    }

    // ---- NEWS2 (RCP 2017)

    static News2 news2(Integer age, boolean pregnant, boolean hypercapnic, Observations o) {
        if (age != null && age < 16) {
            return NEWS2_UNDER_16;
        }
        if (pregnant) {
            return NEWS2_IN_PREGNANCY;
        }
        Map<String, Integer> parameters = new HashMap<>(16);
        int score = 0;
        boolean anyThree = false;
        int points;
        if (o.respiratoryRate() != null) {
            points = respirationRatePoints(o.respiratoryRate());
            parameters.put("respiratoryRate", points);
            score += points;
            anyThree |= points == 3;
        }
        if (o.oxygenSaturation() != null) {
            points = hypercapnic
                    ? spo2Scale2Points(o.oxygenSaturation(), Boolean.TRUE.equals(o.onSupplementalOxygen()))
                    : spo2Scale1Points(o.oxygenSaturation());
            parameters.put("oxygenSaturation", points);
            score += points;
            anyThree |= points == 3;
        }
        if (o.onSupplementalOxygen() != null) {
            points = o.onSupplementalOxygen() ? 2 : 0;
            parameters.put("onSupplementalOxygen", points);
            score += points;
        }
        if (o.systolicBp() != null) {
            points = systolicPoints(o.systolicBp());
            parameters.put("systolicBp", points);
            score += points;
            anyThree |= points == 3;
        }
        if (o.heartRate() != null) {
            points = pulsePoints(o.heartRate());
            parameters.put("heartRate", points);
            score += points;
            anyThree |= points == 3;
        }
        if (o.consciousness() != null) {
            points = o.consciousness() == Consciousness.ALERT ? 0 : 3;
            parameters.put("consciousness", points);
            score += points;
            anyThree |= points == 3;
        }
        if (o.temperature() != null) {
            points = temperaturePoints(o.temperature());
            parameters.put("temperature", points);
            score += points;
            anyThree |= points == 3;
        }
        News2.Risk risk = score >= 7 ? News2.Risk.HIGH
                : score >= 5 ? News2.Risk.MEDIUM
                : anyThree ? News2.Risk.LOW_MEDIUM
                : News2.Risk.LOW;
        return new News2(true, null, score, risk, parameters.size() == 7, parameters);
    }

    static int respirationRatePoints(double v) {
        if (v <= 8) return 3;
        if (v <= 11) return 1;
        if (v <= 20) return 0;
        if (v <= 24) return 2;
        return 3;
    }

    static int spo2Scale1Points(double v) {
        if (v <= 91) return 3;
        if (v <= 93) return 2;
        if (v <= 95) return 1;
        return 0;
    }

    static int spo2Scale2Points(double v, boolean onOxygen) {
        if (v <= 83) return 3;
        if (v <= 85) return 2;
        if (v <= 87) return 1;
        if (v <= 92 || !onOxygen) return 0;
        if (v <= 94) return 1;
        if (v <= 96) return 2;
        return 3;
    }

    static int systolicPoints(double v) {
        if (v <= 90) return 3;
        if (v <= 100) return 2;
        if (v <= 110) return 1;
        if (v <= 219) return 0;
        return 3;
    }

    static int pulsePoints(double v) {
        if (v <= 40) return 3;
        if (v <= 50) return 1;
        if (v <= 90) return 0;
        if (v <= 110) return 1;
        if (v <= 130) return 2;
        return 3;
    }

    static int temperaturePoints(double v) {
        if (v <= 35.0) return 3;
        if (v <= 36.0) return 1;
        if (v <= 38.0) return 0;
        if (v <= 39.0) return 1;
        return 2;
    }

    // ---- qSOFA (Sepsis-3), only with suspected infection or pneumonia

    static Qsofa qsofa(Observations o) {
        int score = 0;
        if (o.respiratoryRate() != null && o.respiratoryRate() >= 22) score++;
        if (o.consciousness() != null && o.consciousness() != Consciousness.ALERT) score++;
        if (o.systolicBp() != null && o.systolicBp() <= 100) score++;
        boolean complete = o.respiratoryRate() != null && o.consciousness() != null && o.systolicBp() != null;
        return new Qsofa(true, null, score, score >= 2, complete);
    }

    // ---- CURB-65 (BTS), only with suspected pneumonia

    static Curb65 curb65(Integer age, Observations o) {
        int score = 0;
        if (o.consciousness() != null && o.consciousness() != Consciousness.ALERT) score++;
        if (o.bloodUrea() != null && o.bloodUrea() > 7) score++;
        if (o.respiratoryRate() != null && o.respiratoryRate() >= 30) score++;
        if (o.systolicBp() != null && o.systolicBp() < 90 || o.diastolicBp() != null && o.diastolicBp() <= 60) score++;
        if (age != null && age >= 65) score++;
        Curb65.Risk risk = score >= 3 ? Curb65.Risk.SEVERE : score == 2 ? Curb65.Risk.MODERATE : Curb65.Risk.LOW;
        boolean complete = o.consciousness() != null && o.bloodUrea() != null && o.respiratoryRate() != null
                && o.systolicBp() != null && o.diastolicBp() != null && age != null;
        return new Curb65(true, null, score, risk, complete);
    }

    // ---- blood pressure (ACC/AHA 2017), both values needed

    static BloodPressure bloodPressure(Double systolic, Double diastolic) {
        if (systolic == null || diastolic == null) return null;
        double s = systolic;
        double d = diastolic;
        if (s > 180 || d > 120) return BLOOD_PRESSURE[4];
        if (s >= 140 || d >= 90) return BLOOD_PRESSURE[3];
        if (s >= 130 || d >= 80) return BLOOD_PRESSURE[2];
        if (s >= 120) return BLOOD_PRESSURE[1];
        return BLOOD_PRESSURE[0];
    }

    // ---- glycaemia (ADA), null when nothing was measured

    static Glycemia glycemia(Observations o) {
        Double fasting = o.fastingPlasmaGlucose();
        Double hba1c = o.hba1c();
        Double random = o.randomPlasmaGlucose();
        if (fasting == null && hba1c == null && random == null) return null;
        if (fasting != null && fasting >= 7.0 || hba1c != null && hba1c >= 6.5
                || random != null && random >= 11.1 && Boolean.TRUE.equals(o.classicHyperglycemiaSymptoms())) {
            return GLYCEMIA[2];
        }
        if (fasting != null && fasting >= 5.6 || hba1c != null && hba1c >= 5.7) return GLYCEMIA[1];
        return GLYCEMIA[0];
    }
}
