package org.carebridge.recordrelease;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.carebridge.ApiClient;
import org.carebridge.IntegrationTest;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.ResourceType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** The record-release and consent REST API: bad input, roles, conflicts, and the bundle's readers. */
@IntegrationTest
class RecordReleaseApiIT {

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ManagementService management;

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    ApiClient as(String user) {
        return ApiClient.as(port, user);
    }

    long facility(String code) {
        return jdbc.queryForObject("select id from facility where code = ?", Long.class, code);
    }

    UUID patientWithoutConsents() {
        return jdbc.queryForObject("select p.id from patient p join facility f on f.id = p.home_facility_id"
                + " join region r on r.id = f.region_id where r.code = 'YS' and not exists"
                + " (select 1 from patient_consent c where c.patient_id = p.id) order by p.id limit 1", UUID.class);
    }

    long requestsOf(UUID patient) {
        return jdbc.queryForObject("select count(*) from record_request where patient_id = ?", Long.class, patient);
    }

    Map<String, Object> submission(UUID patient, String purpose, List<String> scope, String reason) {
        Map<String, Object> body = new java.util.LinkedHashMap<>();
        body.put("patientId", patient);
        body.put("fromFacilityId", facility("YL-CH"));
        body.put("toFacilityId", facility("YL-PH"));
        body.put("purpose", purpose);
        body.put("scope", scope);
        if (reason != null) {
            body.put("reason", reason);
        }
        return body;
    }

    Map<String, Object> consent(Object grantee, List<String> purposes, List<String> scope, String decision) {
        Map<String, Object> body = new java.util.LinkedHashMap<>();
        body.put("grantee", grantee);
        body.put("purposes", purposes);
        body.put("scope", scope);
        body.put("validFrom", LocalDate.now().minusDays(1).toString());
        body.put("validUntil", LocalDate.now().plusDays(90).toString());
        body.put("decision", decision);
        return body;
    }

    /** A released request of a patient who consented, approved by the records officer through the inbox. */
    UUID released(List<String> scope) {
        UUID patient = patientWithoutConsents();
        assertThat(as("coordinator").post("/api/patients/" + patient + "/consents",
                consent(facility("YL-PH"), List.of("CONTINUING_CARE"), scope, "PERMIT")).status()).isEqualTo(201);
        ApiClient.Response created = as("doctor").post("/api/record-requests", submission(patient, "CONTINUING_CARE", scope, null));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        UUID id = UUID.fromString(created.body().path("id").asText());
        String task = taskOf(id, "ReviewRelease");
        ApiClient.Response done = as("records").post("/api/tasks/" + task + "/complete", Map.of("approve", true));
        assertThat(done.status()).as(done.toString()).isEqualTo(204);
        assertThat(as("coordinator").get("/api/record-requests/" + id).body().path("status").asText()).isEqualTo("RELEASED");
        return id;
    }

    String taskOf(UUID recordRequestId, String taskKey) {
        for (JsonNode task : as("records").get("/api/tasks").body()) {
            if (task.path("recordRequestId").asText().equals(recordRequestId.toString())
                    && task.path("taskKey").asText().equals(taskKey)) {
                return task.path("id").asText();
            }
        }
        throw new AssertionError("no " + taskKey + " in the records officer's inbox for " + recordRequestId);
    }

    @Test
    void badRequestsNameTheirFieldsAndStoreNothing() {
        UUID patient = patientWithoutConsents();
        long before = requestsOf(patient);
        ApiClient doctor = as("doctor");

        Map<String, Object> empty = submission(patient, "CONTINUING_CARE", List.of(), null);
        empty.remove("patientId");
        ApiClient.Response missing = doctor.post("/api/record-requests", empty);
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.isProblem()).isTrue();
        assertThat(missing.badFields()).contains("patientId", "scope");

        Map<String, Object> unknownFacility = submission(patient, "CONTINUING_CARE", List.of("NOTES"), null);
        unknownFacility.put("fromFacilityId", 987654321);
        assertThat(doctor.post("/api/record-requests", unknownFacility).badFields()).containsExactly("fromFacilityId");

        Map<String, Object> elsewhere = submission(patient, "CONTINUING_CARE", List.of("NOTES"), null);
        elsewhere.put("toFacilityId", facility("YS-V1"));
        assertThat(doctor.post("/api/record-requests", elsewhere).badFields())
                .as("the demo doctor serves the prefecture city, not this county's clinic").containsExactly("toFacilityId");

        ApiClient.Response badPurpose = doctor.post("/api/record-requests", submission(patient, "CURIOSITY", List.of("NOTES"), null));
        assertThat(badPurpose.status()).isEqualTo(400);
        assertThat(badPurpose.badFields()).containsExactly("purpose");

        ApiClient.Response unexplained = doctor.post("/api/record-requests", submission(patient, "EMERGENCY", List.of("NOTES"), "  "));
        assertThat(unexplained.status()).isEqualTo(400);
        assertThat(unexplained.badFields()).containsExactly("reason");

        assertThat(requestsOf(patient)).isEqualTo(before);
    }

    @Test
    void onlyCliniciansAskForRecordsAndOnlyCoordinatorsRecordConsents() {
        UUID patient = patientWithoutConsents();
        long before = requestsOf(patient);
        Map<String, Object> body = submission(patient, "CONTINUING_CARE", List.of("NOTES"), null);
        assertThat(as("records").post("/api/record-requests", body).status()).isEqualTo(403);
        assertThat(as("planner").post("/api/record-requests", body).status()).isEqualTo(403);
        assertThat(as("admin").get("/api/record-requests").status()).isEqualTo(403);
        assertThat(as("doctor").post("/api/patients/" + patient + "/consents",
                consent("ANY", List.of("REFERRAL"), List.of("NOTES"), "PERMIT")).status()).isEqualTo(403);
        assertThat(requestsOf(patient)).isEqualTo(before);
    }

    @Test
    void badConsentsNameTheirFieldsAndAreNotStored() {
        UUID patient = patientWithoutConsents();
        ApiClient coordinator = as("coordinator");
        String path = "/api/patients/" + patient + "/consents";

        Map<String, Object> backwards = consent("ANY", List.of("REFERRAL"), List.of("NOTES"), "PERMIT");
        backwards.put("validUntil", LocalDate.now().minusDays(2).toString());
        assertThat(coordinator.post(path, backwards).badFields()).containsExactly("validUntil");
        assertThat(coordinator.post(path, consent(987654321, List.of("REFERRAL"), List.of("NOTES"), "PERMIT")).badFields())
                .containsExactly("grantee");
        assertThat(coordinator.post(path, consent("ANY", List.of(), List.of(), "PERMIT")).badFields())
                .containsExactlyInAnyOrder("purposes", "scope");
        ApiClient.Response badDecision = coordinator.post(path, consent("ANY", List.of("REFERRAL"), List.of("NOTES"), "MAYBE"));
        assertThat(badDecision.status()).isEqualTo(400);
        assertThat(badDecision.badFields()).containsExactly("decision");
        assertThat(coordinator.get(path).body()).isEmpty();

        ApiClient.Response created = coordinator.post(path, consent("ANY", List.of("REFERRAL"), List.of("NOTES"), "DENY"));
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.body().path("grantee").asText()).isEqualTo("ANY");
        // the demo records officer serves the prefecture city, not this county: the coordinator reads it
        JsonNode listed = coordinator.get(path).body();
        assertThat(listed).hasSize(1);
        assertThat(listed.get(0).path("decision").asText()).isEqualTo("DENY");
    }

    @Test
    void aFinishedRequestIsAConflictToCancel() {
        UUID patient = patientWithoutConsents();
        as("coordinator").post("/api/patients/" + patient + "/consents",
                consent("ANY", List.of("CONTINUING_CARE"), List.of("NOTES"), "DENY"));
        ApiClient.Response created = as("coordinator").post("/api/record-requests",
                submission(patient, "CONTINUING_CARE", List.of("NOTES"), null));
        assertThat(created.body().path("status").asText()).isEqualTo("DENIED");
        assertThat(created.body().path("consentReasons").get(0).asText()).contains("DENY");
        ApiClient.Response cancel = as("coordinator").post("/api/record-requests/" + created.body().path("id").asText()
                + "/cancel", Map.of("reason", "no longer needed"));
        assertThat(cancel.status()).isEqualTo(409);
        assertThat(cancel.isProblem()).isTrue();
    }

    @Test
    void theReceivingFacilityReadsTheBundleAuditedOthersAreRefusedAndAfterThirtyDaysItIsGone() {
        ClockUtil.setCurrentTime(new Date());
        UUID id = released(List.of("OBSERVATIONS"));
        ApiClient.Response read = as("coordinator").get("/api/record-requests/" + id + "/bundle");
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.headers().getContentType().toString()).startsWith("application/fhir+json");
        Bundle bundle = FhirBundles.context().newJsonParser().parseResource(Bundle.class, read.body().toString());
        assertThat(bundle.getEntry()).extracting(e -> e.getResource().getResourceType())
                .contains(ResourceType.Patient).doesNotContain(ResourceType.Encounter, ResourceType.DocumentReference,
                        ResourceType.RiskAssessment);
        String sha = as("coordinator").get("/api/record-requests/" + id).body().path("bundleSha256").asText();
        assertThat(read.headers().getFirst("X-Content-SHA256")).isEqualTo(sha);

        UUID patient = UUID.fromString(as("coordinator").get("/api/record-requests/" + id).body().path("patientId").asText());
        JsonNode audit = as("admin").get("/api/audit?patientId=" + patient + "&actor=coordinator&size=100").body();
        assertThat(audit.path("content").findValuesAsText("resource"))
                .contains("released bundle of record request " + id);

        // a demo doctor's login (password = username), not an account another test made
        String elsewhere = jdbc.queryForObject("select min(a.username) from staff_account a join staff_account_role r"
                + " on r.account_id = a.id where r.role = 'DOCTOR' and a.practitioner_id is not null and a.facility_id <> ?",
                String.class, facility("YL-PH"));
        ApiClient.Response refused = as(elsewhere).get("/api/record-requests/" + id + "/bundle");
        assertThat(refused.status()).as(elsewhere).isEqualTo(403);
        assertThat(as("admin").get("/api/record-requests/" + id + "/bundle").status()).isEqualTo(403);

        ClockUtil.setCurrentTime(Date.from(ClockUtil.getCurrentTime().toInstant().plus(Duration.ofDays(30).plusMinutes(1))));
        String instance = jdbc.queryForObject("select process_instance_id from record_request where id = ?", String.class, id);
        Job expiry = management.createJobQuery().processInstanceId(instance).activityId("ReleaseExpired").singleResult();
        management.executeJob(expiry.getId());
        ApiClient.Response gone = as("coordinator").get("/api/record-requests/" + id + "/bundle");
        assertThat(gone.status()).isEqualTo(410);
        assertThat(gone.isProblem()).isTrue();
        assertThat(as("coordinator").get("/api/record-requests/" + id).body().path("status").asText()).isEqualTo("EXPIRED");
    }

    @Test
    void requestsAreFoundByStatusAndPatientWithTheirTimeline() {
        UUID patient = patientWithoutConsents();
        ApiClient.Response created = as("coordinator").post("/api/record-requests",
                submission(patient, "REFERRAL", List.of("ENCOUNTERS"), "Referral to cardiology"));
        String id = created.body().path("id").asText();
        JsonNode page = as("records").get("/api/record-requests?status=AWAITING_CONSENT&patientId=" + patient).body();
        assertThat(page.path("content").findValuesAsText("id")).containsExactly(id);
        assertThat(as("records").get("/api/record-requests?status=RELEASED&patientId=" + patient).body()
                .path("content")).isEmpty();
        JsonNode timeline = as("doctor").get("/api/record-requests/" + id + "/timeline").body();
        assertThat(timeline.findValuesAsText("type")).containsSubsequence("REQUESTED", "CONSENT_DECIDED", "TASK_CREATED");
        assertThat(timeline.get(0).path("code").asText()).isEqualTo("records.said.REQUESTED");
        assertThat(timeline.get(0).path("parameters").path("scope").asText()).isEqualTo("records.scope.ENCOUNTERS");
        assertThat(timeline.get(0).path("parameters").path("purpose").asText()).isEqualTo("records.purpose.REFERRAL");
        assertThat(timeline.get(0).path("details").asText()).contains("Referral to cardiology");
        assertThat(as("coordinator").get("/api/tasks").body().findValuesAsText("recordRequestId")).contains(id);
    }

    @Test
    void staffOfAnotherCountyNeitherSeeNorReviewNorFindInTheirInboxARequestBetweenFacilitiesTheyDoNotServe() {
        UUID patient = patientWithoutConsents();
        assertThat(as("coordinator").post("/api/patients/" + patient + "/consents",
                consent("ANY", List.of("CONTINUING_CARE"), List.of("NOTES"), "PERMIT")).status()).isEqualTo(201);
        String id = as("doctor").post("/api/record-requests", submission(patient, "CONTINUING_CARE", List.of("NOTES"), null))
                .body().path("id").asText();
        String username = "records-ys-" + UUID.randomUUID().toString().substring(0, 8);
        Map<String, Object> account = new java.util.LinkedHashMap<>();
        account.put("username", username);
        account.put("password", username);
        account.put("displayName", "County records officer");
        account.put("roles", List.of("RECORDS_OFFICER"));
        account.put("facilityId", facility("YS-V1"));
        account.put("regionIds", List.of(jdbc.queryForObject("select id from region where code = 'YS'", Long.class)));
        assertThat(as("admin").post("/api/users", account).status()).isEqualTo(201);
        ApiClient outsider = as(username);

        assertThat(outsider.get("/api/record-requests/" + id).status()).isEqualTo(403);
        assertThat(outsider.get("/api/record-requests?patientId=" + patient).body().path("content")).isEmpty();
        String review = taskOf(UUID.fromString(id), "ReviewRelease");
        assertThat(outsider.get("/api/tasks").body()).extracting(task -> task.path("id").asText()).doesNotContain(review);
        assertThat(outsider.get("/api/tasks/" + review).status()).isEqualTo(403);
        assertThat(outsider.post("/api/tasks/" + review + "/claim", Map.of()).status()).isEqualTo(403);
        ApiClient.Response refused = outsider.post("/api/tasks/" + review + "/complete", Map.of("approve", true));
        assertThat(refused.status()).as(refused.toString()).isEqualTo(403);
        assertThat(as("records").get("/api/record-requests/" + id).body().path("status").asText()).isEqualTo("UNDER_REVIEW");
    }
}
