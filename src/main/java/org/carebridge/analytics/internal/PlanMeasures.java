package org.carebridge.analytics.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.carebridge.analytics.EquityReport;
import org.carebridge.analytics.ScheduleEquity.Plan;
import org.carebridge.analytics.ScheduleEquity.PlanRegion;
import org.carebridge.scheduling.Problem;
import org.carebridge.scheduling.Solution;

/** The equity measures of one plan of a scheduling problem, computed from the plan itself (it is in memory). */
public final class PlanMeasures {

    private PlanMeasures() {
    }

    public static Plan of(Problem problem, Solution solution) {
        Map<String, Problem.Doctor> doctors = problem.doctors().stream()
                .collect(Collectors.toMap(Problem.Doctor::id, Function.identity()));
        Map<String, Solution.Assignment> assignments = solution.assignments() == null ? Map.of()
                : solution.assignments().stream().collect(Collectors.toMap(Solution.Assignment::appointmentId,
                        Function.identity(), (a, b) -> a));
        Map<String, List<Problem.Appointment>> demand = problem.appointments().stream()
                .collect(Collectors.groupingBy(Problem.Appointment::region));

        List<PlanRegion> rows = new ArrayList<>();
        List<Double> underservedWaits = new ArrayList<>();
        List<Double> otherWaits = new ArrayList<>();
        for (Problem.Region region : problem.regions()) {
            List<Problem.Doctor> based = problem.doctors().stream().filter(d -> region.id().equals(d.homeRegion()))
                    .toList();
            long specialists = based.stream().filter(PlanMeasures::isSpecialist).count();
            long population = region.population() == null ? 0 : region.population();
            List<Problem.Appointment> wanted = demand.getOrDefault(region.id(), List.of());
            Map<String, List<Double>> waits = new HashMap<>();
            long assigned = 0;
            long teleconsults = 0;
            double travel = 0;
            long travelled = 0;
            for (Problem.Appointment appointment : wanted) {
                Solution.Assignment slot = assignments.get(appointment.id());
                if (slot == null) {
                    continue;
                }
                assigned++;
                double wait = slot.day() - (appointment.earliestDay() == null ? 0 : appointment.earliestDay());
                waits.computeIfAbsent(appointment.urgency(), u -> new ArrayList<>()).add(wait);
                (Boolean.TRUE.equals(region.underserved()) ? underservedWaits : otherWaits).add(wait);
                Integer minutes = "TELECONSULT".equals(slot.mode()) ? Integer.valueOf(0)
                        : travelMinutes(problem, doctors.get(slot.doctorId()), region.id());
                if ("TELECONSULT".equals(slot.mode())) {
                    teleconsults++;
                }
                if (minutes != null) {
                    travel += minutes;
                    travelled++;
                }
            }
            Map<String, Double> medians = new LinkedHashMap<>();
            EquityReport.URGENCIES.forEach(u -> medians.put(u, median(waits.getOrDefault(u, List.of()))));
            rows.add(new PlanRegion(region.id(), region.name(), population, Boolean.TRUE.equals(region.underserved()),
                    based.size(), specialists, population == 0 ? null : specialists * 100_000.0 / population,
                    wanted.size(), assigned, EquityQueries.ratio(wanted.size() - assigned, wanted.size()), medians,
                    EquityQueries.ratio(teleconsults, assigned), travelled == 0 ? null : travel / travelled));
        }
        EquityReport.Gini gini = new EquityReport.Gini(
                WeightedGini.of(rows.stream().map(r -> new WeightedGini.Region(r.population(), r.specialists())).toList()),
                WeightedGini.of(rows.stream().map(r -> new WeightedGini.Region(r.population(), r.assigned())).toList()));
        Double underserved = median(underservedWaits);
        Double other = median(otherWaits);
        return new Plan(solution.score(), rows, gini, underserved == null || other == null ? null : underserved - other);
    }

    private static boolean isSpecialist(Problem.Doctor doctor) {
        return doctor.specialties() != null && doctor.specialties().stream().anyMatch(s -> !"GENERAL_PRACTICE".equals(s));
    }

    private static Integer travelMinutes(Problem problem, Problem.Doctor doctor, String region) {
        if (doctor == null || doctor.homeRegion() == null) {
            return null;
        }
        if (doctor.homeRegion().equals(region)) {
            return 0;
        }
        Map<String, Integer> from = problem.travelMinutes() == null ? null : problem.travelMinutes().get(doctor.homeRegion());
        return from == null ? null : from.get(region);
    }

    /** The middle value, or the mean of the two middle ones (as {@code percentile_cont(0.5)}). */
    static Double median(List<Double> values) {
        if (values.isEmpty()) {
            return null;
        }
        List<Double> sorted = values.stream().sorted(Comparator.naturalOrder()).toList();
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
    }
}
