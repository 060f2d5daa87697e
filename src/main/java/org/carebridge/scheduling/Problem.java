package org.carebridge.scheduling;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A week of demand and supply, as the spec's problem JSON. Values stay as written (strings for times,
 * specialties, urgencies) so that validation can name every bad item instead of failing on the first.
 * Beyond the spec: an appointment may carry its current {@code booking} and be {@code pinned} (confirmed:
 * never moved), and {@code weights} may override the objective's defaults.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String name, Horizon horizon, List<Region> regions, Map<String, Map<String, Integer>> travelMinutes,
        List<Doctor> doctors, List<Equipment> equipment, List<Appointment> appointments, Weights weights) {

    public record Horizon(Integer days, Integer slotMinutes) {
    }

    public record Region(String id, String name, Integer population, Boolean underserved) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Doctor(String id, String name, List<String> specialties, List<String> languages, String homeRegion,
            Boolean teleconsult, Integer maxMinutes, List<Window> availability) {
    }

    public record Window(Integer day, String start, String end) {
    }

    public record Equipment(String id, String type, String region, Boolean mobile) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Appointment(String id, String patientId, String region, String specialty, Integer durationMinutes,
            String urgency, List<String> modes, String equipmentType, String language, String preferredDoctorId,
            Integer earliestDay, Integer latestDay, Boolean pinned, Booking booking) {

        public Appointment withBooking(Booking newBooking, boolean newPinned) {
            return new Appointment(id, patientId, region, specialty, durationMinutes, urgency, modes, equipmentType,
                    language, preferredDoctorId, earliestDay, latestDay, newPinned ? Boolean.TRUE : null, newBooking);
        }
    }

    /** Where an appointment is booked now: kept when pinned, otherwise its starting point when replanning. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Booking(String doctorId, Integer day, String start, String mode, String equipmentId) {
    }

    /**
     * The objective's weights; a null leaves the spec's default. {@code disruption} is not part of the
     * official objective: it is charged only while replanning, per moved appointment that was booked.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Weights(Integer unassignedUrgent, Integer unassignedSoon, Integer unassignedRoutine,
            Integer waitingUrgent, Integer waitingSoon, Integer waitingRoutine, Integer underservedFactor,
            Integer travelMinute, Integer language, Integer continuity, Integer disruption) {

        public static final Weights DEFAULTS = new Weights(100, 10, 1, 1200, 300, 60, 2, 1, 30, 20, 50);

        /** These weights with every missing one taken from the defaults. */
        public Weights orDefaults() {
            Weights d = DEFAULTS;
            return new Weights(or(unassignedUrgent, d.unassignedUrgent), or(unassignedSoon, d.unassignedSoon),
                    or(unassignedRoutine, d.unassignedRoutine), or(waitingUrgent, d.waitingUrgent),
                    or(waitingSoon, d.waitingSoon), or(waitingRoutine, d.waitingRoutine),
                    or(underservedFactor, d.underservedFactor), or(travelMinute, d.travelMinute),
                    or(language, d.language), or(continuity, d.continuity), or(disruption, d.disruption));
        }

        private static Integer or(Integer value, Integer fallback) {
            return value == null ? fallback : value;
        }
    }

    public Problem withAppointments(List<Appointment> newAppointments) {
        return new Problem(name, horizon, regions, travelMinutes, doctors, equipment, newAppointments, weights);
    }

    public Problem withDoctors(List<Doctor> newDoctors) {
        return new Problem(name, horizon, regions, travelMinutes, newDoctors, equipment, appointments, weights);
    }
}
