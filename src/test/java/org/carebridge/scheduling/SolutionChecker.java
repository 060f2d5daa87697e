package org.carebridge.scheduling;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An independent reading of the spec: recomputes the hard violations and the objective of a solution
 * from the problem and solution JSON alone, without OptaPlanner or the scheduling module's domain, so that
 * a test can hold the solver's score against it.
 */
final class SolutionChecker {

    record Result(List<String> violations, long medium, long soft) {
        String score() {
            return (violations.isEmpty() ? 0 : -violations.size()) + "hard/" + (-medium) + "medium/" + (-soft) + "soft";
        }
    }

    private record Visit(Problem.Appointment appointment, Solution.Assignment assignment, int start, int end) {
    }

    private SolutionChecker() {
    }

    static Result check(Problem problem, Solution solution) {
        Problem.Weights w = problem.weights() == null ? Problem.Weights.DEFAULTS : problem.weights().orDefaults();
        List<String> violations = new ArrayList<>();
        Map<String, Problem.Appointment> appointments = new HashMap<>();
        problem.appointments().forEach(a -> appointments.put(a.id(), a));
        Map<String, Problem.Doctor> doctors = new HashMap<>();
        problem.doctors().forEach(d -> doctors.put(d.id(), d));
        Map<String, Problem.Equipment> equipment = new HashMap<>();
        problem.equipment().forEach(e -> equipment.put(e.id(), e));
        Map<String, Boolean> underserved = new HashMap<>();
        problem.regions().forEach(r -> underserved.put(r.id(), Boolean.TRUE.equals(r.underserved())));

        Set<String> seen = new HashSet<>();
        solution.assignments().forEach(a -> {
            if (!seen.add(a.appointmentId())) {
                violations.add(a.appointmentId() + " appears twice");
            }
        });
        solution.unassigned().forEach(id -> {
            if (!seen.add(id)) {
                violations.add(id + " appears twice");
            }
        });
        if (!seen.equals(appointments.keySet())) {
            violations.add("not every appointment appears exactly once");
        }

        long medium = 0;
        for (String id : solution.unassigned()) {
            medium += switch (appointments.get(id).urgency()) {
                case "URGENT" -> w.unassignedUrgent();
                case "SOON" -> w.unassignedSoon();
                default -> w.unassignedRoutine();
            };
        }

        long soft = 0;
        Map<String, List<Visit>> doctorDays = new HashMap<>();
        Map<String, List<Visit>> pieceDays = new HashMap<>();
        Map<String, Integer> minutes = new HashMap<>();
        Map<String, String> mobileAt = new HashMap<>();
        solution.equipmentLocations().forEach(l -> mobileAt.put(l.equipmentId() + "@" + l.day(), l.regionId()));
        for (Solution.Assignment s : solution.assignments()) {
            Problem.Appointment a = appointments.get(s.appointmentId());
            Problem.Doctor d = doctors.get(s.doctorId());
            int start = minutes(s.start());
            int end = start + a.durationMinutes();
            if (!d.specialties().contains(a.specialty())) {
                violations.add(a.id() + ": doctor lacks " + a.specialty());
            }
            if (!a.modes().contains(s.mode())) {
                violations.add(a.id() + ": mode " + s.mode() + " not requested");
            }
            if (s.mode().equals("TELECONSULT") && !Boolean.TRUE.equals(d.teleconsult())) {
                violations.add(a.id() + ": doctor does not teleconsult");
            }
            if (s.day() < a.earliestDay() || s.day() > a.latestDay()) {
                violations.add(a.id() + ": day outside window");
            }
            if (start % problem.horizon().slotMinutes() != 0) {
                violations.add(a.id() + ": off the slot grid");
            }
            if (window(d, s.day(), start, end) == null) {
                violations.add(a.id() + ": outside the doctor's hours");
            }
            minutes.merge(d.id(), a.durationMinutes(), Integer::sum);
            Visit visit = new Visit(a, s, start, end);
            doctorDays.computeIfAbsent(d.id() + "@" + s.day(), k -> new ArrayList<>()).add(visit);
            if (s.mode().equals("IN_PERSON") && a.equipmentType() != null) {
                Problem.Equipment piece = s.equipmentId() == null ? null : equipment.get(s.equipmentId());
                if (piece == null || !piece.type().equals(a.equipmentType())) {
                    violations.add(a.id() + ": no " + a.equipmentType());
                } else {
                    String at = Boolean.TRUE.equals(piece.mobile()) ? mobileAt.get(piece.id() + "@" + s.day())
                            : piece.region();
                    if (!a.region().equals(at)) {
                        violations.add(a.id() + ": " + piece.id() + " is in " + at + ", not " + a.region());
                    }
                    pieceDays.computeIfAbsent(piece.id() + "@" + s.day(), k -> new ArrayList<>()).add(visit);
                }
            }
            int waitingWeight = switch (a.urgency()) {
                case "URGENT" -> w.waitingUrgent();
                case "SOON" -> w.waitingSoon();
                default -> w.waitingRoutine();
            };
            soft += (long) (s.day() - a.earliestDay()) * waitingWeight
                    * (underserved.get(a.region()) ? w.underservedFactor() : 1);
            if (a.language() != null && (d.languages() == null || !d.languages().contains(a.language()))) {
                soft += w.language();
            }
            if (a.preferredDoctorId() != null && !a.preferredDoctorId().equals(d.id())) {
                soft += w.continuity();
            }
        }
        minutes.forEach((doctor, total) -> {
            if (total > doctors.get(doctor).maxMinutes()) {
                violations.add(doctor + ": over max minutes");
            }
        });
        for (List<Visit> day : pieceDays.values()) {
            overlaps(day, "equipment", violations);
        }
        for (Map.Entry<String, List<Visit>> entry : doctorDays.entrySet()) {
            List<Visit> day = entry.getValue();
            overlaps(day, "doctor", violations);
            day.sort(Comparator.comparingInt(Visit::start));
            Problem.Doctor d = doctors.get(entry.getKey().split("@")[0]);
            String at = d.homeRegion();
            Integer previousEnd = null;
            for (Visit v : day) {
                if (v.assignment().mode().equals("IN_PERSON")) {
                    int travel = travel(problem, at, v.appointment().region());
                    soft += (long) travel * w.travelMinute();
                    Problem.Window window = window(d, v.assignment().day(), v.start(), v.end());
                    int from = previousEnd != null ? previousEnd : window == null ? v.start() : minutes(window.start());
                    if (from + travel > v.start()) {
                        violations.add(v.appointment().id() + ": no time to travel from " + at);
                    }
                    at = v.appointment().region();
                }
                previousEnd = v.end();
            }
        }
        return new Result(violations, medium, soft);
    }

    private static void overlaps(List<Visit> day, String what, List<String> violations) {
        for (int i = 0; i < day.size(); i++) {
            for (int j = i + 1; j < day.size(); j++) {
                if (day.get(i).start() < day.get(j).end() && day.get(j).start() < day.get(i).end()) {
                    violations.add(what + " double-booked: " + day.get(i).appointment().id() + ", "
                            + day.get(j).appointment().id());
                }
            }
        }
    }

    private static Problem.Window window(Problem.Doctor d, int day, int start, int end) {
        for (Problem.Window w : d.availability()) {
            if (w.day() == day && minutes(w.start()) <= start && end <= minutes(w.end())) {
                return w;
            }
        }
        return null;
    }

    private static int travel(Problem problem, String from, String to) {
        if (from.equals(to)) {
            return 0;
        }
        Integer there = problem.travelMinutes().getOrDefault(from, Map.of()).get(to);
        return there != null ? there : problem.travelMinutes().get(to).get(from);
    }

    private static int minutes(String time) {
        String[] hm = time.split(":");
        return Integer.parseInt(hm[0]) * 60 + Integer.parseInt(hm[1]);
    }
}
