package org.carebridge.scheduling.domain;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.carebridge.scheduling.Problem;

/**
 * A schedule as a run keeps it in the database, so that any node rebuilds the same schedule with the same
 * score: every appointment as the problem JSON writes one (an appointment added by a change included, a
 * cancelled one gone), with where replanning measures its moves from ({@code booking}), whether moving it
 * costs the disruption weight, and its planning values now ({@code at}; no doctor when unassigned); and the
 * days doctors were made unavailable. The rest (regions, doctors, equipment, weights) is the run's problem,
 * which no change alters.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ScheduleSnapshot(List<Planned> appointments, List<CancelledDay> cancelledDays) {

    /** One appointment: as in the problem JSON, its disruption cost, and its planning values now. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Planned(Problem.Appointment appointment, boolean disruptive, Problem.Booking at) {
    }

    public record CancelledDay(String doctorId, int day) {
    }

    // compact: a province's week is written about once a second while it improves
    private static final ObjectWriter WRITER = ProblemJson.MAPPER.writer()
            .without(SerializationFeature.INDENT_OUTPUT);
    private static final ObjectReader READER = ProblemJson.MAPPER.readerFor(ScheduleSnapshot.class);
    private static final ObjectReader PROBLEM_READER = ProblemJson.MAPPER.readerFor(Problem.class);

    /** The schedule as it is now; {@code problem} is the one it was built from, for the doctors' own days. */
    public static ScheduleSnapshot of(Schedule schedule, Problem problem) {
        List<Planned> planned = new ArrayList<>();
        for (Appointment a : schedule.getAppointments()) {
            Appointment.Booking b = a.getBooking();
            Problem.Booking booking = b == null ? null : new Problem.Booking(id(b.doctor()), b.start().day(),
                    b.start().time(), b.mode().name(), b.equipment() == null ? null : b.equipment().id());
            Problem.Appointment written = new Problem.Appointment(a.getId(), a.getPatientId(), a.getRegion().getId(),
                    a.getSpecialty(), a.getDurationMinutes(), a.getUrgency().name(),
                    a.getModes().stream().map(Mode::name).toList(), a.getEquipmentType(), a.getLanguage(),
                    a.getPreferredDoctorId(), a.getEarliestDay(), a.getLatestDay(), a.isPinned() ? Boolean.TRUE : null,
                    booking);
            Slot start = a.getStart();
            Problem.Booking at = new Problem.Booking(id(a.getDoctor()), start == null ? null : start.day(),
                    start == null ? null : start.time(), a.getMode() == null ? null : a.getMode().name(),
                    a.getEquipment() == null ? null : a.getEquipment().id());
            planned.add(new Planned(written, a.getDisruptionCost() > 0, at));
        }
        List<CancelledDay> cancelled = new ArrayList<>();
        for (Problem.Doctor d : problem.doctors()) {
            Doctor doctor = schedule.doctor(d.id());
            if (doctor == null || d.availability() == null) {
                continue;
            }
            d.availability().stream().map(Problem.Window::day).distinct().sorted()
                    .filter(day -> doctor.windowsOn(day).isEmpty())
                    .forEach(day -> cancelled.add(new CancelledDay(d.id(), day)));
        }
        return new ScheduleSnapshot(planned, cancelled);
    }

    /**
     * The schedule again, on the facts of {@code problem} (the run's own, checked when it started): not yet
     * scored, as a schedule read from JSON is; a solution manager's {@code update} gives it its score.
     */
    public Schedule restore(Problem problem) {
        Schedule schedule = ScheduleFactory.buildChecked(
                problem.withAppointments(appointments.stream().map(Planned::appointment).toList()), false);
        cancelledDays.forEach(c -> schedule.doctor(c.doctorId()).cancelDay(c.day()));
        Map<Slot, Slot> slots = new HashMap<>();
        schedule.getSlots().forEach(s -> slots.put(s, s));
        long disruption = schedule.getWeights().disruption();
        for (int i = 0; i < appointments.size(); i++) {
            Planned planned = appointments.get(i);
            Appointment a = schedule.getAppointments().get(i);
            Problem.Booking at = planned.at();
            a.setPinned(Boolean.TRUE.equals(planned.appointment().pinned()));
            a.setDisruptionCost(planned.disruptive() ? disruption : 0);
            a.setDoctor(at.doctorId() == null ? null : schedule.doctor(at.doctorId()));
            if (at.day() != null && at.start() != null) {
                Slot start = new Slot(at.day(), Times.parse(at.start()));
                a.setStart(slots.getOrDefault(start, start));
            }
            if (at.mode() != null) {
                a.setMode(Mode.valueOf(at.mode()));
            }
            a.setEquipment(at.equipmentId() == null ? null : schedule.equipmentPiece(at.equipmentId()));
        }
        return schedule;
    }

    public String toJson() {
        try {
            return WRITER.writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static ScheduleSnapshot fromJson(String json) {
        try {
            return READER.readValue(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A stored schedule is not readable", e);
        }
    }

    /** A problem as a run stores it: compact, and read back without checking it again. */
    public static String problemJson(Problem problem) {
        try {
            return WRITER.writeValueAsString(problem);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static Problem problemFromJson(String json) {
        try {
            return PROBLEM_READER.readValue(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A stored problem is not readable", e);
        }
    }

    private static String id(Doctor doctor) {
        return doctor == null ? null : doctor.getId();
    }
}
