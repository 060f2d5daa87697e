package org.carebridge.recordrelease;

import static org.assertj.core.api.Assertions.assertThat;
import static org.carebridge.recordrelease.RecordReleaseScenario.form;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.carebridge.ApiClient;
import org.carebridge.IntegrationTest;
import org.carebridge.patients.Consent;
import org.carebridge.patients.RecordScope;
import org.carebridge.patients.ReleasePurpose;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The holes issue 12 found in record release, each attempted as an attacker would and each named after
 * the hole: a bundle read after its time, break-the-glass with no link to the patient or the receiving
 * facility, an emergency access judged inappropriate that stays open, and an audit reason a header overwrites.
 */
@IntegrationTest
class RecordReleaseAttacksIT {

    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;
    RecordReleaseScenario scenario;

    @BeforeEach
    void engine() {
        scenario = new RecordReleaseScenario(context);
        ClockUtil.setCurrentTime(new Date());
    }

    @AfterEach
    void reset() {
        ClockUtil.reset();
        SecurityContextHolder.clearContext();
    }

    ApiClient as(String user) {
        return ApiClient.as(port, user);
    }

    static String bundleOf(UUID id) {
        return "/api/record-requests/" + id + "/bundle";
    }

    /** Vitals released with the patient's consent to the prefecture hospital, where the demo coordinator works. */
    RecordRequestDetails consentedRelease() {
        UUID patient = scenario.patientWithoutConsents();
        scenario.consent(patient, String.valueOf(scenario.receiver()), Set.of(ReleasePurpose.CONTINUING_CARE),
                Set.of(RecordScope.OBSERVATIONS), Consent.Decision.PERMIT);
        RecordRequestDetails request = scenario.submit("doctor", patient, ReleasePurpose.CONTINUING_CARE,
                Set.of(RecordScope.OBSERVATIONS), null);
        scenario.complete("records", request, "ReviewRelease", form("approve", true));
        RecordRequestDetails released = scenario.request(request.id());
        assertThat(released.status()).isEqualTo(RecordRequestStatus.RELEASED);
        return released;
    }

    Map<String, Object> emergency(UUID patient, long fromFacilityId, long toFacilityId) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("patientId", patient);
        body.put("fromFacilityId", fromFacilityId);
        body.put("toFacilityId", toFacilityId);
        body.put("purpose", "EMERGENCY");
        body.put("scope", List.of("OBSERVATIONS"));
        body.put("reason", "Unconscious on arrival, no relatives reachable");
        return body;
    }

    @Test
    void aBundleIsNotReadableOnceItsTimeIsUpEvenBeforeTheExpiryTimerRuns() {
        RecordRequestDetails released = consentedRelease();
        assertThat(as("coordinator").get(bundleOf(released.id())).status()).isEqualTo(200);

        // the engine's clock reaches expiresAt; the timer that would mark it EXPIRED has not run
        ClockUtil.setCurrentTime(Date.from(released.expiresAt()));
        ApiClient.Response late = as("coordinator").get(bundleOf(released.id()));
        assertThat(late.status()).isEqualTo(410);
        assertThat(late.isProblem()).isTrue();
        assertThat(scenario.management.createJobQuery().processInstanceId(scenario.processInstanceId(released))
                .activityId("ReleaseExpired").count()).as("the expiry timer is still waiting").isEqualTo(1);
    }

    @Test
    void breakingTheGlassForAPatientTheSourceFacilityDoesNotHoldIsForbiddenAndStoresNothing() {
        // registered in Yishan county and never seen at the county hospital the records would come from
        UUID stranger = scenario.jdbc.queryForObject("select p.id from patient p join facility f on f.id = p.home_facility_id"
                + " join region r on r.id = f.region_id where r.code = 'YS' and not exists (select 1 from encounter e"
                + " where e.patient_id = p.id and e.facility_id = ?) order by p.id limit 1", UUID.class, scenario.source());
        long before = scenario.recordRequestsOf(stranger);
        ApiClient.Response refused = as("doctor").post("/api/record-requests",
                emergency(stranger, scenario.source(), scenario.receiver()));
        assertThat(refused.status()).as(refused.toString()).isEqualTo(403);
        assertThat(refused.isProblem()).isTrue();
        assertThat(scenario.recordRequestsOf(stranger)).isEqualTo(before);
    }

    @Test
    void breakingTheGlassIntoAFacilityTheCallerDoesNotServeIsForbiddenAndStoresNothing() {
        UUID held = scenario.patientHeldBySource();
        long before = scenario.recordRequestsOf(held);
        // the demo doctor works at the prefecture hospital, not at Yishan's village clinic
        ApiClient.Response refused = as("doctor").post("/api/record-requests",
                emergency(held, scenario.source(), scenario.facility("YS-V1")));
        assertThat(refused.status()).as(refused.toString()).isEqualTo(403);
        assertThat(refused.isProblem()).isTrue();
        assertThat(scenario.recordRequestsOf(held)).isEqualTo(before);
    }

    @Test
    void breakingTheGlassForAPatientTheSourceHasSeenInAnEncounterIsAllowed() {
        UUID seen = scenario.patientWithoutConsents();
        scenario.jdbc.update("insert into encounter (id, patient_id, facility_id, type, reason, started_at, ended_at)"
                + " values (?, ?, ?, 'EMERGENCY', 'Fall', ?, ?)", UUID.randomUUID(), seen, scenario.source(),
                Timestamp.from(Instant.now().minus(Duration.ofDays(3))), Timestamp.from(Instant.now().minus(Duration.ofDays(2))));
        ApiClient.Response created = as("doctor").post("/api/record-requests",
                emergency(seen, scenario.source(), scenario.receiver()));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.body().path("status").asText()).isEqualTo("RELEASED");
        assertThat(created.body().path("breakGlass").asBoolean()).isTrue();
    }

    @Test
    void anEmergencyAccessJudgedNotAppropriateIsRevokedAtOnce() {
        RecordRequestDetails request = scenario.submit("doctor", scenario.patientHeldBySource(), ReleasePurpose.EMERGENCY,
                Set.of(RecordScope.OBSERVATIONS), "Unconscious on arrival, no relatives reachable");
        assertThat(as("coordinator").get(bundleOf(request.id())).status()).isEqualTo(200);

        scenario.complete("admin", request, "ReviewEmergencyAccess",
                form("appropriate", false, "comment", "The patient was awake and could have been asked"));

        ApiClient.Response revoked = as("coordinator").get(bundleOf(request.id()));
        assertThat(revoked.status()).isEqualTo(410);
        assertThat(revoked.isProblem()).isTrue();
        JsonNode details = as("coordinator").get("/api/record-requests/" + request.id()).body();
        assertThat(details.path("status").asText()).isEqualTo("REVOKED");
        JsonNode timeline = as("coordinator").get("/api/record-requests/" + request.id() + "/timeline").body();
        assertThat(timeline.findValuesAsText("type")).containsSubsequence("EMERGENCY_ACCESS_REVIEWED", "ACCESS_REVOKED");
        JsonNode said = timeline.get(timeline.size() - 1);
        assertThat(said.path("code").asText()).isEqualTo("records.said.ACCESS_REVOKED");

        // thirty days on, the expiry timer does not turn a revoked release into an expired one
        scenario.fireTimer(request, "ReleaseExpired", Duration.ofDays(30).plusMinutes(1));
        assertThat(as("coordinator").get("/api/record-requests/" + request.id()).body().path("status").asText())
                .isEqualTo("REVOKED");
    }

    @Test
    void aStatedPurposeIsAddedToTheAuditReasonAndNeverReplacesIt() {
        RecordRequestDetails released = consentedRelease();
        ApiClient.Response read = as("coordinator").withPurpose("routine check, nothing to see").get(bundleOf(released.id()));
        assertThat(read.status()).isEqualTo(200);

        JsonNode entries = as("admin").get("/api/audit?patientId=" + released.patientId() + "&actor=coordinator&size=100")
                .body().path("content");
        JsonNode bundleRead = null;
        for (JsonNode entry : entries) {
            if (entry.path("resource").asText().equals("released bundle of record request " + released.id())) {
                bundleRead = entry;
                break;
            }
        }
        assertThat(bundleRead).as("the bundle read is audited").isNotNull();
        assertThat(bundleRead.path("reason").asText()).startsWith("record release")
                .endsWith("routine check, nothing to see");
    }
}
