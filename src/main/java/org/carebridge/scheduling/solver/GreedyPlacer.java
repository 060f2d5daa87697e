package org.carebridge.scheduling.solver;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.carebridge.scheduling.domain.Appointment;
import org.carebridge.scheduling.domain.Doctor;
import org.carebridge.scheduling.domain.EquipmentPiece;
import org.carebridge.scheduling.domain.Mode;
import org.carebridge.scheduling.domain.Region;
import org.carebridge.scheduling.domain.Route;
import org.carebridge.scheduling.domain.Schedule;
import org.carebridge.scheduling.domain.Slot;
import org.carebridge.scheduling.domain.Window;

/**
 * Places appointments one at a time into what is still free, never breaking a hard constraint and never
 * moving what is already placed: the first-come-first-served baseline takes the first feasible placement,
 * the solver's construction the cheapest one, and the ruin-and-recreate moves re-place a few appointments
 * left out of the books. Works on its own books of the schedule (who is where when) and changes no
 * appointment until {@link #commit}; {@link #reserve} only books.
 */
final class GreedyPlacer {

    /** Urgent first, then the earliest day the patient can come, then the order of arrival. */
    static final Comparator<Appointment> QUEUE = Comparator.comparing(Appointment::getUrgency)
            .thenComparingInt(Appointment::getEarliestDay).thenComparingInt(Appointment::getIndex);

    record Candidate(Doctor doctor, Slot start, Mode mode, EquipmentPiece equipment, long cost) {
    }

    private final Schedule schedule;
    private final Map<Doctor, List<List<Route.Visit>>> doctorDays = new HashMap<>();
    private final Map<Doctor, Integer> doctorMinutes = new HashMap<>();
    private final Map<EquipmentPiece, List<List<Route.Visit>>> pieceDays = new HashMap<>();
    private final Map<EquipmentPiece, Region[]> mobileAt = new HashMap<>();

    GreedyPlacer(Schedule schedule) {
        this.schedule = schedule;
        for (Appointment a : schedule.getAppointments()) {
            if (a.isAssigned()) {
                book(a, a.getDoctor(), a.getStart(), a.getMode(), a.getUsedEquipment());
            }
        }
    }

    /**
     * The books of the schedule as it is without the appointments {@code leftOut}, kept only for the given
     * doctors and equipment types: enough to place appointments that can only use those, and much cheaper.
     */
    GreedyPlacer(Schedule schedule, Set<Appointment> leftOut, Set<Doctor> doctors, Set<String> equipmentTypes) {
        this.schedule = schedule;
        for (Appointment a : schedule.getAppointments()) {
            if (a.isAssigned() && !leftOut.contains(a)) {
                EquipmentPiece piece = a.getUsedEquipment();
                book(a, doctors.contains(a.getDoctor()) ? a.getDoctor() : null, a.getStart(), a.getMode(),
                        piece != null && equipmentTypes.contains(piece.type()) ? piece : null);
            }
        }
    }

    /** The appointments waiting for a place, in the order they are served. */
    List<Appointment> queue() {
        return schedule.getAppointments().stream().filter(a -> !a.isAssigned() && !a.isPinned()).sorted(QUEUE)
                .toList();
    }

    /** The earliest feasible slot of any capable doctor, modes in the order the referral lists them. */
    Candidate firstFeasible(Appointment a) {
        for (Slot slot : a.getSlotRange()) {
            for (Doctor doctor : a.getDoctorRange()) {
                for (Mode mode : a.getModes()) {
                    Candidate c = feasible(a, doctor, slot, mode);
                    if (c != null) {
                        return c;
                    }
                }
            }
        }
        return null;
    }

    /**
     * The feasible placement that adds the least to the objective (waiting, travel, language, continuity),
     * looking at each doctor's earliest feasible slot per day and mode; later days are skipped once their
     * waiting alone costs more than the best found.
     */
    Candidate cheapest(Appointment a) {
        Candidate best = null;
        List<Slot> slots = a.getSlotRange();
        int i = 0;
        while (i < slots.size()) {
            int day = slots.get(i).day();
            int end = i;
            while (end < slots.size() && slots.get(end).day() == day) {
                end++;
            }
            long waiting = (long) Math.max(0, day - a.getEarliestDay()) * a.getWaitingCostPerDay();
            if (best != null && waiting >= best.cost()) {
                break;
            }
            for (Doctor doctor : a.getDoctorRange()) {
                if (doctor.windowsOn(day).isEmpty()
                        || doctorMinutes.getOrDefault(doctor, 0) + a.getDurationMinutes() > doctor.getMaxMinutes()) {
                    continue;
                }
                for (Mode mode : a.getModes()) {
                    Candidate c = earliestOnDay(a, doctor, mode, slots, i, end);
                    if (c != null && (best == null || c.cost() < best.cost())) {
                        best = c;
                    }
                }
            }
            i = end;
        }
        return best;
    }

    /** The earliest feasible placement among {@code slots[from..to)} (one day's), trying only working hours. */
    private Candidate earliestOnDay(Appointment a, Doctor doctor, Mode mode, List<Slot> slots, int from, int to) {
        if (mode == Mode.TELECONSULT && !doctor.isTeleconsult()) {
            return null;
        }
        Slot first = slots.get(from);
        int slotMinutes = schedule.getSlotMinutes();
        for (Window window : doctor.windowsOn(first.day())) {
            int skip = Math.max(0, window.start() - first.minute());
            for (int s = from + (skip + slotMinutes - 1) / slotMinutes; s < to; s++) {
                Slot slot = slots.get(s);
                if (slot.minute() + a.getDurationMinutes() > window.end()) {
                    break;
                }
                Candidate c = feasible(a, doctor, slot, mode);
                if (c != null) {
                    return c;
                }
            }
        }
        return null;
    }

    /** The placement with its added cost, or null when it would break a hard constraint. */
    Candidate feasible(Appointment a, Doctor doctor, Slot slot, Mode mode) {
        if (mode == Mode.TELECONSULT && !doctor.isTeleconsult()) {
            return null;
        }
        if (!doctor.hasSpecialty(a.getSpecialty()) || !a.getModes().contains(mode)) {
            return null;
        }
        int day = slot.day();
        int from = slot.minute();
        int to = from + a.getDurationMinutes();
        if (day < a.getEarliestDay() || day > a.getLatestDay() || doctor.windowHolding(day, from, to) == null) {
            return null;
        }
        if (doctorMinutes.getOrDefault(doctor, 0) + a.getDurationMinutes() > doctor.getMaxMinutes()) {
            return null;
        }
        List<Route.Visit> booked = dayOf(doctorDays, doctor, day);
        for (Route.Visit other : booked) {
            if (other.start() < to && from < other.end()) {
                return null;
            }
        }
        EquipmentPiece piece = null;
        if (mode == Mode.IN_PERSON && a.getEquipmentType() != null) {
            piece = freePiece(a, day, from, to);
            if (piece == null) {
                return null;
            }
        }
        List<Route.Visit> visits = new ArrayList<>(booked);
        Route before = booked.isEmpty() ? new Route(0, 0) : Route.walk(doctor, day, new ArrayList<>(visits));
        visits.add(new Route.Visit(from, to, mode == Mode.IN_PERSON, a.getRegion(), a.getIndex()));
        Route after = Route.walk(doctor, day, visits);
        if (after.lateMinutes() > before.lateMinutes()) {
            return null;
        }
        long cost = (long) Math.max(0, day - a.getEarliestDay()) * a.getWaitingCostPerDay()
                + (long) (after.travelMinutes() - before.travelMinutes()) * a.getTravelCostPerMinute();
        if (a.getLanguage() != null && !doctor.speaks(a.getLanguage())) {
            cost += a.getLanguageCost();
        }
        if (a.getPreferredDoctorId() != null && !a.getPreferredDoctorId().equals(doctor.getId())) {
            cost += a.getContinuityCost();
        }
        return new Candidate(doctor, slot, mode, piece, cost);
    }

    private EquipmentPiece freePiece(Appointment a, int day, int from, int to) {
        for (EquipmentPiece piece : schedule.equipmentOfType(a.getEquipmentType())) {
            if (piece.mobile()) {
                Region at = mobileAt.containsKey(piece) ? mobileAt.get(piece)[day] : null;
                if (at != null && at != a.getRegion()) {
                    continue;
                }
            } else if (piece.region() != a.getRegion()) {
                continue;
            }
            boolean free = true;
            for (Route.Visit other : dayOf(pieceDays, piece, day)) {
                if (other.start() < to && from < other.end()) {
                    free = false;
                    break;
                }
            }
            if (free) {
                return piece;
            }
        }
        return null;
    }

    /** Takes the placement into the books; the caller sets the appointment's variables. */
    void commit(Appointment a, Candidate c) {
        a.setDoctor(c.doctor());
        a.setStart(c.start());
        a.setMode(c.mode());
        a.setEquipment(c.equipment());
        reserve(a, c);
    }

    /** Takes the placement into the books only: the appointment keeps its variables. */
    void reserve(Appointment a, Candidate c) {
        boolean usesPiece = c.mode() == Mode.IN_PERSON && a.getEquipmentType() != null;
        book(a, c.doctor(), c.start(), c.mode(), usesPiece ? c.equipment() : null);
    }

    private void book(Appointment a, Doctor doctor, Slot start, Mode mode, EquipmentPiece piece) {
        if (start.day() < 0 || start.day() >= schedule.getDays()) {
            return;
        }
        Route.Visit visit = new Route.Visit(start.minute(), start.minute() + a.getDurationMinutes(),
                mode == Mode.IN_PERSON, a.getRegion(), a.getIndex());
        if (doctor != null) {
            dayOf(doctorDays, doctor, start.day()).add(visit);
            doctorMinutes.merge(doctor, a.getDurationMinutes(), Integer::sum);
        }
        if (piece != null) {
            dayOf(pieceDays, piece, start.day()).add(visit);
            if (piece.mobile()) {
                mobileAt.computeIfAbsent(piece, p -> new Region[schedule.getDays()])[start.day()] = a.getRegion();
            }
        }
    }

    private <K> List<Route.Visit> dayOf(Map<K, List<List<Route.Visit>>> books, K key, int day) {
        return books.computeIfAbsent(key, k -> {
            List<List<Route.Visit>> days = new ArrayList<>();
            for (int d = 0; d < schedule.getDays(); d++) {
                days.add(new ArrayList<>());
            }
            return days;
        }).get(day);
    }
}
