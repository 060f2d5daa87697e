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
 * receives a few rows per region. Four queries: the regions with their practitioners, the referral
 * counts, the appointment counts, and the medians (per region and urgency, and per underserved or not).
 */
@Component
public class EquityQueries {

    /** The referrals created in the period ({@code ?}, {@code ?}: start inclusive, end exclusive). */
    private static final String COHORT = """
            cohort as (
                select rf.id, rf.referring_region_id as region_id, rf.urgency, rf.status, rf.sla_breached,
                       rf.created_at
                from referral rf
                where rf.created_at >= ? and rf.created_at < ?
            ),
            held as (
                select a.referral_id, a.mode, a.starts_at, a.facility_id
                from appointment a
                join cohort c on c.id = a.referral_id
                where a.status <> 'CANCELLED'
            )""";

    private static final String REGIONS = """
            select r.id, r.code, r.name, r.population, r.underserved,
                   (select count(*) from practitioner p join facility f on f.id = p.home_facility_id
                    where f.region_id = r.id) as practitioners,
                   (select count(*) from practitioner p join facility f on f.id = p.home_facility_id
                    where f.region_id = r.id and exists (select 1 from practitioner_specialty s
                        where s.practitioner_id = p.id and s.specialty <> 'GENERAL_PRACTICE')) as specialists
            from region r
            order by r.id""";

    private static final String REFERRALS = "with " + COHORT + """

            select c.region_id,
                   count(*) as referrals,
                   count(*) filter (where c.sla_breached) as breached,
                   count(*) filter (where exists (select 1 from held h where h.referral_id = c.id)) as reached,
                   count(*) filter (where c.status = 'COMPLETED'
                       and exists (select 1 from held h where h.referral_id = c.id)) as completed
            from cohort c
            group by c.region_id""";

    private static final String APPOINTMENTS = "with " + COHORT + """

            select c.region_id,
                   count(*) as appointments,
                   count(*) filter (where h.mode = 'TELECONSULT') as teleconsults,
                   avg(case when h.mode = 'TELECONSULT' or f.region_id = c.region_id then 0
                            else t.minutes end) as travel
            from held h
            join cohort c on c.id = h.referral_id
            left join facility f on f.id = h.facility_id
            left join region_travel_time t on t.from_region_id = c.region_id and t.to_region_id = f.region_id
            group by c.region_id""";

    /** Days from each referral to its first appointment that was not cancelled. */
    private static final String WAITS = "with " + COHORT + """
            ,
            wait as (
                select c.region_id, c.urgency,
                       (extract(epoch from min(h.starts_at)) - extract(epoch from c.created_at)) / 86400.0 as days
                from cohort c
                join held h on h.referral_id = c.id
                where c.urgency in ('URGENT', 'SOON', 'ROUTINE')
                group by c.id, c.region_id, c.urgency, c.created_at
            )""";

    private static final String MEDIANS_BY_REGION = WAITS + """

            select w.region_id, w.urgency, percentile_cont(0.5) within group (order by w.days) as median
            from wait w
            group by w.region_id, w.urgency""";

    private static final String MEDIANS_BY_UNDERSERVED = WAITS + """

            select r.underserved, percentile_cont(0.5) within group (order by w.days) as median
            from wait w
            join region r on r.id = w.region_id
            group by r.underserved""";

    private final JdbcTemplate jdbc;

    public EquityQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public EquityReport equity(Period period) {
        Object[] range = {Timestamp.from(period.start()), Timestamp.from(period.end())};
        Map<Long, long[]> referrals = new HashMap<>();
        jdbc.query(REFERRALS, (ResultSet rs) -> {
            referrals.put(rs.getLong("region_id"), new long[] {rs.getLong("referrals"), rs.getLong("breached"),
                    rs.getLong("reached"), rs.getLong("completed")});
        }, range);
        Map<Long, Object[]> appointments = new HashMap<>();
        jdbc.query(APPOINTMENTS, (ResultSet rs) -> {
            appointments.put(rs.getLong("region_id"), new Object[] {rs.getLong("appointments"),
                    rs.getLong("teleconsults"), nullableDouble(rs, "travel")});
        }, range);
        Map<Long, Map<String, Double>> medians = new HashMap<>();
        jdbc.query(MEDIANS_BY_REGION, (ResultSet rs) -> {
            medians.computeIfAbsent(rs.getLong("region_id"), id -> new HashMap<>())
                    .put(rs.getString("urgency"), nullableDouble(rs, "median"));
        }, range);
        Map<Boolean, Double> groupMedians = new HashMap<>();
        jdbc.query(MEDIANS_BY_UNDERSERVED, (ResultSet rs) -> {
            groupMedians.put(rs.getBoolean("underserved"), nullableDouble(rs, "median"));
        }, range);

        List<RegionEquity> rows = new ArrayList<>();
        jdbc.query(REGIONS, (ResultSet rs) -> {
            long id = rs.getLong("id");
            long population = rs.getLong("population");
            long specialists = rs.getLong("specialists");
            long[] counts = referrals.getOrDefault(id, new long[4]);
            Object[] booked = appointments.getOrDefault(id, new Object[] {0L, 0L, null});
            long appointmentCount = (Long) booked[0];
            Map<String, Double> byUrgency = new LinkedHashMap<>();
            EquityReport.URGENCIES.forEach(u -> byUrgency.put(u, medians.getOrDefault(id, Map.of()).get(u)));
            rows.add(new RegionEquity(id, rs.getString("code"), rs.getString("name"), population,
                    rs.getBoolean("underserved"), rs.getLong("practitioners"), specialists,
                    population == 0 ? null : specialists * 100_000.0 / population, counts[0], appointmentCount,
                    byUrgency, ratio(counts[1], counts[0]), ratio(counts[3], counts[2]),
                    ratio((Long) booked[1], appointmentCount), (Double) booked[2]));
        });

        EquityReport.Gini gini = new EquityReport.Gini(
                WeightedGini.of(rows.stream().map(r -> new WeightedGini.Region(r.population(), r.specialists())).toList()),
                WeightedGini.of(rows.stream().map(r -> new WeightedGini.Region(r.population(), r.appointments())).toList()));
        Gaps gaps = new Gaps(difference(groupMedians.get(true), groupMedians.get(false)),
                difference(pooledClosure(rows, referrals, true), pooledClosure(rows, referrals, false)));
        return new EquityReport(period.from(), period.to(), rows, gini, gaps);
    }

    private static Double pooledClosure(List<RegionEquity> rows, Map<Long, long[]> referrals, boolean underserved) {
        long reached = 0;
        long completed = 0;
        for (RegionEquity row : rows) {
            if (row.underserved() == underserved) {
                long[] counts = referrals.getOrDefault(row.regionId(), new long[4]);
                reached += counts[2];
                completed += counts[3];
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
