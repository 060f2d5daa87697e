package org.carebridge.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import org.carebridge.ApiClient;
import org.carebridge.DemoData;
import org.carebridge.IntegrationTest;
import org.carebridge.scheduling.ProblemGenerator;
import org.carebridge.scheduling.domain.ProblemJson;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.client.RestClient;

/**
 * The equity API over the whole application. Its own rows live in 1995, far from every other test's referrals,
 * and are removed afterwards; the measures themselves are checked value by value in
 * {@link EquityMeasuresOnASmallCountyPairTests}.
 */
@IntegrationTest
class EquityApiIT {

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    private final List<UUID> inserted = new ArrayList<>();

    @ParameterizedTest(name = "{0} reads the equity of a period")
    @ValueSource(strings = {"coordinator", "planner", "admin"})
    void coordinatorsPlannersAndAdminsReadEquity(String user) {
        ApiClient.Response response = ApiClient.as(port, user).get("/api/analytics/equity");
        assertThat(response.status()).isEqualTo(200);
        JsonNode body = response.body();
        // the default period: the last 30 days, both ends included
        assertThat(Instant.parse(body.path("to").asText() + "T00:00:00Z"))
                .isEqualTo(Instant.parse(body.path("from").asText() + "T00:00:00Z").plus(Duration.ofDays(29)));
        assertThat(body.path("regions").findValuesAsText("code")).contains("YL", "XS", "MQ");
        assertThat(body.path("gini").path("specialistsPerCapita").asDouble()).isBetween(0.0, 1.0);
    }

    @ParameterizedTest(name = "{0} may not read equity")
    @ValueSource(strings = {"doctor", "records"})
    void doctorsAndRecordsOfficersAreRefused(String user) {
        ApiClient client = ApiClient.as(port, user);
        assertThat(client.get("/api/analytics/equity").status()).isEqualTo(403);
        assertThat(client.get("/api/analytics/equity.csv").status()).isEqualTo(403);
        assertThat(client.get("/api/schedules/any/equity").status()).isEqualTo(403);
    }

    @Test
    void anonymousCallersMustSignIn() {
        ApiClient anonymous = ApiClient.anonymous(port);
        assertThat(anonymous.get("/api/analytics/equity").status()).isEqualTo(401);
        assertThat(anonymous.get("/api/analytics/equity.csv").status()).isEqualTo(401);
        assertThat(anonymous.get("/api/schedules/any/equity").status()).isEqualTo(401);
    }

    @Test
    void fromAfterToIsABadRequestNamingBoth() {
        ApiClient.Response response = ApiClient.as(port, "coordinator")
                .get("/api/analytics/equity?from=2026-02-01&to=2026-01-01");
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.isProblem()).isTrue();
        assertThat(response.badFields()).containsExactlyInAnyOrder("from", "to");
        assertThat(ApiClient.as(port, "coordinator").get("/api/analytics/equity.csv?from=2026-02-01&to=2026-01-01")
                .status()).isEqualTo(400);
    }

    @Test
    void aBadDateIsABadRequestNamingIt() {
        ApiClient client = ApiClient.as(port, "planner");
        assertThat(client.get("/api/analytics/equity?from=2026-13-01&to=2026-01-01").badFields()).containsExactly("from");
        assertThat(client.get("/api/analytics/equity?from=2026-01-01&to=yesterday").badFields()).containsExactly("to");
    }

    @Test
    void aPeriodWithoutReferralsGivesZerosAndNulls() {
        JsonNode body = ApiClient.as(port, "coordinator").get("/api/analytics/equity?from=1980-01-01&to=1980-01-31")
                .body();
        assertThat(body.path("regions")).hasSize(regions());
        for (JsonNode region : body.path("regions")) {
            assertThat(region.path("referrals").asInt()).isZero();
            assertThat(region.path("loopClosureRate").isMissingNode() || region.path("loopClosureRate").isNull())
                    .isTrue();
        }
        assertThat(body.path("gini").path("appointmentsPerCapita").isMissingNode()
                || body.path("gini").path("appointmentsPerCapita").isNull()).isTrue();
    }

    @Test
    void theCountyOfRowsInsertedIn1995ShowsTheirMedianAndClosure() {
        DemoData demo = new DemoData(port);
        long region = demo.regionId("MQ");
        UUID patient = demo.patientIn("MQ");
        long facility = jdbc.queryForObject("select home_facility_id from patient where id = ?", Long.class, patient);
        long doctor = jdbc.queryForObject("select min(id) from practitioner", Long.class);
        Instant created = Instant.parse("1995-06-10T02:00:00Z");
        // ROUTINE waits 2 and 6 days → median 4; one COMPLETED of two that reached an appointment → 0.5
        insert(patient, facility, region, doctor, created, 2, "COMPLETED");
        insert(patient, facility, region, doctor, created, 6, "FAILED");
        JsonNode mq = regionOf(ApiClient.as(port, "planner").get("/api/analytics/equity?from=1995-06-01&to=1995-06-30")
                .body(), "MQ");
        assertThat(mq.path("referrals").asInt()).isEqualTo(2);
        assertThat(mq.path("medianDaysToAppointment").path("ROUTINE").asDouble()).isCloseTo(4.0, within(1e-9));
        assertThat(mq.path("loopClosureRate").asDouble()).isCloseTo(0.5, within(1e-9));
        assertThat(mq.path("teleconsultShare").asDouble()).isZero();
    }

    @Test
    void theCsvHasAHeaderAndOneLineOfAsManyCellsPerRegion() {
        String csv = RestClient.create("http://localhost:" + port).get()
                .uri("/api/analytics/equity.csv?from=1995-06-01&to=1995-06-30")
                .headers(h -> h.setBasicAuth("coordinator", "coordinator")).retrieve()
                .toEntity(String.class).getBody();
        var response = RestClient.create("http://localhost:" + port).get().uri("/api/analytics/equity.csv")
                .headers(h -> h.setBasicAuth("coordinator", "coordinator")).retrieve().toBodilessEntity();
        assertThat(response.getHeaders().getContentType().isCompatibleWith(MediaType.parseMediaType("text/csv"))).isTrue();
        assertThat(response.getHeaders().getContentDisposition().getFilename()).endsWith(".csv");
        String[] lines = csv.split("\r\n");
        assertThat(lines[0]).startsWith("from,to,region_id,region_code,region_name,population,underserved")
                .endsWith("loop_closure_rate,teleconsult_share,mean_travel_minutes");
        assertThat(lines).hasSize(1 + regions());
        int columns = lines[0].split(",", -1).length;
        for (String line : lines) {
            assertThat(line.split(",", -1)).hasSize(columns);
        }
        assertThat(lines[1]).startsWith("1995-06-01,1995-06-30,");
    }

    @Test
    void aScheduleIsMeasuredBesideFirstComeFirstServed() throws InterruptedException {
        ApiClient planner = ApiClient.as(port, "planner");
        String id = planner.post("/api/schedules?seconds=1", ProblemJson.write(ProblemGenerator.generate(40, 6, 41)))
                .body().path("id").asText();
        Thread.sleep(1500);
        ApiClient.Response response = planner.get("/api/schedules/" + id + "/equity");
        assertThat(response.status()).isEqualTo(200);
        JsonNode body = response.body();
        assertThat(body.path("scheduleId").asText()).isEqualTo(id);
        for (String plan : List.of("solved", "firstComeFirstServed")) {
            JsonNode regions = body.path(plan).path("regions");
            assertThat(regions).isNotEmpty();
            int wanted = 0;
            for (JsonNode region : regions) {
                wanted += region.path("appointments").asInt();
                assertThat(region.path("assigned").asInt()).isLessThanOrEqualTo(region.path("appointments").asInt());
            }
            assertThat(wanted).isEqualTo(40);
        }
        assertThat(planner.get("/api/schedules/no-such-schedule/equity").status()).isEqualTo(404);
    }

    @AfterEach
    void removeTheRowsOf1995() {
        for (UUID referral : inserted) {
            jdbc.update("delete from appointment where referral_id = ?", referral);
            jdbc.update("delete from referral where id = ?", referral);
        }
        inserted.clear();
    }

    private void insert(UUID patient, long facility, long region, long doctor, Instant created, int days, String status) {
        UUID id = UUID.randomUUID();
        inserted.add(id);
        jdbc.update("insert into referral (id, patient_id, referring_facility_id, referring_region_id, reason,"
                + " suspected_conditions, assessment_input_json, status, urgency, sla_breached, created_at, updated_at,"
                + " closed_at) values (?, ?, ?, ?, 'equity test', '', '{}', ?, 'ROUTINE', false, ?, ?, ?)", id, patient,
                facility, region, status, Timestamp.from(created), Timestamp.from(created), Timestamp.from(created));
        Instant starts = created.plus(Duration.ofDays(days));
        jdbc.update("insert into appointment (id, referral_id, practitioner_id, facility_id, mode, starts_at, ends_at,"
                + " status, booked_at, booked_by) values (?, ?, ?, ?, 'IN_PERSON', ?, ?, 'ATTENDED', ?, 'equity test')",
                UUID.randomUUID(), id, doctor, facility, Timestamp.from(starts),
                Timestamp.from(starts.plus(Duration.ofMinutes(30))), Timestamp.from(created));
    }

    private static JsonNode regionOf(JsonNode body, String code) {
        for (JsonNode region : body.path("regions")) {
            if (region.path("code").asText().equals(code)) {
                return region;
            }
        }
        throw new AssertionError("no region " + code + " in " + body);
    }

    /** Every county is a row, those other tests add included. */
    private int regions() {
        return jdbc.queryForObject("select count(*) from region", Integer.class);
    }
}
