package org.carebridge.scheduling;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Something that happened while a schedule is being solved or after: a doctor becomes unavailable for a
 * day, an appointment is added (an urgent referral) or one is cancelled.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ScheduleChange(Type type, String doctorId, Integer day, Problem.Appointment appointment,
        String appointmentId) {

    public enum Type {
        DOCTOR_UNAVAILABLE, APPOINTMENT_ADDED, APPOINTMENT_CANCELLED
    }

    public static ScheduleChange doctorUnavailable(String doctorId, int day) {
        return new ScheduleChange(Type.DOCTOR_UNAVAILABLE, doctorId, day, null, null);
    }

    public static ScheduleChange appointmentAdded(Problem.Appointment appointment) {
        return new ScheduleChange(Type.APPOINTMENT_ADDED, null, null, appointment, null);
    }

    public static ScheduleChange appointmentCancelled(String appointmentId) {
        return new ScheduleChange(Type.APPOINTMENT_CANCELLED, null, null, null, appointmentId);
    }
}
