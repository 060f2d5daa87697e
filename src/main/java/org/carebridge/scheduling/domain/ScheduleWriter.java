package org.carebridge.scheduling.domain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.carebridge.scheduling.Problem;
import org.carebridge.scheduling.Solution;
import org.optaplanner.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;

/** Writes a schedule as the spec's solution JSON, with the objective split into its terms. */
public final class ScheduleWriter {

    private ScheduleWriter() {
    }

    public static Solution write(Schedule schedule, Map<String, String> unassignedReasons) {
        List<Solution.Assignment> assignments = new ArrayList<>();
        List<String> unassigned = new ArrayList<>();
        for (Appointment a : schedule.getAppointments()) {
            if (a.isAssigned()) {
                EquipmentPiece piece = a.getUsedEquipment();
                assignments.add(new Solution.Assignment(a.getId(), a.getDoctor().getId(), a.getDay(),
                        a.getStart().time(), a.getMode().name(), piece == null ? null : piece.id()));
            } else {
                unassigned.add(a.getId());
            }
        }
        Solution.Breakdown breakdown = breakdown(schedule);
        Map<String, String> reasons = new LinkedHashMap<>();
        unassigned.forEach(id -> {
            if (unassignedReasons.containsKey(id)) {
                reasons.put(id, unassignedReasons.get(id));
            }
        });
        return new Solution(officialScore(breakdown).toString(), assignments, unassigned,
                equipmentLocations(schedule), reasons, breakdown, weightsChanged(schedule.getWeights()));
    }

    /** The spec's objective: the solver's score without the replanning disruption term. */
    public static HardMediumSoftLongScore officialScore(Solution.Breakdown b) {
        return HardMediumSoftLongScore.of(-b.hard(), -b.unassigned(), -b.soft());
    }

    /**
     * The objective's terms recomputed from the schedule; the hard level is taken from the solver's score
     * (0 when the schedule has none yet).
     */
    public static Solution.Breakdown breakdown(Schedule schedule) {
        long unassigned = 0;
        long waiting = 0;
        long language = 0;
        long continuity = 0;
        long disruption = 0;
        long travelWeight = schedule.getWeights().travelMinute();
        Map<Doctor, Map<Integer, List<Appointment>>> days = new HashMap<>();
        for (Appointment a : schedule.getAppointments()) {
            if (a.getDisruptionCost() > 0 && a.isMovedFromBooking()) {
                disruption += a.getDisruptionCost();
            }
            if (!a.isAssigned()) {
                unassigned += a.getUnassignedCost();
                continue;
            }
            waiting += a.getWaitingCost();
            if (a.getLanguage() != null && !a.getDoctor().speaks(a.getLanguage())) {
                language += a.getLanguageCost();
            }
            if (a.getPreferredDoctorId() != null && !a.getPreferredDoctorId().equals(a.getDoctor().getId())) {
                continuity += a.getContinuityCost();
            }
            days.computeIfAbsent(a.getDoctor(), d -> new HashMap<>()).computeIfAbsent(a.getDay(), d -> new ArrayList<>())
                    .add(a);
        }
        long travel = 0;
        for (var doctor : days.entrySet()) {
            for (var day : doctor.getValue().entrySet()) {
                travel += Route.of(doctor.getKey(), day.getKey(), day.getValue()).travelMinutes() * travelWeight;
            }
        }
        long hard = schedule.getScore() == null ? 0 : -schedule.getScore().hardScore();
        return new Solution.Breakdown(hard, unassigned, waiting, travel, language, continuity, disruption);
    }

    /**
     * Where each mobile piece is each day: the county of the appointments that use it (the first of the day
     * when they disagree, which is a hard violation), else where it stood the day before, else its home.
     */
    public static List<Solution.EquipmentLocation> equipmentLocations(Schedule schedule) {
        Map<EquipmentPiece, TreeMap<Integer, Appointment>> firstUse = new LinkedHashMap<>();
        schedule.getAppointments().stream()
                .filter(a -> a.isAssigned() && a.getUsedEquipment() != null && a.getUsedEquipment().mobile())
                .sorted(Comparator.comparingInt(Appointment::getAbsoluteStart))
                .forEach(a -> firstUse.computeIfAbsent(a.getUsedEquipment(), p -> new TreeMap<>())
                        .putIfAbsent(a.getDay(), a));
        List<Solution.EquipmentLocation> locations = new ArrayList<>();
        for (EquipmentPiece piece : schedule.getEquipment()) {
            if (!piece.mobile()) {
                continue;
            }
            Region at = piece.region();
            TreeMap<Integer, Appointment> uses = firstUse.getOrDefault(piece, new TreeMap<>());
            for (int day = 0; day < schedule.getDays(); day++) {
                if (uses.containsKey(day)) {
                    at = uses.get(day).getRegion();
                }
                locations.add(new Solution.EquipmentLocation(piece.id(), day, at.getId()));
            }
        }
        return locations;
    }

    private static List<String> weightsChanged(Problem.Weights weights) {
        Problem.Weights d = Problem.Weights.DEFAULTS;
        List<String> changed = new ArrayList<>();
        compare(changed, "unassignedUrgent", weights.unassignedUrgent(), d.unassignedUrgent());
        compare(changed, "unassignedSoon", weights.unassignedSoon(), d.unassignedSoon());
        compare(changed, "unassignedRoutine", weights.unassignedRoutine(), d.unassignedRoutine());
        compare(changed, "waitingUrgent", weights.waitingUrgent(), d.waitingUrgent());
        compare(changed, "waitingSoon", weights.waitingSoon(), d.waitingSoon());
        compare(changed, "waitingRoutine", weights.waitingRoutine(), d.waitingRoutine());
        compare(changed, "underservedFactor", weights.underservedFactor(), d.underservedFactor());
        compare(changed, "travelMinute", weights.travelMinute(), d.travelMinute());
        compare(changed, "language", weights.language(), d.language());
        compare(changed, "continuity", weights.continuity(), d.continuity());
        return changed;
    }

    private static void compare(List<String> changed, String name, Integer value, Integer fallback) {
        if (!value.equals(fallback)) {
            changed.add(name + "=" + value);
        }
    }
}
