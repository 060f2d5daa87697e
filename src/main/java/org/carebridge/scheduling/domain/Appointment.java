package org.carebridge.scheduling.domain;

import java.util.List;
import java.util.Objects;

import org.optaplanner.core.api.domain.entity.PlanningEntity;
import org.optaplanner.core.api.domain.entity.PlanningPin;
import org.optaplanner.core.api.domain.lookup.PlanningId;
import org.optaplanner.core.api.domain.valuerange.ValueRangeProvider;
import org.optaplanner.core.api.domain.variable.PlanningVariable;

/**
 * One patient to see. The model: each appointment chooses a doctor (null = unassigned, the problem is
 * overconstrained), a start slot, a mode and, when it needs one, a piece of equipment. Every value range is
 * limited per appointment (doctors with the specialty, slots within its days, its own modes, pieces of its
 * equipment type), so the search never wastes moves on values that break constraints 1–3. This basic-variable
 * model was chosen over a list variable per doctor-day because mode and equipment are decisions of their own
 * and pinning, nullable doctors and problem changes are simplest with basic variables; travel and sequence
 * are evaluated per doctor and day ({@link Route}). The construction starts from a greedy cheapest
 * insertion, so local search spends its time improving, not building.
 *
 * <p>The costs of the objective are copied onto each appointment from the problem's weights, so that the
 * constraints need no join to find them.
 */
@PlanningEntity
public class Appointment {

    @PlanningId
    private String id;
    private String patientId;
    private int index;
    private Region region;
    private String specialty;
    private int durationMinutes;
    private Urgency urgency;
    private List<Mode> modes;
    private String equipmentType;
    private String language;
    private String preferredDoctorId;
    private int earliestDay;
    private int latestDay;
    @PlanningPin
    private boolean pinned;
    /** Where it was booked before replanning; moving it away costs {@link #disruptionCost}. */
    private Booking booking;

    private long unassignedCost;
    private long waitingCostPerDay;
    private long languageCost;
    private long continuityCost;
    private long travelCostPerMinute;
    private long disruptionCost;
    private int slotMinutes = 1;

    private List<Doctor> doctorRange;
    private List<Slot> slotRange;
    private List<EquipmentPiece> equipmentRange;

    @PlanningVariable(valueRangeProviderRefs = "doctorRange", nullable = true)
    private Doctor doctor;
    @PlanningVariable(valueRangeProviderRefs = "slotRange")
    private Slot start;
    @PlanningVariable(valueRangeProviderRefs = "modeRange")
    private Mode mode;
    @PlanningVariable(valueRangeProviderRefs = "equipmentRange", nullable = true)
    private EquipmentPiece equipment;

    /** The planning clone needs it. */
    public Appointment() {
    }

    public Appointment(String id, int index, Region region, String specialty, int durationMinutes, Urgency urgency,
            List<Mode> modes, int earliestDay, int latestDay) {
        this.id = id;
        this.index = index;
        this.region = region;
        this.specialty = specialty;
        this.durationMinutes = durationMinutes;
        this.urgency = urgency;
        this.modes = List.copyOf(modes);
        this.earliestDay = earliestDay;
        this.latestDay = latestDay;
        this.mode = modes.get(0);
    }

    /** A placement booked before this planning run. */
    public record Booking(Doctor doctor, Slot start, Mode mode, EquipmentPiece equipment) {
    }

    // ---- what the constraints ask

    public boolean isAssigned() {
        return doctor != null && start != null;
    }

    public int getDay() {
        return start == null ? -1 : start.day();
    }

    public int getStartMinute() {
        return start.minute();
    }

    public int getEndMinute() {
        return start.minute() + durationMinutes;
    }

    /** Minutes from the horizon's start, for comparing across days. */
    public int getAbsoluteStart() {
        return start.absolute();
    }

    public int getAbsoluteEnd() {
        return start.absolute() + durationMinutes;
    }

    public boolean isInPerson() {
        return mode == Mode.IN_PERSON;
    }

    public boolean needsEquipment() {
        return mode == Mode.IN_PERSON && equipmentType != null;
    }

    /** The piece this appointment really uses: only an in-person appointment that needs equipment uses one. */
    public EquipmentPiece getUsedEquipment() {
        return needsEquipment() ? equipment : null;
    }

    public boolean isMovedFromBooking() {
        if (booking == null) {
            return false;
        }
        return booking.doctor() != doctor || !Objects.equals(booking.start(), start) || booking.mode() != mode
                || (needsEquipment() && booking.equipment() != equipment);
    }

    public boolean isOnSlotGrid() {
        return start.minute() % slotMinutes == 0;
    }

    public void setSlotMinutes(int slotMinutes) {
        this.slotMinutes = slotMinutes;
    }

    public long getWaitingCost() {
        return (long) Math.max(0, getDay() - earliestDay) * waitingCostPerDay;
    }

    // ---- value ranges, limited per appointment

    @ValueRangeProvider(id = "doctorRange")
    public List<Doctor> getDoctorRange() {
        return doctorRange;
    }

    @ValueRangeProvider(id = "slotRange")
    public List<Slot> getSlotRange() {
        return slotRange;
    }

    @ValueRangeProvider(id = "modeRange")
    public List<Mode> getModes() {
        return modes;
    }

    @ValueRangeProvider(id = "equipmentRange")
    public List<EquipmentPiece> getEquipmentRange() {
        return equipmentRange;
    }

    public void setRanges(List<Doctor> doctors, List<Slot> slots, List<EquipmentPiece> pieces) {
        this.doctorRange = doctors;
        this.slotRange = slots;
        this.equipmentRange = pieces;
        if (start == null && !slots.isEmpty()) {
            start = slots.get(0);
        }
    }

    public void setCosts(long unassigned, long waitingPerDay, long language, long continuity, long travelPerMinute,
            long disruption) {
        this.unassignedCost = unassigned;
        this.waitingCostPerDay = waitingPerDay;
        this.languageCost = language;
        this.continuityCost = continuity;
        this.travelCostPerMinute = travelPerMinute;
        this.disruptionCost = disruption;
    }

    public void setDetails(String patientId, String equipmentType, String language, String preferredDoctorId) {
        this.patientId = patientId;
        this.equipmentType = equipmentType;
        this.language = language;
        this.preferredDoctorId = preferredDoctorId;
    }

    // ---- accessors

    public String getId() {
        return id;
    }

    public String getPatientId() {
        return patientId;
    }

    public int getIndex() {
        return index;
    }

    public Region getRegion() {
        return region;
    }

    public String getSpecialty() {
        return specialty;
    }

    public int getDurationMinutes() {
        return durationMinutes;
    }

    public Urgency getUrgency() {
        return urgency;
    }

    public String getEquipmentType() {
        return equipmentType;
    }

    public String getLanguage() {
        return language;
    }

    public String getPreferredDoctorId() {
        return preferredDoctorId;
    }

    public int getEarliestDay() {
        return earliestDay;
    }

    public int getLatestDay() {
        return latestDay;
    }

    public boolean isPinned() {
        return pinned;
    }

    public void setPinned(boolean pinned) {
        this.pinned = pinned;
    }

    public Booking getBooking() {
        return booking;
    }

    public void setBooking(Booking booking) {
        this.booking = booking;
    }

    public long getUnassignedCost() {
        return unassignedCost;
    }

    public long getWaitingCostPerDay() {
        return waitingCostPerDay;
    }

    public long getLanguageCost() {
        return languageCost;
    }

    public long getContinuityCost() {
        return continuityCost;
    }

    public long getTravelCostPerMinute() {
        return travelCostPerMinute;
    }

    public long getDisruptionCost() {
        return disruptionCost;
    }

    public void setDisruptionCost(long disruptionCost) {
        this.disruptionCost = disruptionCost;
    }

    public Doctor getDoctor() {
        return doctor;
    }

    public void setDoctor(Doctor doctor) {
        this.doctor = doctor;
    }

    public Slot getStart() {
        return start;
    }

    public void setStart(Slot start) {
        this.start = start;
    }

    public Mode getMode() {
        return mode;
    }

    public void setMode(Mode mode) {
        this.mode = mode;
    }

    public EquipmentPiece getEquipment() {
        return equipment;
    }

    public void setEquipment(EquipmentPiece equipment) {
        this.equipment = equipment;
    }

    @Override
    public String toString() {
        return id;
    }
}
