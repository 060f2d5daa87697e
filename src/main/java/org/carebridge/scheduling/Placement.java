package org.carebridge.scheduling;

/**
 * Where one appointment could go, and what that does to the schedule's score compared with leaving it
 * unassigned ({@code mediumImpact}/{@code softImpact} are differences of the score levels; higher is better).
 */
public record Placement(String appointmentId, String doctorId, int day, String start, String mode, String equipmentId,
        String scoreImpact, long mediumImpact, long softImpact) {
}
