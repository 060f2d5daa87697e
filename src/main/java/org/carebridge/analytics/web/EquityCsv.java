package org.carebridge.analytics.web;

import java.util.List;
import java.util.Locale;

import org.carebridge.analytics.EquityReport;
import org.carebridge.analytics.EquityReport.RegionEquity;

/** The region rows of an equity report as RFC 4180 CSV, one header line, numbers with a dot, empty for null. */
public final class EquityCsv {

    static final List<String> HEADER = List.of("from", "to", "region_id", "region_code", "region_name", "population",
            "underserved", "practitioners", "specialists", "specialists_per_100k", "referrals", "appointments",
            "median_days_urgent", "median_days_soon", "median_days_routine", "sla_breach_rate", "loop_closure_rate",
            "teleconsult_share", "mean_travel_minutes");

    private EquityCsv() {
    }

    public static String write(EquityReport report) {
        StringBuilder csv = new StringBuilder(String.join(",", HEADER)).append("\r\n");
        for (RegionEquity r : report.regions()) {
            List<Object> cells = List.of(report.from(), report.to(), r.regionId(), r.code(), r.name(), r.population(),
                    r.underserved(), r.practitioners(), r.specialists(), cell(r.specialistsPer100k()), r.referrals(),
                    r.appointments(), cell(r.medianDaysToAppointment().get("URGENT")),
                    cell(r.medianDaysToAppointment().get("SOON")), cell(r.medianDaysToAppointment().get("ROUTINE")),
                    cell(r.slaBreachRate()), cell(r.loopClosureRate()), cell(r.teleconsultShare()),
                    cell(r.meanTravelMinutes()));
            csv.append(String.join(",", cells.stream().map(c -> escape(String.valueOf(c))).toList())).append("\r\n");
        }
        return csv.toString();
    }

    private static String cell(Double value) {
        return value == null ? "" : String.format(Locale.ROOT, "%.4f", value);
    }

    static String escape(String value) {
        if (value.contains(",") || value.contains("\"") || value.contains("\n") || value.contains("\r")) {
            return "\"" + value.replace("\"", "\"\"") + "\"";
        }
        return value;
    }
}
