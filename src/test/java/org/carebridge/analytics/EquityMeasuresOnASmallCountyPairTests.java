package org.carebridge.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.carebridge.analytics.EquityReport.RegionEquity;
import org.carebridge.analytics.internal.EquityQueries;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The equity SQL against values computed by hand, on the project's schema (Flyway) in a database of its own:
 * in-memory H2, and a fresh PostgreSQL database when a server is up at 127.0.0.1:5432 (required with CI=true).
 * <p>
 * The fixture: county A (100,000 people, not underserved) and county B (50,000, underserved), 90 minutes apart.
 * A has 3 practitioners, 2 of them specialists (cardiology; general practice + internal medicine; the third
 * general practice only); B has 1, a general practitioner. March 2001 (Asia/Shanghai), from A:
 * <ul>
 * <li>a1 URGENT, in person in A after 1 day, attended, COMPLETED;</li>
 * <li>a2 URGENT, SLA breached, teleconsult after 2 days, attended, COMPLETED;</li>
 * <li>a3 ROUTINE, an appointment after 5 days cancelled, then in person in B after 7 days, FAILED;</li>
 * <li>a4 ROUTINE, SLA breached, REJECTED without an appointment;</li>
 * </ul>
 * from B:
 * <ul>
 * <li>b1 SOON, created 2001-02-28 16:30 UTC = 1 March 00:30 in the province: inside; in person in A after
 * 4 days, missed, again after 10 days, COMPLETED;</li>
 * <li>b2 SOON, teleconsult after 6 days, FAILED (outcome never acknowledged);</li>
 * <li>b3 ROUTINE created 2001-02-28 15:30 UTC = 28 February 23:30 in the province: outside, and b4 in April:
 * outside.</li>
 * </ul>
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EquityMeasuresOnASmallCountyPairTests {

    private static final String POSTGRES = "jdbc:postgresql://127.0.0.1:5432/";
    private static final Instant T0 = Instant.parse("2001-03-10T00:00:00Z");
    private static final Period MARCH = new Period(LocalDate.of(2001, 3, 1), LocalDate.of(2001, 3, 31));

    private String postgresDatabase;

    @BeforeAll
    void noPostgresDatabaseYet() {
        postgresDatabase = null;
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"h2", "postgresql"})
    void eachMeasureMatchesTheHandComputation(String vendor) {
        EquityReport report = new EquityQueries(fixture(vendor)).equity(MARCH);
        RegionEquity a = region(report, "EQ-A");
        RegionEquity b = region(report, "EQ-B");

        assertThat(a.practitioners()).isEqualTo(3);
        assertThat(a.specialists()).isEqualTo(2);
        assertThat(a.specialistsPer100k()).isCloseTo(2.0, within(1e-9)); // 2 / 100,000 × 100,000
        assertThat(b.specialistsPer100k()).isZero();
        assertThat(a.referrals()).isEqualTo(4); // a1..a4
        assertThat(b.referrals()).isEqualTo(2); // b1, b2; b3 and b4 outside March in the province's clock
        // A: URGENT waits 1 and 2 days → 1.5; ROUTINE: a3's first appointment not cancelled, 7 days; no SOON
        assertThat(a.medianDaysToAppointment().get("URGENT")).isCloseTo(1.5, within(1e-9));
        assertThat(a.medianDaysToAppointment().get("ROUTINE")).isCloseTo(7.0, within(1e-9));
        assertThat(a.medianDaysToAppointment().get("SOON")).isNull();
        // B: SOON waits 4 (the missed appointment was the first one offered) and 6 days → 5
        assertThat(b.medianDaysToAppointment().get("SOON")).isCloseTo(5.0, within(1e-9));
        assertThat(a.slaBreachRate()).isCloseTo(0.5, within(1e-9)); // a2, a4 of 4
        assertThat(b.slaBreachRate()).isZero();
        // reached an appointment: a1, a2, a3 (not a4), of which a1, a2 COMPLETED → 2/3; B: b1 of b1, b2 → 1/2
        assertThat(a.loopClosureRate()).isCloseTo(2.0 / 3, within(1e-9));
        assertThat(b.loopClosureRate()).isCloseTo(0.5, within(1e-9));
        // A holds 3 appointments (a1, a2, a3's second), 1 teleconsult; B 3 (b1 missed and attended, b2), 1
        assertThat(a.appointments()).isEqualTo(3);
        assertThat(a.teleconsultShare()).isCloseTo(1.0 / 3, within(1e-9));
        assertThat(b.teleconsultShare()).isCloseTo(1.0 / 3, within(1e-9));
        // A: 0 (own county), 0 (teleconsult), 90 (to B) → 30; B: 90, 90 (to A), 0 (teleconsult) → 60
        assertThat(a.meanTravelMinutes()).isCloseTo(30.0, within(1e-9));
        assertThat(b.meanTravelMinutes()).isCloseTo(60.0, within(1e-9));

        // Gini of specialists per person: x_A = 2e-5, x_B = 0; Σᵢⱼ pᵢpⱼ|xᵢ−xⱼ| = 2 × 1e5 × 5e4 × 2e-5 = 2e5;
        // 2P²μ = 2 × 150,000² × 2/150,000 = 6e5 → 1/3 (all specialists where two thirds of the people live)
        assertThat(report.gini().specialistsPerCapita()).isCloseTo(1.0 / 3, within(1e-9));
        // appointments per person: x_A = 3e-5, x_B = 6e-5; Σ = 2 × 1e5 × 5e4 × 3e-5 = 3e5;
        // 2P²μ = 2 × 150,000² × 6/150,000 = 1.8e6 → 1/6
        assertThat(report.gini().appointmentsPerCapita()).isCloseTo(1.0 / 6, within(1e-9));
        // median waits: underserved B {4, 6} → 5; others A {1, 2, 7} → 2; gap 3 days
        assertThat(report.gaps().medianDaysToAppointmentUnderservedVsOther()).isCloseTo(3.0, within(1e-9));
        // loops closed: B 1/2 − A 2/3 = −1/6
        assertThat(report.gaps().loopClosureRateUnderservedVsOther()).isCloseTo(-1.0 / 6, within(1e-9));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"h2", "postgresql"})
    void aPeriodWithoutReferralsGivesZerosAndNulls(String vendor) {
        EquityReport report = new EquityQueries(fixture(vendor))
                .equity(new Period(LocalDate.of(1999, 1, 1), LocalDate.of(1999, 1, 31)));
        RegionEquity a = region(report, "EQ-A");
        assertThat(a.referrals()).isZero();
        assertThat(a.appointments()).isZero();
        assertThat(a.medianDaysToAppointment()).containsOnlyKeys("URGENT", "SOON", "ROUTINE")
                .allSatisfy((urgency, days) -> assertThat(days).isNull());
        assertThat(a.slaBreachRate()).isNull();
        assertThat(a.loopClosureRate()).isNull();
        assertThat(a.teleconsultShare()).isNull();
        assertThat(a.meanTravelMinutes()).isNull();
        assertThat(a.specialistsPer100k()).isCloseTo(2.0, within(1e-9)); // the directory does not follow periods
        assertThat(report.gini().appointmentsPerCapita()).isNull();
        assertThat(report.gaps().medianDaysToAppointmentUnderservedVsOther()).isNull();
    }

    @Test
    void theSameSeedGivesTheSameHistory() {
        JdbcTemplate jdbc = fixture("h2");
        HistoryGenerator generator = new HistoryGenerator(jdbc);
        Instant end = Instant.parse("1990-06-30T00:00:00Z");
        HistoryGenerator.Generated generated = generator.generate(300, end, 90, 7);
        assertThat(generated.referrals()).isEqualTo(300);
        assertThat(jdbc.queryForObject("select count(*) from referral where reason like '[generated history] %'"
                + " and created_at >= ? and closed_at <= ?", Long.class, Timestamp.from(end.minus(Duration.ofDays(90))),
                Timestamp.from(end))).isEqualTo(300);
        assertThat(jdbc.queryForObject("select count(*) from appointment where booked_by = 'history-generator'",
                Long.class)).isEqualTo(generated.appointments());
        // underserved B closes fewer loops and waits longer than A, as generated
        EquityReport report = new EquityQueries(jdbc).equity(new Period(LocalDate.of(1990, 4, 1), LocalDate.of(1990, 6, 30)));
        assertThat(report.gaps().medianDaysToAppointmentUnderservedVsOther()).isPositive();
        assertThat(report.gaps().loopClosureRateUnderservedVsOther()).isNegative();
    }

    @AfterAll
    void dropThePostgresDatabase() throws SQLException {
        if (postgresDatabase != null) {
            try (Connection admin = DriverManager.getConnection(POSTGRES + "postgres", "postgres", "");
                    Statement sql = admin.createStatement()) {
                sql.execute("drop database if exists " + postgresDatabase + " with (force)");
            }
        }
    }

    private JdbcTemplate fixture(String vendor) {
        DriverManagerDataSource dataSource;
        if (vendor.equals("h2")) {
            dataSource = new DriverManagerDataSource("jdbc:h2:mem:equity-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1",
                    "sa", "");
        } else {
            assumeTrue(postgresReachable() || "true".equalsIgnoreCase(System.getenv("CI")),
                    "PostgreSQL is not reachable at " + POSTGRES);
            String name = "carebridge_equity_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
            try (Connection admin = DriverManager.getConnection(POSTGRES + "postgres", "postgres", "");
                    Statement sql = admin.createStatement()) {
                if (postgresDatabase != null) {
                    sql.execute("drop database if exists " + postgresDatabase + " with (force)");
                }
                sql.execute("create database " + name);
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
            postgresDatabase = name;
            dataSource = new DriverManagerDataSource(POSTGRES + name, "postgres", "");
        }
        Flyway.configure().dataSource(dataSource)
                .locations("classpath:db/migration/common", "classpath:db/migration/" + vendor).load().migrate();
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        long a = region(jdbc, "EQ-A", 100_000, false);
        long b = region(jdbc, "EQ-B", 50_000, true);
        jdbc.update("insert into region_travel_time values (?, ?, 90), (?, ?, 90)", a, b, b, a);
        long fa = facility(jdbc, "EQ-FA", a);
        long fb = facility(jdbc, "EQ-FB", b);
        long cardiologist = practitioner(jdbc, "EQ-P1", fa, "CARDIOLOGY");
        practitioner(jdbc, "EQ-P2", fa, "GENERAL_PRACTICE");
        practitioner(jdbc, "EQ-P3", fa, "GENERAL_PRACTICE", "INTERNAL_MEDICINE");
        practitioner(jdbc, "EQ-P4", fb, "GENERAL_PRACTICE");
        UUID inA = patient(jdbc, fa);
        UUID inB = patient(jdbc, fb);

        UUID a1 = referral(jdbc, inA, fa, a, "URGENT", "COMPLETED", false, T0);
        appointment(jdbc, a1, cardiologist, fa, "IN_PERSON", T0.plus(Duration.ofDays(1)), "ATTENDED");
        UUID a2 = referral(jdbc, inA, fa, a, "URGENT", "COMPLETED", true, T0);
        appointment(jdbc, a2, cardiologist, fa, "TELECONSULT", T0.plus(Duration.ofDays(2)), "ATTENDED");
        UUID a3 = referral(jdbc, inA, fa, a, "ROUTINE", "FAILED", false, T0);
        appointment(jdbc, a3, cardiologist, fa, "IN_PERSON", T0.plus(Duration.ofDays(5)), "CANCELLED");
        appointment(jdbc, a3, cardiologist, fb, "IN_PERSON", T0.plus(Duration.ofDays(7)), "ATTENDED");
        referral(jdbc, inA, fa, a, "ROUTINE", "REJECTED", true, T0);

        Instant justInside = Instant.parse("2001-02-28T16:30:00Z");
        UUID b1 = referral(jdbc, inB, fb, b, "SOON", "COMPLETED", false, justInside);
        appointment(jdbc, b1, cardiologist, fa, "IN_PERSON", justInside.plus(Duration.ofDays(4)), "MISSED");
        appointment(jdbc, b1, cardiologist, fa, "IN_PERSON", justInside.plus(Duration.ofDays(10)), "ATTENDED");
        UUID b2 = referral(jdbc, inB, fb, b, "SOON", "FAILED", false, T0);
        appointment(jdbc, b2, cardiologist, fa, "TELECONSULT", T0.plus(Duration.ofDays(6)), "ATTENDED");
        Instant justOutside = Instant.parse("2001-02-28T15:30:00Z");
        UUID b3 = referral(jdbc, inB, fb, b, "ROUTINE", "COMPLETED", true, justOutside);
        appointment(jdbc, b3, cardiologist, fa, "IN_PERSON", justOutside.plus(Duration.ofDays(1)), "ATTENDED");
        UUID b4 = referral(jdbc, inB, fb, b, "ROUTINE", "COMPLETED", true, Instant.parse("2001-04-01T12:00:00Z"));
        appointment(jdbc, b4, cardiologist, fa, "IN_PERSON", Instant.parse("2001-04-03T12:00:00Z"), "ATTENDED");
        return jdbc;
    }

    private static RegionEquity region(EquityReport report, String code) {
        return report.regions().stream().filter(r -> r.code().equals(code)).findFirst().orElseThrow();
    }

    private static long region(JdbcTemplate jdbc, String code, int population, boolean underserved) {
        jdbc.update("insert into region (code, name, population, underserved) values (?, ?, ?, ?)", code, code,
                population, underserved);
        return jdbc.queryForObject("select id from region where code = ?", Long.class, code);
    }

    private static long facility(JdbcTemplate jdbc, String code, long region) {
        jdbc.update("insert into facility (code, name, type, region_id, teleconsult_capable) values (?, ?, 'HOSPITAL', ?, true)",
                code, code, region);
        return jdbc.queryForObject("select id from facility where code = ?", Long.class, code);
    }

    private static long practitioner(JdbcTemplate jdbc, String code, long facility, String... specialties) {
        jdbc.update("insert into practitioner (code, family_name, given_name, home_facility_id, teleconsult_capable)"
                + " values (?, '王', '伟', ?, true)", code, facility);
        long id = jdbc.queryForObject("select id from practitioner where code = ?", Long.class, code);
        for (String specialty : specialties) {
            jdbc.update("insert into practitioner_specialty values (?, ?)", id, specialty);
        }
        return id;
    }

    private static UUID patient(JdbcTemplate jdbc, long facility) {
        UUID id = UUID.randomUUID();
        Timestamp now = Timestamp.from(Instant.parse("2000-01-01T00:00:00Z"));
        jdbc.update("insert into patient (id, family_name, given_name, birth_date, sex, language, home_facility_id,"
                + " created_at, updated_at) values (?, '李', '娜', ?, 'FEMALE', 'zh', ?, ?, ?)", id,
                java.sql.Date.valueOf("1970-05-05"), facility, now, now);
        return id;
    }

    private static UUID referral(JdbcTemplate jdbc, UUID patient, long facility, long region, String urgency,
            String status, boolean breached, Instant created) {
        UUID id = UUID.randomUUID();
        jdbc.update("insert into referral (id, patient_id, referring_facility_id, referring_region_id, reason,"
                + " suspected_conditions, assessment_input_json, status, urgency, sla_breached, created_at, updated_at)"
                + " values (?, ?, ?, ?, 'fixture', '', '{}', ?, ?, ?, ?, ?)", id, patient, facility, region, status,
                urgency, breached, Timestamp.from(created), Timestamp.from(created));
        return id;
    }

    private static void appointment(JdbcTemplate jdbc, UUID referral, long practitioner, long facility, String mode,
            Instant starts, String status) {
        jdbc.update("insert into appointment (id, referral_id, practitioner_id, facility_id, mode, starts_at, ends_at,"
                + " status, booked_at, booked_by) values (?, ?, ?, ?, ?, ?, ?, ?, ?, 'fixture')", UUID.randomUUID(),
                referral, practitioner, facility, mode, Timestamp.from(starts),
                Timestamp.from(starts.plus(Duration.ofMinutes(30))), status, Timestamp.from(starts.minus(Duration.ofDays(1))));
    }

    private static boolean postgresReachable() {
        try (Connection ignored = DriverManager.getConnection(POSTGRES + "postgres", "postgres", "")) {
            return true;
        } catch (SQLException e) {
            return false;
        }
    }
}
