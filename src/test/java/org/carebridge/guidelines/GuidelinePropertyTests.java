package org.carebridge.guidelines;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.carebridge.clinical.Consciousness;
import org.carebridge.clinical.ImciDangerSign;
import org.carebridge.clinical.Sex;
import org.carebridge.directory.Specialty;

/**
 * For random valid requests (inside the plausible ranges of the spec, each field sometimes absent, values
 * mostly whole or with one decimal and often next to a band edge), the Drools engine answers what the
 * plain-Java reference of the spec tables answers, on every field but the findings and the ruleset version.
 *
 * <p>The generators choose the band edges themselves; jqwik's own edge cases are off because they pile up
 * on nulls and on the first and last enum values (a third of the specialties asked for would be
 * GENERAL_PRACTICE or DERMATOLOGY) at the expense of the middle bands.
 */
class GuidelinePropertyTests {

    private static Guidelines engine;

    @BeforeContainer
    static void compileTheRules() {
        engine = CompiledRules.guidelines();
    }

    @Property(tries = 2000, edgeCases = EdgeCasesMode.NONE)
    void theEngineAnswersWhatTheSpecTablesAnswer(@ForAll("requests") AssessmentRequest request) {
        Assessment expected = GuidelineReference.assess(request);
        Assessment actual = engine.assess(request);
        assertThat(CompiledRules.withoutExplanation(actual)).isEqualTo(expected);
    }

    @Property(tries = 2000, edgeCases = EdgeCasesMode.NONE)
    void aBatchIsAssessedAsEachPatientAlone(@ForAll("batches") List<AssessmentRequest> batch) {
        List<Assessment> together = engine.assessAll(batch);
        List<Assessment> alone = new ArrayList<>(batch.size());
        for (AssessmentRequest request : batch) {
            alone.add(engine.assess(request));
        }
        assertThat(together).hasSameSizeAs(batch);
        for (int i = 0; i < batch.size(); i++) {
            Assessment inBatch = together.get(i);
            Assessment single = alone.get(i);
            assertThat(CompiledRules.withoutExplanation(inBatch)).as("patient %d of %d", i, batch.size())
                    .isEqualTo(CompiledRules.withoutExplanation(single));
            assertThat(inBatch.findings()).as("findings of patient %d of %d", i, batch.size())
                    .containsExactlyInAnyOrderElementsOf(single.findings());
            assertThat(inBatch.rulesetVersion()).isEqualTo(single.rulesetVersion());
        }
    }

    @Example
    void theSamePatientTwiceInABatchIsAssessedTwiceAlike() {
        AssessmentRequest request = Patient.adult().age(70).suspected(SuspectedCondition.PNEUMONIA).bloodUrea(8.0)
                .respiratoryRate(30).bloodPressure(150, 95).build();
        List<Assessment> twice = engine.assessAll(List.of(request, request));
        assertThat(twice).hasSize(2);
        assertThat(twice.get(0)).isEqualTo(twice.get(1));
        assertThat(CompiledRules.withoutExplanation(twice.get(0))).isEqualTo(GuidelineReference.assess(request));
    }

    @Example
    void anEmptyBatchHasNoAssessment() {
        assertThat(engine.assessAll(List.of())).isEmpty();
    }

    // ---- generators

    @Provide
    Arbitrary<List<AssessmentRequest>> batches() {
        return requests().list().ofMaxSize(12);
    }

    @Provide
    Arbitrary<AssessmentRequest> requests() {
        Arbitrary<Integer> months = Arbitraries.frequencyOf(
                Tuple.of(2, Arbitraries.of(0, 1, 2, 3, 4, 11, 12, 13, 23, 24, 59, 60, 155, 156, 191, 192)),
                Tuple.of(2, Arbitraries.integers().between(0, 191)),
                Tuple.of(1, Arbitraries.integers().between(192, 1560)));
        Arbitrary<Integer> years = Arbitraries.frequencyOf(
                Tuple.of(1, Arbitraries.of(0, 1, 4, 5, 12, 13, 15, 16, 64, 65, 130)),
                Tuple.of(3, Arbitraries.integers().between(16, 95)),
                Tuple.of(2, Arbitraries.integers().between(0, 130)));
        // both ages (agreeing), the months alone, the years alone, or no age at all
        Arbitrary<Integer[]> ages = Arbitraries.frequencyOf(
                Tuple.of(3, months.map(m -> new Integer[] {m / 12, m})),
                Tuple.of(1, months.map(m -> new Integer[] {null, m})),
                Tuple.of(3, years.map(y -> new Integer[] {y, null})),
                Tuple.of(1, Arbitraries.just(new Integer[] {null, null})));
        Arbitrary<Sex> sex = Arbitraries.of(Sex.class).injectNull(0.2);
        Arbitrary<Boolean> pregnant = flag(1, 4, 2);
        Arbitrary<Boolean> hypercapnic = flag(1, 2, 1);
        Arbitrary<Set<SuspectedCondition>> suspected = Arbitraries.subsetOf(SuspectedCondition.values()).injectNull(0.1);
        Arbitrary<Specialty> specialty = Arbitraries.of(Specialty.class).injectNull(0.3);
        return Combinators.combine(ages, sex, pregnant, hypercapnic, suspected, specialty, observations())
                .as((age, s, p, h, c, r, o) -> new AssessmentRequest(age[0], age[1], s, p, h, c, r, o));
    }

    private static Arbitrary<Observations> observations() {
        Arbitrary<Vitals> vitals = Combinators.combine(
                number(0, 80, 12, 22, false, 8, 9, 10, 11, 12, 20, 21, 22, 24, 25, 29, 30, 31, 40, 41, 50, 60),
                number(0, 100, 92, 100, false, 83, 85, 87, 88, 89, 90, 91, 92, 93, 94, 95, 96, 97),
                flag(1, 2, 1),
                number(30, 300, 105, 165, false, 49, 50, 59, 60, 69, 70, 79, 80, 89, 90, 91, 100, 101, 110, 111, 119, 120,
                        129, 130, 139, 140, 149, 150, 160, 161, 180, 181, 219, 220),
                number(10, 200, 55, 100, false, 59, 60, 61, 79, 80, 89, 90, 100, 101, 120, 121),
                number(0, 300, 55, 115, false, 39, 40, 41, 50, 51, 59, 60, 79, 80, 89, 90, 91, 99, 100, 110, 111, 120, 121,
                        130, 131, 140, 141, 160, 161, 180, 181),
                Arbitraries.frequencyOf(Tuple.of(3, Arbitraries.just(Consciousness.ALERT)),
                        Tuple.of(2, Arbitraries.of(Consciousness.class))).injectNull(0.15),
                number(25, 45, 36.0, 38.6, true, 35.0, 35.1, 36.0, 36.1, 38.0, 38.1, 39.0, 39.1))
                .as(Vitals::new)
                .filter(v -> v.systolicBp == null || v.diastolicBp == null || v.diastolicBp < v.systolicBp);
        Arbitrary<Labs> labs = Combinators.combine(
                number(0, 100, 3, 12, true, 7.0, 7.1),
                number(0, 60, 4, 7.5, true, 2.9, 3.0, 5.5, 5.6, 6.9, 7.0),
                number(2, 25, 4.5, 7, true, 5.6, 5.7, 6.4, 6.5),
                number(0, 60, 5, 15, true, 2.9, 3.0, 11.0, 11.1),
                flag(2, 1, 1),
                Arbitraries.of(ImciDangerSign.class).list().ofMaxSize(3).injectNull(0.2))
                .as(Labs::new);
        return Combinators.combine(vitals, labs).as((v, l) -> new Observations(v.respiratoryRate, v.oxygenSaturation,
                v.onSupplementalOxygen, v.systolicBp, v.diastolicBp, v.heartRate, v.consciousness, v.temperature,
                l.bloodUrea, l.fastingPlasmaGlucose, l.hba1c, l.randomPlasmaGlucose, l.classicHyperglycemiaSymptoms,
                l.imciDangerSigns));
    }

    private record Vitals(Double respiratoryRate, Double oxygenSaturation, Boolean onSupplementalOxygen,
            Double systolicBp, Double diastolicBp, Double heartRate, Consciousness consciousness, Double temperature) {
    }

    private record Labs(Double bloodUrea, Double fastingPlasmaGlucose, Double hba1c, Double randomPlasmaGlucose,
            Boolean classicHyperglycemiaSymptoms, List<ImciDangerSign> imciDangerSigns) {
    }

    /** true, false and absent in the given proportions. */
    private static Arbitrary<Boolean> flag(int whenTrue, int whenFalse, int whenAbsent) {
        return Arbitraries.frequency(Tuple.of(whenTrue, Boolean.TRUE), Tuple.of(whenFalse, Boolean.FALSE))
                .injectNull((double) whenAbsent / (whenTrue + whenFalse + whenAbsent));
    }

    /**
     * A measurement in [min, max], absent now and then: often next to one of the band edges (the edge, and
     * 0.1, 0.5 and 1 either side), often a value usual in patients (typicalMin to typicalMax), otherwise any
     * whole number or number with one decimal of the plausible range.
     */
    private static Arbitrary<Double> number(double min, double max, double typicalMin, double typicalMax,
            boolean mostlyDecimal, double... edges) {
        List<Double> near = new ArrayList<>();
        for (double edge : edges) {
            for (double offset : new double[] {-1, -0.5, -0.1, 0, 0.1, 0.5, 1}) {
                near.add(Math.min(max, Math.max(min, oneDecimal(edge + offset))));
            }
        }
        near.add(min);
        near.add(max);
        Arbitrary<Double> whole = Arbitraries.integers().between((int) min, (int) max).map(Double::valueOf);
        Arbitrary<Double> decimal = Arbitraries.integers().between((int) (min * 10), (int) (max * 10)).map(i -> i / 10.0);
        Arbitrary<Double> typical = Arbitraries.integers().between((int) (typicalMin * 10), (int) (typicalMax * 10))
                .map(i -> mostlyDecimal ? i / 10.0 : Math.rint(i / 10.0));
        return Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.of(near)),
                Tuple.of(5, typical),
                Tuple.of(mostlyDecimal ? 1 : 2, whole),
                Tuple.of(mostlyDecimal ? 2 : 1, decimal)).injectNull(0.15);
    }

    /** The double nearest to the value rounded to one decimal: 7.0 - 0.1 is 6.9 as written, not 6.8999... */
    private static double oneDecimal(double value) {
        return Math.round(value * 10) / 10.0;
    }
}
