package org.carebridge.scheduling.domain;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

import org.carebridge.scheduling.Problem;

/** Builds the planning problem from a valid problem JSON ({@link ProblemValidator} first). */
public final class ScheduleFactory {

    private ScheduleFactory() {
    }

    /**
     * @param replanning when true, moving a booked (confirmed but not pinned) appointment costs the
     *                   disruption weight, so that a re-solve moves as few as it can
     */
    public static Schedule build(Problem problem, boolean replanning) {
        ProblemValidator.requireValid(problem);
        return buildChecked(problem, replanning);
    }

    /** {@link #build} of a problem checked before (a stored run's, with the appointments changes added). */
    static Schedule buildChecked(Problem problem, boolean replanning) {
        int days = problem.horizon().days();
        int slotMinutes = problem.horizon().slotMinutes();
        Problem.Weights weights = problem.weights() == null ? Problem.Weights.DEFAULTS : problem.weights().orDefaults();

        List<Region> regions = new ArrayList<>();
        for (Problem.Region r : problem.regions()) {
            regions.add(new Region(r.id(), r.name(), Boolean.TRUE.equals(r.underserved()), regions.size()));
        }
        for (Region from : regions) {
            int[] row = new int[regions.size()];
            for (Region to : regions) {
                Integer there = problem.travelMinutes() == null ? null
                        : ProblemValidator.minutes(problem.travelMinutes(), from.getId(), to.getId());
                Integer back = problem.travelMinutes() == null ? null
                        : ProblemValidator.minutes(problem.travelMinutes(), to.getId(), from.getId());
                row[to.getIndex()] = from == to ? 0 : there != null ? there : back != null ? back : 0;
            }
            from.setTravelTo(row);
        }
        Map<String, Region> regionsById = new HashMap<>();
        regions.forEach(r -> regionsById.put(r.getId(), r));

        List<Doctor> doctors = new ArrayList<>();
        Map<String, List<Doctor>> bySpecialty = new LinkedHashMap<>();
        int[] dayFrom = new int[days];
        int[] dayTo = new int[days];
        java.util.Arrays.fill(dayFrom, Integer.MAX_VALUE);
        for (Problem.Doctor d : problem.doctors()) {
            List<List<Window>> windows = new ArrayList<>();
            for (int day = 0; day < days; day++) {
                windows.add(new ArrayList<>());
            }
            if (d.availability() != null) {
                for (Problem.Window w : d.availability()) {
                    int start = Times.parse(w.start());
                    int end = Times.parse(w.end());
                    windows.get(w.day()).add(new Window(start, end));
                    dayFrom[w.day()] = Math.min(dayFrom[w.day()], start - start % slotMinutes);
                    dayTo[w.day()] = Math.max(dayTo[w.day()], end);
                }
            }
            windows.forEach(day -> day.sort(java.util.Comparator.comparingInt(Window::start)));
            Doctor doctor = new Doctor(d.id(), d.name(), new LinkedHashSet<>(d.specialties()),
                    d.languages() == null ? java.util.Set.of() : new LinkedHashSet<>(d.languages()),
                    regionsById.get(d.homeRegion()), Boolean.TRUE.equals(d.teleconsult()), d.maxMinutes(), windows);
            doctors.add(doctor);
            d.specialties().forEach(s -> bySpecialty.computeIfAbsent(s, k -> new ArrayList<>()).add(doctor));
        }

        List<EquipmentPiece> equipment = new ArrayList<>();
        Map<String, List<EquipmentPiece>> byType = new LinkedHashMap<>();
        if (problem.equipment() != null) {
            for (Problem.Equipment e : problem.equipment()) {
                EquipmentPiece piece = new EquipmentPiece(e.id(), e.type(), regionsById.get(e.region()),
                        Boolean.TRUE.equals(e.mobile()));
                equipment.add(piece);
                byType.computeIfAbsent(e.type(), k -> new ArrayList<>()).add(piece);
            }
        }

        List<Slot> slots = new ArrayList<>();
        int[] firstSlotOfDay = new int[days + 1];
        for (int day = 0; day < days; day++) {
            firstSlotOfDay[day] = slots.size();
            for (int minute = dayFrom[day]; minute < dayTo[day]; minute += slotMinutes) {
                slots.add(new Slot(day, minute));
            }
        }
        firstSlotOfDay[days] = slots.size();

        Schedule schedule = new Schedule(problem.name(), days, slotMinutes, weights, regions, doctors, equipment,
                slots, firstSlotOfDay, bySpecialty, byType);
        List<Appointment> appointments = new ArrayList<>();
        for (Problem.Appointment a : problem.appointments()) {
            appointments.add(appointment(a, appointments.size(), schedule, replanning));
        }
        schedule.setAppointments(appointments);
        return schedule;
    }

    /** One appointment of the problem, its value ranges and costs taken from the schedule it joins. */
    public static Appointment appointment(Problem.Appointment a, int index, Schedule schedule, boolean replanning) {
        Problem.Weights w = schedule.getWeights();
        List<Mode> modes = a.modes().stream().map(Mode::valueOf).toList();
        Urgency urgency = Urgency.valueOf(a.urgency());
        Region region = schedule.region(a.region());
        Appointment appointment = new Appointment(a.id(), index, region, a.specialty(), a.durationMinutes(), urgency,
                modes, a.earliestDay(), a.latestDay());
        appointment.setDetails(a.patientId(), a.equipmentType(), a.language(), a.preferredDoctorId());
        appointment.setSlotMinutes(schedule.getSlotMinutes());
        long waiting = switch (urgency) {
            case URGENT -> w.waitingUrgent();
            case SOON -> w.waitingSoon();
            case ROUTINE -> w.waitingRoutine();
        };
        if (region.isUnderserved()) {
            waiting *= w.underservedFactor();
        }
        long unassigned = switch (urgency) {
            case URGENT -> w.unassignedUrgent();
            case SOON -> w.unassignedSoon();
            case ROUTINE -> w.unassignedRoutine();
        };
        boolean booked = a.booking() != null;
        boolean pinned = Boolean.TRUE.equals(a.pinned());
        appointment.setCosts(unassigned, waiting, w.language(), w.continuity(), w.travelMinute(),
                replanning && booked && !pinned ? w.disruption() : 0);

        List<Doctor> doctors = schedule.doctorsWith(a.specialty());
        if (!modes.contains(Mode.IN_PERSON)) {
            doctors = doctors.stream().filter(Doctor::isTeleconsult).toList();
        }
        List<Slot> slots = schedule.slotsOfDays(a.earliestDay(), a.latestDay());
        if (slots.isEmpty()) {
            slots = List.of(new Slot(a.earliestDay(), 0)); // nobody works these days: it stays unassigned
        }
        List<EquipmentPiece> pieces = modes.contains(Mode.IN_PERSON) ? schedule.equipmentOfType(a.equipmentType())
                : List.of();
        appointment.setRanges(doctors, slots, pieces);
        if (booked) {
            Problem.Booking b = a.booking();
            Slot start = new Slot(b.day(), Times.parse(b.start()));
            Appointment.Booking booking = new Appointment.Booking(schedule.doctor(b.doctorId()), start,
                    Mode.valueOf(b.mode()), b.equipmentId() == null ? null : schedule.equipmentPiece(b.equipmentId()));
            appointment.setBooking(booking);
            appointment.setDoctor(booking.doctor());
            appointment.setStart(slots.contains(start) ? slots.get(slots.indexOf(start)) : start);
            appointment.setMode(booking.mode());
            appointment.setEquipment(booking.equipment());
            appointment.setPinned(pinned);
        }
        return appointment;
    }
}
