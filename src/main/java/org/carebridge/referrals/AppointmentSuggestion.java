package org.carebridge.referrals;

import java.time.Instant;

/** A feasible placement of an appointment, with what it costs in the scheduler's objective (lower is better). */
public record AppointmentSuggestion(long doctorId, Instant start, Instant end, AppointmentMode mode, Long facilityId,
        Long equipmentId, long scoreImpact, String explanation) {
}
