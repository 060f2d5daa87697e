package org.carebridge.analytics.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.carebridge.analytics.EquityReport;
import org.carebridge.analytics.EquityReport.Gaps;
import org.carebridge.analytics.EquityReport.RegionEquity;
import org.carebridge.analytics.Period;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The equity measures as SQL over the project's tables, the same text on H2 and PostgreSQL (both have
 * {@code percentile_cont ... within group} and {@code filter}): the database aggregates, the application
 * receives a few rows per region. Two queries: the regions with their practitioners, and the measures of
 * the period's referrals.
 */
@Component
public class EquityQueries {

    /**
     * One row per referral created in the period ({@code ?}, {@code ?} twice: start inclusive, end exclusive)
     * with the days to its first appointment that was not cancelled and its appointments' counts and travel,
     * aggregated per region and urgency (counts add up per region, medians do not) and, for the gap, per
     * underserved or not. One statement and one pass: the appointments are grouped per referral before the
     * join, so nothing wide is sorted, and no correlated subquery runs per referral.
     */
    private static final String MEASURES = """
            with per_referral as (
                select rf.referring_region_id as region_id, g.underserved, rf.urgency, rf.status, rf.sla_breached,
                       (extract(epoch from b.first_start) - extract(epoch from rf.created_at)) / 86400.0 as days,
                       b.held, b.teleconsults, b.travel_minutes, b.travel_known
                from referral rf
                join region g on g.id = rf.referring_region_id
                left join (
                    select a.referral_id, min(a.starts_at) as first_start, count(*) as held,
                           count(*) filter (where a.mode = 'TELECONSULT') as teleconsults,
                           sum(case when a.mode = 'TELECONSULT' or f.region_id = rf.referring_region_id then 0
                                    else t.minutes end) as travel_minutes,
                           count(case when a.mode = 'TELECONSULT' or f.region_id = rf.referring_region_id then 0
                                      else t.minutes end) as travel_known
                    from appointment a
                    join referral rf on rf.id = a.referral_id
                    left join facility f on f.id = a.facility_id
                    left join region_travel_time t
                        on t.from_region_id = rf.referring_region_id and t.to_region_id = f.region_id
                    where a.status <> 'CANCELLED' and rf.created_at >= ? and rf.created_at < ?
                    group by a.referral_id
                ) b on b.referral_id = rf.id
                where rf.created_at >= ? and rf.created_at < ?
            )
            select 'region' as grouping, p.region_id, p.urgency, count(*) as referrals,
                   count(*) filter (where p.sla_breached) as breached, count(p.days) as reached,
                   count(p.days) filter (where p.status = 'COMPLETED') as completed,
                   coalesce(sum(p.held), 0) as appointments, coalesce(sum(p.teleconsults), 0) as teleconsults,
                   coalesce(sum(p.travel_minutes), 0) as travel_minutes, coalesce(sum(p.travel_known), 0) as travel_known,
                   percentile_cont(0.5) within group (order by p.days) as median
            from per_referral p
            group by p.region_id, p.urgency
            union all
            select 'underserved', null, case when p.underserved then 'Y' else 'N' end, count(*), 0, 0, 0, 0, 0, 0, 0,
                   percentile_cont(0.5) within group (order by p.days)
            from per_referral p
            where p.urgency in ('URGENT', 'SOON', 'ROUTINE')
            group by p.underserved""";

    private static final String REGIONS = """
            select r.id, r.code, r.name, r.population, r.underserved,
                   (select count(*) from practitioner p join facility f on f.id = p.home_facility_id
                    where f.region_id = r.id) as practitioners,
                   (select count(*) from practitioner p join facility f on f.id = p.home_facility_id
                    where f.region_id = r.id and exists (select 1 from practitioner_specialty s
                        where s.practitioner_id = p.id and s.specialty <> 'GENERAL_PRACTICE')) as specialists
            from region r
            order by r.id""";

    private final JdbcTemplate jdbc;

    public EquityQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public EquityReport equity(Period period) {
        Timestamp start = Timestamp.from(period.start());
        Timestamp end = Timestamp.from(period.end());
        // per region: referrals, breached, reached, completed, appointments, teleconsults, travel minutes, known
        Map<Long, long[]> counts = new HashMap<>();
        Map<Long, Map<String, Double>> medians = new HashMap<>();
        Map<Boolean, Double> groupMedians = new HashMap<>();
        jdbc.query(MEASURES, (ResultSet rs) -> {
            if (rs.getString("grouping").equals("underserved")) {
                groupMedians.put("Y".equals(rs.getString("urgency")), nullableDouble(rs, "median"));
                return;
            }
            long region = rs.getLong("region_id");
            long[] sums = counts.computeIfAbsent(region, id -> new long[8]);
            String[] columns = {"referrals", "breached", "reached", "completed", "appointments", "teleconsults",
                    "travel_minutes", "travel_known"};
            for (int i = 0; i < columns.length; i++) {
                sums[i] += rs.getLong(columns[i]);
            }
            medians.computeIfAbsent(region, id -> new HashMap<>()).put(rs.getString("urgency"),
                    nullableDouble(rs, "median"));
        }, start, end, start, end);

        List<RegionEquity> rows = new ArrayList<>();
        jdbc.query(REGIONS, (ResultSet rs) -> {
            long id = rs.getLong("id");
            long population = rs.getLong("population");
            long specialists = rs.getLong("specialists");
            long[] sums = counts.getOrDefault(id, new long[8]);
            Map<String, Double> byUrgency = new LinkedHashMap<>();
            EquityReport.URGENCIES.forEach(u -> byUrgency.put(u, medians.getOrDefault(id, Map.of()).get(u)));
            rows.add(new RegionEquity(id, rs.getString("code"), rs.getString("name"), population,
                    rs.getBoolean("underserved"), rs.getLong("practitioners"), specialists,
                    population == 0 ? null : specialists * 100_000.0 / population, sums[0], sums[4], byUrgency,
                    ratio(sums[1], sums[0]), ratio(sums[3], sums[2]), ratio(sums[5], sums[4]), ratio(sums[6], sums[7])));
        });

        EquityReport.Gini gini = new EquityReport.Gini(
                WeightedGini.of(rows.stream().map(r -> new WeightedGini.Region(r.population(), r.specialists())).toList()),
                WeightedGini.of(rows.stream().map(r -> new WeightedGini.Region(r.population(), r.appointments())).toList()));
        Gaps gaps = new Gaps(difference(groupMedians.get(true), groupMedians.get(false)),
                difference(pooledClosure(rows, counts, true), pooledClosure(rows, counts, false)));
        return new EquityReport(period.from(), period.to(), rows, gini, gaps);
    }

    private static Double pooledClosure(List<RegionEquity> rows, Map<Long, long[]> counts, boolean underserved) {
        long reached = 0;
        long completed = 0;
        for (RegionEquity row : rows) {
            if (row.underserved() == underserved) {
                long[] sums = counts.getOrDefault(row.regionId(), new long[8]);
                reached += sums[2];
                completed += sums[3];
            }
        }
        return ratio(completed, reached);
    }

    static Double ratio(long part, long whole) {
        return whole == 0 ? null : (double) part / whole;
    }

    private static Double difference(Double a, Double b) {
        return a == null || b == null ? null : a - b;
    }

    private static Double nullableDouble(ResultSet rs, String column) throws SQLException {
        double value = rs.getDouble(column);
        return rs.wasNull() ? null : value;
    }
}
