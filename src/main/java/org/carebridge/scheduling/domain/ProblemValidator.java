package org.carebridge.scheduling.domain;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.carebridge.directory.EquipmentType;
import org.carebridge.directory.Specialty;
import org.carebridge.scheduling.Problem;
import org.carebridge.shared.FieldError;
import org.carebridge.shared.InvalidRequestException;

/**
 * Everything that makes a problem not a problem, each named by its item: {@code appointments[A7].latestDay},
 * {@code doctors[D2].availability[0].end}. A valid but overfull problem passes: the solver leaves out
 * what cannot fit. A problem larger than the caps below is refused before its items are read, so that one
 * request cannot hold the solver, the heap or the validator itself for long (the benchmarks' largest week
 * is 5,000 appointments and 300 doctors, docs/benchmarks.md).
 */
public final class ProblemValidator {

    public static final int MAX_APPOINTMENTS = 10_000;
    public static final int MAX_DOCTORS = 1_000;
    public static final int MAX_EQUIPMENT = 2_000;
    public static final int MAX_REGIONS = 300;
    /**
     * Start times on the grid over the whole horizon, days × (1440 / slotMinutes): at most 31 days of 5-minute
     * slots (a week of 15-minute slots is 672; 4-minute slots then reach 24 days, 1-minute slots 6).
     */
    public static final int MAX_SLOTS = 31 * 288;
    /** Availability windows of one doctor over the horizon (31 days of four sessions is 124). */
    public static final int MAX_WINDOWS = 250;
    /** Most errors one answer lists: a problem wrong everywhere need not be described item by item. */
    static final int MAX_ERRORS = 100;

    static final Set<String> SPECIALTIES = names(Specialty.values());
    static final Set<String> EQUIPMENT_TYPES = names(EquipmentType.values());
    static final Set<String> URGENCIES = names(Urgency.values());
    static final Set<String> MODES = names(Mode.values());

    private final List<FieldError> errors = new ArrayList<>();

    private ProblemValidator() {
    }

    public static void requireValid(Problem problem) {
        List<FieldError> errors = validate(problem);
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
    }

    public static List<FieldError> validate(Problem problem) {
        ProblemValidator v = new ProblemValidator();
        if (v.withinCaps(problem)) {
            v.check(problem);
        }
        return List.copyOf(v.errors.subList(0, Math.min(v.errors.size(), MAX_ERRORS)));
    }

    /** The sizes first: an oversize problem is named by its list and not read further. */
    private boolean withinCaps(Problem p) {
        cap("appointments", p.appointments(), MAX_APPOINTMENTS);
        cap("doctors", p.doctors(), MAX_DOCTORS);
        cap("equipment", p.equipment(), MAX_EQUIPMENT);
        cap("regions", p.regions(), MAX_REGIONS);
        if (p.travelMinutes() != null && p.travelMinutes().size() > MAX_REGIONS) {
            error("travelMinutes", "has " + p.travelMinutes().size() + " rows; at most " + MAX_REGIONS);
        }
        if (p.horizon() != null && p.horizon().days() != null && p.horizon().slotMinutes() != null
                && p.horizon().days() > 0 && p.horizon().slotMinutes() > 0) {
            long slots = (long) p.horizon().days() * (1440 / p.horizon().slotMinutes());
            if (slots > MAX_SLOTS) {
                error("horizon.slotMinutes", "gives " + slots + " start times over " + p.horizon().days()
                        + " days; at most " + MAX_SLOTS + ": use longer slots or fewer days");
            }
        }
        for (int i = 0; p.doctors() != null && i < p.doctors().size(); i++) {
            Problem.Doctor d = p.doctors().get(i);
            if (d != null) {
                cap(item("doctors", i, d.id()) + ".availability", d.availability(), MAX_WINDOWS);
            }
            if (errors.size() >= MAX_ERRORS) {
                break;
            }
        }
        return errors.isEmpty();
    }

    private void cap(String field, List<?> items, int max) {
        if (items != null && items.size() > max) {
            error(field, "has " + items.size() + " items; at most " + max);
        }
    }

    private void check(Problem p) {
        int days = 0;
        if (p.horizon() == null || p.horizon().days() == null || p.horizon().slotMinutes() == null) {
            error("horizon", "needs days and slotMinutes");
        } else {
            days = p.horizon().days();
            if (days < 1 || days > 31) {
                error("horizon.days", "must be between 1 and 31");
            }
            int slot = p.horizon().slotMinutes();
            if (slot < 1 || slot > 240 || 1440 % slot != 0) {
                error("horizon.slotMinutes", "must divide a day (5, 10, 15, 30, 60 ...)");
            }
        }
        Set<String> regions = ids("regions", p.regions(), Problem.Region::id);
        checkTravel(p.travelMinutes(), regions);
        Set<String> doctors = ids("doctors", p.doctors(), Problem.Doctor::id);
        Set<String> equipment = ids("equipment", p.equipment(), Problem.Equipment::id);
        ids("appointments", p.appointments(), Problem.Appointment::id);
        for (int i = 0; p.doctors() != null && i < p.doctors().size(); i++) {
            checkDoctor(item("doctors", i, p.doctors().get(i).id()), p.doctors().get(i), regions, days);
        }
        for (int i = 0; p.equipment() != null && i < p.equipment().size(); i++) {
            Problem.Equipment e = p.equipment().get(i);
            String at = item("equipment", i, e.id());
            known(at + ".type", e.type(), EQUIPMENT_TYPES, "equipment type");
            reference(at + ".region", e.region(), regions, "region");
        }
        for (int i = 0; p.appointments() != null && i < p.appointments().size(); i++) {
            Problem.Appointment a = p.appointments().get(i);
            checkAppointment(item("appointments", i, a.id()), a, regions, doctors, equipment, days);
        }
        if (p.weights() != null) {
            Problem.Weights w = p.weights();
            for (Integer value : List.of(nz(w.unassignedUrgent()), nz(w.unassignedSoon()), nz(w.unassignedRoutine()),
                    nz(w.waitingUrgent()), nz(w.waitingSoon()), nz(w.waitingRoutine()), nz(w.underservedFactor()),
                    nz(w.travelMinute()), nz(w.language()), nz(w.continuity()), nz(w.disruption()))) {
                if (value < 0) {
                    error("weights", "must not be negative");
                    break;
                }
            }
        }
    }

    private static Integer nz(Integer value) {
        return value == null ? 0 : value;
    }

    private void checkTravel(Map<String, Map<String, Integer>> travel, Set<String> regions) {
        if (travel == null) {
            if (regions.size() > 1) {
                error("travelMinutes", "is required when there is more than one region");
            }
            return;
        }
        travel.forEach((from, row) -> {
            if (!regions.contains(from)) {
                error("travelMinutes[" + from + "]", "no region " + from);
            }
            if (row == null) {
                error("travelMinutes[" + from + "]", "must map regions to minutes");
                return;
            }
            row.forEach((to, minutes) -> {
                if (!regions.contains(to)) {
                    error("travelMinutes[" + from + "][" + to + "]", "no region " + to);
                } else if (minutes == null || minutes < 0) {
                    error("travelMinutes[" + from + "][" + to + "]", "must be 0 or more minutes");
                }
            });
        });
        for (String from : regions) {
            for (String to : regions) {
                if (!from.equals(to) && minutes(travel, from, to) == null && minutes(travel, to, from) == null) {
                    error("travelMinutes[" + from + "][" + to + "]", "is missing");
                }
            }
        }
    }

    static Integer minutes(Map<String, Map<String, Integer>> travel, String from, String to) {
        Map<String, Integer> row = travel.get(from);
        return row == null ? null : row.get(to);
    }

    private void checkDoctor(String at, Problem.Doctor d, Set<String> regions, int days) {
        if (d.specialties() == null || d.specialties().isEmpty()) {
            error(at + ".specialties", "must name at least one specialty");
        } else {
            d.specialties().forEach(s -> known(at + ".specialties", s, SPECIALTIES, "specialty"));
        }
        reference(at + ".homeRegion", d.homeRegion(), regions, "region");
        if (d.maxMinutes() == null || d.maxMinutes() < 0) {
            error(at + ".maxMinutes", "must be 0 or more minutes");
        }
        List<Problem.Window> windows = d.availability() == null ? List.of() : d.availability();
        for (int w = 0; w < windows.size(); w++) {
            Problem.Window window = windows.get(w);
            String wat = at + ".availability[" + w + "]";
            day(wat + ".day", window.day(), days);
            int start = Times.parse(window.start());
            int end = Times.parse(window.end());
            if (start < 0) {
                error(wat + ".start", "is not a time HH:MM: " + window.start());
            }
            if (end < 0) {
                error(wat + ".end", "is not a time HH:MM: " + window.end());
            }
            if (start >= 0 && end >= 0 && end <= start) {
                error(wat + ".end", "must be after start " + window.start());
            }
            for (int o = 0; o < w && start >= 0 && end > start; o++) {
                Problem.Window other = windows.get(o);
                if (other.day() != null && other.day().equals(window.day()) && Times.parse(other.start()) < end
                        && start < Times.parse(other.end())) {
                    error(wat, "overlaps availability[" + o + "]");
                }
            }
        }
    }

    private void checkAppointment(String at, Problem.Appointment a, Set<String> regions, Set<String> doctors,
            Set<String> equipment, int days) {
        reference(at + ".region", a.region(), regions, "region");
        known(at + ".specialty", a.specialty(), SPECIALTIES, "specialty");
        known(at + ".urgency", a.urgency(), URGENCIES, "urgency");
        if (a.durationMinutes() == null || a.durationMinutes() < 1 || a.durationMinutes() > 1440) {
            error(at + ".durationMinutes", "must be between 1 and 1440");
        }
        if (a.modes() == null || a.modes().isEmpty()) {
            error(at + ".modes", "must name IN_PERSON, TELECONSULT or both");
        } else {
            a.modes().forEach(m -> known(at + ".modes", m, MODES, "mode"));
            if (new HashSet<>(a.modes()).size() != a.modes().size()) {
                error(at + ".modes", "names a mode twice");
            }
        }
        if (a.equipmentType() != null) {
            known(at + ".equipmentType", a.equipmentType(), EQUIPMENT_TYPES, "equipment type");
        }
        if (a.preferredDoctorId() != null) {
            reference(at + ".preferredDoctorId", a.preferredDoctorId(), doctors, "doctor");
        }
        boolean earliest = day(at + ".earliestDay", a.earliestDay(), days);
        boolean latest = day(at + ".latestDay", a.latestDay(), days);
        if (earliest && latest && a.earliestDay() > a.latestDay()) {
            error(at + ".latestDay", "must not be before earliestDay " + a.earliestDay());
        }
        Problem.Booking b = a.booking();
        if (b != null) {
            reference(at + ".booking.doctorId", b.doctorId(), doctors, "doctor");
            day(at + ".booking.day", b.day(), days);
            if (Times.parse(b.start()) < 0) {
                error(at + ".booking.start", "is not a time HH:MM: " + b.start());
            }
            known(at + ".booking.mode", b.mode(), MODES, "mode");
            if (b.equipmentId() != null) {
                reference(at + ".booking.equipmentId", b.equipmentId(), equipment, "equipment");
            }
        } else if (Boolean.TRUE.equals(a.pinned())) {
            error(at + ".pinned", "a pinned appointment needs its booking");
        }
    }

    private <T> Set<String> ids(String list, List<T> items, Function<T, String> id) {
        Set<String> seen = new HashSet<>();
        if (items == null) {
            if (!list.equals("equipment")) {
                error(list, "is required");
            }
            return seen;
        }
        for (int i = 0; i < items.size(); i++) {
            T item = items.get(i);
            if (item == null) {
                error(list + "[" + i + "]", "is null");
                continue;
            }
            String value = id.apply(item);
            if (value == null || value.isBlank()) {
                error(list + "[" + i + "].id", "is required");
            } else if (!seen.add(value)) {
                error(list + "[" + value + "].id", "duplicate id " + value);
            }
        }
        return seen;
    }

    private boolean day(String field, Integer day, int days) {
        if (day == null) {
            error(field, "is required");
            return false;
        }
        if (day < 0 || (days > 0 && day >= days)) {
            error(field, "day " + day + " is outside the horizon 0–" + (days - 1));
            return false;
        }
        return true;
    }

    private void known(String field, String value, Set<String> allowed, String what) {
        if (value == null) {
            error(field, "is required");
        } else if (!allowed.contains(value)) {
            error(field, "unknown " + what + " " + value);
        }
    }

    private void reference(String field, String id, Set<String> ids, String what) {
        if (id == null) {
            error(field, "is required");
        } else if (!ids.contains(id)) {
            error(field, "no " + what + " " + id);
        }
    }

    private static String item(String list, int index, String id) {
        return list + "[" + (id == null || id.isBlank() ? String.valueOf(index) : id) + "]";
    }

    private void error(String field, String message) {
        errors.add(new FieldError(field, message));
    }

    private static Set<String> names(Enum<?>[] values) {
        Set<String> names = new HashSet<>();
        for (Enum<?> value : values) {
            names.add(value.name());
        }
        return Set.copyOf(names);
    }
}
