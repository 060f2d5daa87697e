package org.carebridge.scheduling;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A schedule, as the spec's solution JSON: every appointment once, in {@code assignments} or in
 * {@code unassigned}. {@code score} is the official objective with the problem's weights
 * ({@code weightsChanged} names any that differ from the defaults); {@code breakdown} splits it into its
 * terms and reports the replanning {@code disruption} separately, outside the objective.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Solution(String score, List<Assignment> assignments, List<String> unassigned,
        List<EquipmentLocation> equipmentLocations, Map<String, String> unassignedReasons, Breakdown breakdown,
        List<String> weightsChanged) {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Assignment(String appointmentId, String doctorId, int day, String start, String mode,
            String equipmentId) {
    }

    public record EquipmentLocation(String equipmentId, int day, String regionId) {
    }

    /** The objective's terms: hard violations, weighted unassigned (medium) and the soft sums. */
    public record Breakdown(long hard, long unassigned, long waiting, long travel, long language, long continuity,
            long disruption) {

        public long soft() {
            return waiting + travel + language + continuity;
        }
    }
}
