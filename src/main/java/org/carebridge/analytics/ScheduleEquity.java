package org.carebridge.analytics;

import java.util.List;
import java.util.Map;

/**
 * A schedule's equity beside the same problem planned first-come-first-served: what optimisation changed,
 * region by region ({@code GET /api/schedules/{id}/equity}).
 */
public record ScheduleEquity(String scheduleId, String status, Plan solved, Plan firstComeFirstServed) {

    /** One plan's measures over the problem's regions. */
    public record Plan(String score, List<PlanRegion> regions, EquityReport.Gini gini,
            Double medianDaysToAppointmentUnderservedVsOther) {
    }

    /**
     * A region of the problem: doctors based there; its patients' appointments and how many got a slot; the
     * median days from the earliest allowed day to the slot, per urgency; the share held as teleconsults; the
     * mean minutes the doctor travels to it from home (0 for a teleconsult or within the region).
     */
    public record PlanRegion(String regionId, String name, long population, boolean underserved, long practitioners,
            long specialists, Double specialistsPer100k, long appointments, long assigned, Double unassignedShare,
            Map<String, Double> medianDaysToAppointment, Double teleconsultShare, Double meanTravelMinutes) {
    }
}
