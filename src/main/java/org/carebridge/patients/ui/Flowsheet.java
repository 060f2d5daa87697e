package org.carebridge.patients.ui;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.carebridge.clinical.Consciousness;
import org.carebridge.guidelines.Assessment;
import org.carebridge.guidelines.Assessment.PaediatricTriggers.AgeBand;
import org.carebridge.guidelines.AssessmentRequest;
import org.carebridge.guidelines.Observations;
import org.carebridge.patients.ChartConditions;
import org.carebridge.patients.Observation;
import org.carebridge.patients.ObservationType;
import org.carebridge.shell.Formats;

/**
 * The vital signs as a nurse charts them: one column per round of observations, one row per
 * parameter, each value in the band the patient's applicable score gives it — NEWS2 for adults (3
 * points red, 1 or 2 amber), MEOWS in pregnancy (red, yellow), the paediatric call criteria for
 * children (met: red) with IMCI's fast breathing under five (yellow). Each round is scored by the
 * guidelines on its own, as the patient was then (age, pregnancy, hypercapnic respiratory failure on
 * that day). A value not recorded has no cell; a value the applicable score does not read is
 * {@link Band#UNSCORED}, never normal.
 */
final class Flowsheet {

    /** The rows, in the order of the NEWS2 chart. */
    static final List<ObservationType> ROWS = List.of(ObservationType.RESPIRATORY_RATE,
            ObservationType.OXYGEN_SATURATION, ObservationType.SUPPLEMENTAL_OXYGEN, ObservationType.SYSTOLIC_BP,
            ObservationType.DIASTOLIC_BP, ObservationType.HEART_RATE, ObservationType.CONSCIOUSNESS,
            ObservationType.TEMPERATURE);

    /** Values taken within this time of a round's first one belong to that round, unless measured twice. */
    static final Duration ROUND = Duration.ofMinutes(30);

    /** The newest rounds shown; older ones stay in the list of observations. */
    static final int MAX_COLUMNS = 12;

    private static final Set<String> MEOWS_READS = Set.of("temperature", "systolicBp", "diastolicBp", "heartRate",
            "respiratoryRate", "oxygenSaturation", "consciousness");
    private static final Set<String> PAEDIATRIC_READS = Set.of("systolicBp", "heartRate", "oxygenSaturation",
            "consciousness");

    enum Band {
        RED, AMBER, YELLOW, NORMAL, UNSCORED;

        /** The value of the cell's {@code data-band}. */
        String attribute() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    record Cell(Observation observation, Band band) {
    }

    /** One round: when it was taken, its values by parameter, and the guidelines' answer for it alone. */
    record Column(Instant at, Map<ObservationType, Cell> cells, Assessment assessment) {
    }

    private Flowsheet() {
    }

    /**
     * The newest rounds of the chart's vital signs, newest first; {@code assess} may answer null (a
     * round the guidelines refuse), and then none of its values is banded.
     */
    static List<Column> of(List<Observation> observations, LocalDate birthDate,
            Function<AssessmentRequest, Assessment> assess) {
        List<Column> columns = new ArrayList<>();
        List<List<Observation>> rounds = rounds(observations);
        for (List<Observation> round : rounds.subList(Math.max(0, rounds.size() - MAX_COLUMNS), rounds.size())) {
            Instant at = round.get(0).getEffectiveAt();
            Instant last = round.get(round.size() - 1).getEffectiveAt();
            Map<ObservationType, Observation> values = new EnumMap<>(ObservationType.class);
            round.forEach(o -> values.put(o.getType(), o));
            List<Observation> untilThen = observations.stream().filter(o -> !o.getEffectiveAt().isAfter(last)).toList();
            Assessment answer = assess.apply(request(values, birthDate, ChartConditions.of(untilThen, last), at));
            Map<ObservationType, Cell> cells = new EnumMap<>(ObservationType.class);
            values.forEach((type, o) -> cells.put(type, new Cell(o, band(type, answer))));
            columns.add(new Column(at, cells, answer));
        }
        columns.sort(Comparator.comparing(Column::at).reversed());
        return columns;
    }

    /** The vital signs grouped into rounds, oldest first: a new round after {@link #ROUND}, or when a value repeats. */
    static List<List<Observation>> rounds(List<Observation> observations) {
        List<List<Observation>> rounds = new ArrayList<>();
        List<Observation> current = null;
        for (Observation o : observations.stream().filter(o -> ROWS.contains(o.getType()))
                .sorted(Comparator.comparing(Observation::getEffectiveAt)).toList()) {
            if (current == null || o.getEffectiveAt().isAfter(current.get(0).getEffectiveAt().plus(ROUND))
                    || current.stream().anyMatch(c -> c.getType() == o.getType())) {
                current = new ArrayList<>();
                rounds.add(current);
            }
            current.add(o);
        }
        return rounds;
    }

    /** The band of one recorded value, by the score the guidelines applied to its round. */
    static Band band(ObservationType type, Assessment a) {
        String key = type.key();
        if (a == null) {
            return Band.UNSCORED;
        }
        if (a.news2() != null && a.news2().applicable()) {
            Integer points = a.news2().parameters() == null ? null : a.news2().parameters().get(key);
            return points == null ? Band.UNSCORED : points >= 3 ? Band.RED : points >= 1 ? Band.AMBER : Band.NORMAL;
        }
        if (a.meows() != null) {
            return a.meows().red().contains(key) ? Band.RED : a.meows().yellow().contains(key) ? Band.YELLOW
                    : MEOWS_READS.contains(key) ? Band.NORMAL : Band.UNSCORED;
        }
        if (a.paediatricTriggers() != null || a.imci() != null) {
            if (a.paediatricTriggers() != null && a.paediatricTriggers().criteria().contains(key)) {
                return Band.RED;
            }
            if (type == ObservationType.RESPIRATORY_RATE && a.imci() != null && a.imci().fastBreathing() != null) {
                return a.imci().fastBreathing() ? Band.YELLOW : Band.NORMAL;
            }
            if (a.paediatricTriggers() != null && (PAEDIATRIC_READS.contains(key)
                    || type == ObservationType.RESPIRATORY_RATE && readsRate(a.paediatricTriggers().ageBand()))) {
                return Band.NORMAL;
            }
        }
        return Band.UNSCORED;
    }

    /** The paediatric call criteria read the respiratory rate from 5 years (IMCI reads it below). */
    private static boolean readsRate(AgeBand band) {
        return band == AgeBand.YEARS_5_TO_12 || band == AgeBand.YEARS_13_TO_15;
    }

    private static AssessmentRequest request(Map<ObservationType, Observation> values, LocalDate birthDate,
            ChartConditions conditions, Instant at) {
        Integer years = null;
        Integer months = null;
        if (birthDate != null) {
            Period age = Period.between(birthDate, LocalDate.ofInstant(at, Formats.ZONE));
            years = age.getYears();
            months = (int) age.toTotalMonths();
        }
        Observation consciousness = values.get(ObservationType.CONSCIOUSNESS);
        Observations observations = new Observations(number(values, ObservationType.RESPIRATORY_RATE),
                number(values, ObservationType.OXYGEN_SATURATION), flag(values, ObservationType.SUPPLEMENTAL_OXYGEN),
                number(values, ObservationType.SYSTOLIC_BP), number(values, ObservationType.DIASTOLIC_BP),
                number(values, ObservationType.HEART_RATE),
                consciousness == null ? null : (Consciousness) consciousness.getValue(),
                number(values, ObservationType.TEMPERATURE), null, null, null, null, null, null);
        return new AssessmentRequest(years, months, null, conditions.pregnant(),
                conditions.hypercapnicRespiratoryFailure(), null, null, observations);
    }

    private static Double number(Map<ObservationType, Observation> values, ObservationType type) {
        Observation o = values.get(type);
        BigDecimal n = o == null ? null : o.getNumber();
        return n == null ? null : n.doubleValue();
    }

    private static Boolean flag(Map<ObservationType, Observation> values, ObservationType type) {
        Observation o = values.get(type);
        return o == null ? null : (Boolean) o.getValue();
    }
}
