package org.carebridge.guidelines.bench;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import org.carebridge.clinical.Consciousness;
import org.carebridge.clinical.ImciDangerSign;
import org.carebridge.directory.Specialty;
import org.carebridge.guidelines.AssessmentRequest;
import org.carebridge.guidelines.Observations;
import org.carebridge.guidelines.SuspectedCondition;

/**
 * A population to assess: mostly ordinary adults, with the hypertensive, diabetic, septic, pneumonic,
 * pregnant and paediatric pictures the guidelines tell apart, and some values missing.
 */
public final class SyntheticPatients {

    private SyntheticPatients() {
    }

    public static List<AssessmentRequest> generate(int count, long seed) {
        Random random = new Random(seed);
        List<AssessmentRequest> patients = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int picture = random.nextInt(100);
            boolean child = picture >= 90;
            boolean septic = picture >= 75 && picture < 83;
            boolean pneumonia = picture >= 80 && picture < 86;
            int age = child ? random.nextInt(5) : 16 + random.nextInt(80);
            Set<SuspectedCondition> suspected = EnumSet.noneOf(SuspectedCondition.class);
            if (septic) {
                suspected.add(SuspectedCondition.INFECTION);
            }
            if (pneumonia) {
                suspected.add(SuspectedCondition.PNEUMONIA);
            }
            double systolic = septic ? 80 + random.nextInt(40) : picture < 30 ? 130 + random.nextInt(70) : 100 + random.nextInt(35);
            double diastolic = Math.min(systolic - 10, 50 + random.nextInt(60));
            Observations observations = new Observations(
                    maybe(random, septic ? 18 + random.nextInt(16) : 10 + random.nextInt(14)),
                    maybe(random, septic ? 86 + random.nextInt(12) : 92 + random.nextInt(8)),
                    random.nextInt(10) == 0 ? null : random.nextInt(15) == 0,
                    maybe(random, systolic), maybe(random, diastolic),
                    maybe(random, septic ? 90 + random.nextInt(50) : 50 + random.nextInt(60)),
                    random.nextInt(10) == 0 ? null : random.nextInt(12) == 0
                            ? Consciousness.values()[1 + random.nextInt(4)] : Consciousness.ALERT,
                    maybe(random, Math.round((septic ? 35.5 + random.nextDouble() * 4 : 36 + random.nextDouble() * 1.8) * 10) / 10.0),
                    pneumonia ? maybe(random, Math.round((3 + random.nextDouble() * 10) * 10) / 10.0) : null,
                    picture < 40 ? maybe(random, Math.round((4 + random.nextDouble() * 6) * 10) / 10.0) : null,
                    picture < 40 ? maybe(random, Math.round((4.5 + random.nextDouble() * 4) * 10) / 10.0) : null,
                    picture < 20 ? maybe(random, Math.round((6 + random.nextDouble() * 10) * 10) / 10.0) : null,
                    picture < 20 ? random.nextBoolean() : null,
                    child ? (random.nextInt(5) == 0 ? List.of(ImciDangerSign.values()[random.nextInt(4)]) : List.of()) : null);
            patients.add(new AssessmentRequest(age, null, null, !child && picture % 17 == 0, random.nextInt(40) == 0,
                    suspected, random.nextInt(4) == 0 ? Specialty.values()[random.nextInt(Specialty.values().length)] : null,
                    observations));
        }
        return patients;
    }

    /** Mostly measured, one time in twenty missing. */
    private static Double maybe(Random random, double value) {
        return random.nextInt(20) == 0 ? null : value;
    }
}
