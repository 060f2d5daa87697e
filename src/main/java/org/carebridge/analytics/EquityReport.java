package org.carebridge.analytics;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The equity of a period, region by region ({@code analytics.md}). Rates and medians are null where there
 * is nothing to divide (no referrals, no appointments); counts are zero.
 */
public record EquityReport(LocalDate from, LocalDate to, List<RegionEquity> regions, Gini gini, Gaps gaps) {

    /** The urgencies that get an appointment (an emergency is transferred instead), in order. */
    public static final List<String> URGENCIES = List.of("URGENT", "SOON", "ROUTINE");

    /**
     * One region: practitioners with their home facility there; referrals from there created in the period;
     * the days from a referral to its first appointment that was not cancelled (median per urgency); the share
     * with an SLA breach; COMPLETED over those that reached an appointment; the share of their appointments
     * held as teleconsults; the mean minutes of travel from the region to the appointments' facilities
     * (0 for a teleconsult or within the region).
     */
    public record RegionEquity(long regionId, String code, String name, long population, boolean underserved,
            long practitioners, long specialists, Double specialistsPer100k, long referrals, long appointments,
            Map<String, Double> medianDaysToAppointment, Double slaBreachRate, Double loopClosureRate,
            Double teleconsultShare, Double meanTravelMinutes) {
    }

    /** Population-weighted Gini coefficients over regions: 0 all equal, towards 1 all in one region. */
    public record Gini(Double specialistsPerCapita, Double appointmentsPerCapita) {
    }

    /**
     * Underserved regions minus the others: the median days to an appointment over all their referrals
     * (positive = underserved wait longer), and the loop-closure rates pooled over each group.
     */
    public record Gaps(Double medianDaysToAppointmentUnderservedVsOther, Double loopClosureRateUnderservedVsOther) {
    }
}
