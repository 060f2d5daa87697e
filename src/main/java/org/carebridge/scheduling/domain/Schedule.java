package org.carebridge.scheduling.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.carebridge.scheduling.Problem;
import org.optaplanner.core.api.domain.solution.PlanningEntityCollectionProperty;
import org.optaplanner.core.api.domain.solution.PlanningScore;
import org.optaplanner.core.api.domain.solution.PlanningSolution;
import org.optaplanner.core.api.domain.solution.ProblemFactCollectionProperty;
import org.optaplanner.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;

/** The planning problem and, once solved, its schedule: appointments placed on doctors, days, modes, equipment. */
@PlanningSolution
public class Schedule {

    private String name;
    private int days;
    private int slotMinutes;
    private Problem.Weights weights;
    @ProblemFactCollectionProperty
    private List<Region> regions;
    @ProblemFactCollectionProperty
    private List<Doctor> doctors;
    @ProblemFactCollectionProperty
    private List<EquipmentPiece> equipment;
    @PlanningEntityCollectionProperty
    private List<Appointment> appointments;
    @PlanningScore
    private HardMediumSoftLongScore score;

    /** Lookups for building appointments added while solving; shared by the planning clones. */
    private Map<String, Region> regionsById;
    private Map<String, Doctor> doctorsById;
    private Map<String, EquipmentPiece> equipmentById;
    private Map<String, List<Doctor>> doctorsBySpecialty;
    private Map<String, List<EquipmentPiece>> equipmentByType;
    /** All start slots in order; {@code firstSlotOfDay[d]} is where day d's slots begin. */
    private List<Slot> slots;
    private int[] firstSlotOfDay;

    /** The planning clone needs it. */
    public Schedule() {
    }

    public Schedule(String name, int days, int slotMinutes, Problem.Weights weights, List<Region> regions,
            List<Doctor> doctors, List<EquipmentPiece> equipment, List<Slot> slots, int[] firstSlotOfDay,
            Map<String, List<Doctor>> doctorsBySpecialty, Map<String, List<EquipmentPiece>> equipmentByType) {
        this.name = name;
        this.days = days;
        this.slotMinutes = slotMinutes;
        this.weights = weights;
        this.regions = regions;
        this.doctors = doctors;
        this.equipment = equipment;
        this.slots = slots;
        this.firstSlotOfDay = firstSlotOfDay;
        this.doctorsBySpecialty = doctorsBySpecialty;
        this.equipmentByType = equipmentByType;
        this.regionsById = index(regions, Region::getId);
        this.doctorsById = index(doctors, Doctor::getId);
        this.equipmentById = index(equipment, EquipmentPiece::id);
        this.appointments = new ArrayList<>();
    }

    private static <T> Map<String, T> index(List<T> items, java.util.function.Function<T, String> id) {
        Map<String, T> map = new java.util.LinkedHashMap<>();
        items.forEach(item -> map.put(id.apply(item), item));
        return map;
    }

    /** The slots of days {@code from..to}; a view, shared by every appointment with the same days. */
    public List<Slot> slotsOfDays(int from, int to) {
        int a = firstSlotOfDay[Math.max(0, Math.min(from, days))];
        int b = firstSlotOfDay[Math.max(0, Math.min(to + 1, days))];
        return slots.subList(a, Math.max(a, b));
    }

    public List<Slot> getSlots() {
        return slots;
    }

    public String getName() {
        return name;
    }

    public int getDays() {
        return days;
    }

    public int getSlotMinutes() {
        return slotMinutes;
    }

    public Problem.Weights getWeights() {
        return weights;
    }

    public List<Region> getRegions() {
        return regions;
    }

    public List<Doctor> getDoctors() {
        return doctors;
    }

    public List<EquipmentPiece> getEquipment() {
        return equipment;
    }

    public List<Appointment> getAppointments() {
        return appointments;
    }

    public void setAppointments(List<Appointment> appointments) {
        this.appointments = appointments;
    }

    public HardMediumSoftLongScore getScore() {
        return score;
    }

    public void setScore(HardMediumSoftLongScore score) {
        this.score = score;
    }

    public Region region(String id) {
        return regionsById.get(id);
    }

    public Doctor doctor(String id) {
        return doctorsById.get(id);
    }

    public EquipmentPiece equipmentPiece(String id) {
        return equipmentById.get(id);
    }

    public List<Doctor> doctorsWith(String specialty) {
        return doctorsBySpecialty.getOrDefault(specialty, List.of());
    }

    public List<EquipmentPiece> equipmentOfType(String type) {
        return type == null ? List.of() : equipmentByType.getOrDefault(type, List.of());
    }

    public Appointment appointment(String id) {
        return appointments.stream().filter(a -> a.getId().equals(id)).findFirst().orElse(null);
    }
}
