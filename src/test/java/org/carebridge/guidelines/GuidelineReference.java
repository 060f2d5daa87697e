package org.carebridge.guidelines;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.carebridge.clinical.Consciousness;
import org.carebridge.directory.Specialty;
import org.carebridge.guidelines.Assessment.BloodPressure;
import org.carebridge.guidelines.Assessment.Curb65;
import org.carebridge.guidelines.Assessment.Glycemia;
import org.carebridge.guidelines.Assessment.Imci;
import org.carebridge.guidelines.Assessment.Meows;
import org.carebridge.guidelines.Assessment.News2;
import org.carebridge.guidelines.Assessment.PaediatricTriggers;
import org.carebridge.guidelines.Assessment.PaediatricTriggers.AgeBand;
import org.carebridge.guidelines.Assessment.Qsofa;

/**
 * The guideline tables of {@code shared/spec/assessment-api.md} in plain Java, without Drools: the oracle
 * the engine is compared with, and the baseline of the benchmarks. Findings are not explained (an empty
 * list) and there is no ruleset version.
 *
 * <p>Values are read as charted, rounded half up: whole numbers for the rate, SpO2, pressures and pulse,
 * one decimal for temperature; then each band is (previous upper, upper].
 */
public final class GuidelineReference {

    static final String UNDER_16 = "under 16 years";
    static final String IN_PREGNANCY = "in pregnancy";
    static final String NO_SUSPECTED_INFECTION = "no suspected infection";
    static final String NO_SUSPECTED_PNEUMONIA = "no suspected pneumonia";

    private static final News2 NEWS2_UNDER_16 = new News2(false, UNDER_16, null, null, null, null);
    private static final News2 NEWS2_IN_PREGNANCY = new News2(false, IN_PREGNANCY, null, null, null, null);
    private static final Qsofa QSOFA_UNDER_16 = new Qsofa(false, UNDER_16, null, null, null);
    private static final Qsofa QSOFA_NOT_APPLICABLE = new Qsofa(false, NO_SUSPECTED_INFECTION, null, null, null);
    private static final Curb65 CURB65_UNDER_16 = new Curb65(false, UNDER_16, null, null, null);
    private static final Curb65 CURB65_NOT_APPLICABLE = new Curb65(false, NO_SUSPECTED_PNEUMONIA, null, null, null);
    private static final BloodPressure[] BLOOD_PRESSURE = {
            new BloodPressure(BloodPressure.Category.NORMAL), new BloodPressure(BloodPressure.Category.ELEVATED),
            new BloodPressure(BloodPressure.Category.STAGE_1), new BloodPressure(BloodPressure.Category.STAGE_2),
            new BloodPressure(BloodPressure.Category.HYPERTENSIVE_CRISIS)};

    private GuidelineReference() {
    }

    public static Assessment assess(AssessmentRequest r) {
        Observations o = charted(r.observations());
        Integer months = r.ageMonths();
        Integer age = r.ageYears() != null ? r.ageYears() : months != null ? months / 12 : null;
        boolean child = age != null && age < 16;
        boolean pregnant = Boolean.TRUE.equals(r.pregnant());
        Set<SuspectedCondition> suspected = r.suspectedConditions();
        boolean infection = suspected != null && suspected.contains(SuspectedCondition.INFECTION);
        boolean pneumonia = suspected != null && suspected.contains(SuspectedCondition.PNEUMONIA);

        News2 news2 = news2(age, pregnant, Boolean.TRUE.equals(r.hypercapnicRespiratoryFailure()), o);
        Qsofa qsofa = child ? QSOFA_UNDER_16 : infection || pneumonia ? qsofa(o) : QSOFA_NOT_APPLICABLE;
        Curb65 curb65 = child ? CURB65_UNDER_16 : pneumonia ? curb65(age, o) : CURB65_NOT_APPLICABLE;
        BloodPressure bloodPressure = bloodPressure(o.systolicBp(), o.diastolicBp());
        Glycemia glycemia = glycemia(o);
        int signs = o.imciDangerSigns() == null ? 0 : (int) o.imciDangerSigns().stream().distinct().count();
        Imci imci = imci(age, months, signs, o);
        Meows meows = pregnant ? meows(o) : null;
        PaediatricTriggers paediatric = paediatricTriggers(age, months, o);

        // triage policy: the first line that holds wins
        Urgency urgency;
        Specialty specialty;
        BloodPressure.Category category = bloodPressure == null ? null : bloodPressure.category();
        Glycemia.Status status = glycemia == null ? null : glycemia.status();
        int qsofaScore = qsofa.applicable() ? qsofa.score() : 0;
        int curb65Score = curb65.applicable() ? curb65.score() : 0;
        boolean youngInfant = youngInfantFastBreathing(age, months, o);
        boolean fastBreathing = imci != null && Boolean.TRUE.equals(imci.fastBreathing());
        if (signs > 0 && (age == null || age < 16) || paediatric != null && paediatric.triggered()) {
            urgency = Urgency.EMERGENCY;
            specialty = Specialty.PEDIATRICS;
        } else if (meows != null && !meows.red().isEmpty()) {
            urgency = Urgency.EMERGENCY;
            specialty = Specialty.OBSTETRICS;
        } else if (qsofaScore >= 2 || news2.risk() == News2.Risk.HIGH
                || category == BloodPressure.Category.HYPERTENSIVE_CRISIS || signs > 0) {
            urgency = Urgency.EMERGENCY;
            specialty = Specialty.EMERGENCY_MEDICINE;
        } else if (meows != null && meows.yellow().size() >= 2) {
            urgency = Urgency.URGENT;
            specialty = Specialty.OBSTETRICS;
        } else if (fastBreathing && youngInfant) {
            urgency = Urgency.URGENT;
            specialty = Specialty.PEDIATRICS;
        } else if (news2.risk() == News2.Risk.MEDIUM || news2.risk() == News2.Risk.LOW_MEDIUM
                || status == Glycemia.Status.HYPOGLYCAEMIA) {
            urgency = Urgency.URGENT;
            specialty = Specialty.INTERNAL_MEDICINE;
        } else if (curb65Score >= 3) {
            urgency = Urgency.URGENT;
            specialty = Specialty.PULMONOLOGY;
        } else if (fastBreathing) {
            urgency = Urgency.SOON;
            specialty = Specialty.PEDIATRICS;
        } else if (curb65Score == 2) {
            urgency = Urgency.SOON;
            specialty = Specialty.PULMONOLOGY;
        } else if (category == BloodPressure.Category.STAGE_2) {
            urgency = Urgency.SOON;
            specialty = Specialty.CARDIOLOGY;
        } else if (status == Glycemia.Status.DIABETES || status == Glycemia.Status.HYPERGLYCAEMIA_UNCONFIRMED) {
            urgency = Urgency.SOON;
            specialty = Specialty.ENDOCRINOLOGY;
        } else {
            urgency = Urgency.ROUTINE;
            specialty = r.requestedSpecialty() != null ? r.requestedSpecialty()
                    : pregnant ? Specialty.OBSTETRICS : child ? Specialty.PEDIATRICS : Specialty.GENERAL_PRACTICE;
        }
        return new Assessment(news2, qsofa, curb65, bloodPressure, glycemia, imci, meows, paediatric, urgency, specialty,
                List.of(), null);
    }

    /** Whole numbers for the rate, SpO2, pressures and pulse, one decimal for temperature, rounded half up. */
    static Observations charted(Observations o) {
        return new Observations(round(o.respiratoryRate(), 0), round(o.oxygenSaturation(), 0), o.onSupplementalOxygen(),
                round(o.systolicBp(), 0), round(o.diastolicBp(), 0), round(o.heartRate(), 0), o.consciousness(),
                round(o.temperature(), 1), o.bloodUrea(), o.fastingPlasmaGlucose(), o.hba1c(), o.randomPlasmaGlucose(),
                o.classicHyperglycemiaSymptoms(), o.imciDangerSigns());
    }

    private static Double round(Double value, int decimals) {
        return value == null ? null : new BigDecimal(value.toString()).setScale(decimals, RoundingMode.HALF_UP).doubleValue();
    }

    // ---- IMCI (WHO 2014), under 5; a danger sign with the age unknown still counts

    static Imci imci(Integer age, Integer months, int signs, Observations o) {
        boolean underFive = months != null ? months < 60 : age != null && age < 5;
        if (age == null) {
            return signs > 0 ? new Imci(true, null) : null;
        }
        if (!underFive || o.imciDangerSigns() == null && o.respiratoryRate() == null) {
            return null;
        }
        Boolean dangerSign = o.imciDangerSigns() == null ? null : signs > 0;
        return new Imci(dangerSign, fastBreathing(age, months, o.respiratoryRate()));
    }

    static Boolean fastBreathing(int age, Integer months, Double rate) {
        if (rate == null) {
            return null;
        }
        if (months != null) {
            return rate >= (months < 2 ? 60 : months < 12 ? 50 : 40);
        }
        if (age >= 1) {
            return rate >= 40;
        }
        return rate >= 60 ? Boolean.TRUE : rate < 50 ? Boolean.FALSE : null;
    }

    /** Fast breathing read by the band under 2 months: under 2 months, or under 1 year with the months unknown. */
    static boolean youngInfantFastBreathing(Integer age, Integer months, Observations o) {
        if (o.respiratoryRate() == null || age == null) {
            return false;
        }
        return months != null ? months < 2 && o.respiratoryRate() >= 60 : age == 0 && o.respiratoryRate() >= 60;
    }

    // ---- paediatric emergency call criteria, under 16

    static PaediatricTriggers paediatricTriggers(Integer age, Integer months, Observations o) {
        AgeBand band = band(age, months);
        if (band == null) {
            return null;
        }
        int[] limits = switch (band) { // systolic below, pulse below, pulse above, rate above (0: IMCI reads it)
            case MONTHS_0_TO_3 -> new int[] {50, 100, 180, 0};
            case MONTHS_4_TO_12 -> new int[] {60, 100, 180, 0};
            case YEARS_1_TO_4 -> new int[] {70, 90, 160, 0};
            case YEARS_5_TO_12 -> new int[] {80, 80, 140, 40};
            case YEARS_13_TO_15 -> new int[] {90, 60, 130, 30};
        };
        boolean readsRate = limits[3] > 0;
        int recorded = count(o.systolicBp() != null, o.heartRate() != null, o.oxygenSaturation() != null,
                o.consciousness() != null, readsRate && o.respiratoryRate() != null);
        if (recorded == 0) {
            return null;
        }
        Set<String> criteria = new LinkedHashSet<>();
        if (o.systolicBp() != null && o.systolicBp() < limits[0]) criteria.add("systolicBp");
        if (o.heartRate() != null && (o.heartRate() < limits[1] || o.heartRate() > limits[2])) criteria.add("heartRate");
        if (readsRate && o.respiratoryRate() != null && o.respiratoryRate() > limits[3]) criteria.add("respiratoryRate");
        if (o.oxygenSaturation() != null && o.oxygenSaturation() < 90) criteria.add("oxygenSaturation");
        if (o.consciousness() != null && o.consciousness() != Consciousness.ALERT) criteria.add("consciousness");
        return new PaediatricTriggers(band, !criteria.isEmpty(), List.copyOf(criteria), recorded == (readsRate ? 5 : 4));
    }

    static AgeBand band(Integer age, Integer months) {
        if (months != null) {
            if (months <= 3) return AgeBand.MONTHS_0_TO_3;
            if (months <= 12) return AgeBand.MONTHS_4_TO_12;
            if (months < 60) return AgeBand.YEARS_1_TO_4;
        } else if (age != null && age == 0) {
            return AgeBand.MONTHS_4_TO_12;
        } else if (age != null && age <= 4) {
            return AgeBand.YEARS_1_TO_4;
        }
        if (age == null || age >= 16) return null;
        return age <= 12 ? AgeBand.YEARS_5_TO_12 : AgeBand.YEARS_13_TO_15;
    }

    // ---- MEOWS (Singh et al. 2012), in pregnancy

    static Meows meows(Observations o) {
        Set<String> red = new LinkedHashSet<>();
        Set<String> yellow = new LinkedHashSet<>();
        Double t = o.temperature();
        if (t != null) {
            if (t < 35.0 || t > 38.0) red.add("temperature");
            else if (t <= 36.0) yellow.add("temperature");
        }
        Double sbp = o.systolicBp();
        if (sbp != null) {
            if (sbp < 90 || sbp > 160) red.add("systolicBp");
            else if (sbp <= 100 || sbp >= 150) yellow.add("systolicBp");
        }
        Double dbp = o.diastolicBp();
        if (dbp != null) {
            if (dbp > 100) red.add("diastolicBp");
            else if (dbp >= 90) yellow.add("diastolicBp");
        }
        Double hr = o.heartRate();
        if (hr != null) {
            if (hr < 40 || hr > 120) red.add("heartRate");
            else if (hr <= 50 || hr >= 100) yellow.add("heartRate");
        }
        Double rr = o.respiratoryRate();
        if (rr != null) {
            if (rr < 10 || rr > 30) red.add("respiratoryRate");
            else if (rr >= 21) yellow.add("respiratoryRate");
        }
        if (o.oxygenSaturation() != null && o.oxygenSaturation() < 95) red.add("oxygenSaturation");
        Consciousness c = o.consciousness();
        if (c == Consciousness.PAIN || c == Consciousness.UNRESPONSIVE) red.add("consciousness");
        else if (c == Consciousness.VOICE || c == Consciousness.CONFUSION) yellow.add("consciousness");
        int recorded = count(t != null, sbp != null, dbp != null, hr != null, rr != null, o.oxygenSaturation() != null,
                c != null);
        if (recorded == 0) {
            return null;
        }
        return new Meows(List.copyOf(red), List.copyOf(yellow), !red.isEmpty() || yellow.size() >= 2, recorded == 7);
    }

    private static int count(boolean... recorded) {
        int n = 0;
        for (boolean r : recorded) {
            if (r) n++;
        }
        return n;
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
        News2.Risk risk = parameters.isEmpty() ? null // nothing recorded is no risk band, not "low"
                : score >= 7 ? News2.Risk.HIGH
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

    // ---- glycaemia (ADA), null when nothing was measured; the first status that holds wins

    static Glycemia glycemia(Observations o) {
        Double fasting = o.fastingPlasmaGlucose();
        Double hba1c = o.hba1c();
        Double random = o.randomPlasmaGlucose();
        if (fasting == null && hba1c == null && random == null) return null;
        boolean symptoms = Boolean.TRUE.equals(o.classicHyperglycemiaSymptoms());
        if (fasting != null && fasting < 3.0 || random != null && random < 3.0) return new Glycemia(Glycemia.Status.HYPOGLYCAEMIA);
        if (fasting != null && fasting >= 7.0 || hba1c != null && hba1c >= 6.5 || random != null && random >= 11.1 && symptoms) {
            return new Glycemia(Glycemia.Status.DIABETES);
        }
        if (random != null && random >= 11.1) return new Glycemia(Glycemia.Status.HYPERGLYCAEMIA_UNCONFIRMED);
        if (fasting != null && fasting >= 5.6 || hba1c != null && hba1c >= 5.7) return new Glycemia(Glycemia.Status.PREDIABETES);
        return new Glycemia(Glycemia.Status.NORMAL);
    }
}
