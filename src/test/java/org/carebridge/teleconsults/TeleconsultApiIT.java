package org.carebridge.teleconsults;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import org.carebridge.ApiClient;
import org.carebridge.ApiClient.Response;
import org.carebridge.IntegrationTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;

/** The teleconsult REST API: contract, bad input, roles, conflicts on a finished process, session links. */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TeleconsultApiIT {

    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    Environment environment;
    TeleconsultScenario scenario;
    ApiClient coordinator;
    ApiClient doctor;
    private final Random random = new Random();

    @BeforeAll
    void signIn() {
        scenario = new TeleconsultScenario(context);
        coordinator = ApiClient.as(port, "coordinator");
        doctor = ApiClient.as(port, "doctor");
    }

    private Map<String, Object> request(Map<String, Object> observations) {
        Map<String, Object> at = scenario.patientInYl();
        Map<String, Object> body = new HashMap<>();
        body.put("patientId", at.get("patient").toString());
        body.put("requestingFacilityId", at.get("facility"));
        body.put("specialty", "INTERNAL_MEDICINE");
        body.put("reason", "Cough and fever for a week");
        body.put("observations", observations);
        return body;
    }

    private JsonNode create(ApiClient as) {
        Response created = as.post("/api/teleconsults", request(TeleconsultScenario.HEALTHY));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.body();
    }

    private long teleconsultCount() {
        return jdbc.queryForObject("select count(*) from teleconsult", Long.class);
    }

    private String openTask(String teleconsultId, String taskKey, ApiClient as) {
        for (JsonNode task : as.get("/api/tasks").body()) {
            if (task.path("teleconsultId").asText().equals(teleconsultId) && task.path("taskKey").asText().equals(taskKey)) {
                return task.path("id").asText();
            }
        }
        throw new AssertionError("no " + taskKey + " of teleconsult " + teleconsultId + " in the inbox");
    }

    /** Schedules through the inbox's REST API, trying other slots while DR-0001 is taken. */
    private JsonNode schedule(String id) {
        String task = openTask(id, "ScheduleTeleconsult", coordinator);
        for (int attempt = 0; attempt < 30; attempt++) {
            OffsetDateTime start = TeleconsultScenario.weekdayAt(1 + random.nextInt(120),
                    LocalTime.of(8, 0).plusMinutes(30L * random.nextInt(17)));
            Response done = coordinator.post("/api/tasks/" + task + "/complete",
                    Map.of("doctorId", scenario.practitioner("DR-0001"), "start", start.toString()));
            if (done.status() == 204 || done.status() == 200) {
                return coordinator.get("/api/teleconsults/" + id).body();
            }
            assertThat(done.badFields()).as(done.toString()).containsOnly("start");
        }
        throw new AssertionError("no free slot for DR-0001");
    }

    @Test
    void requestingATeleconsultAnswers201AndItIsReadableSearchableAndHasATimeline() {
        Response created = coordinator.post("/api/teleconsults", request(TeleconsultScenario.HEALTHY));
        assertThat(created.status()).isEqualTo(201);
        JsonNode body = created.body();
        String id = body.path("id").asText();
        assertThat(created.headers().getLocation().toString()).endsWith("/api/teleconsults/" + id);
        assertThat(body.path("status").asText()).isEqualTo("REQUESTED");
        assertThat(body.path("urgency").asText()).isEqualTo("ROUTINE");
        assertThat(body.path("specialty").asText()).isEqualTo("INTERNAL_MEDICINE");
        assertThat(body.path("connectionFailures").asInt()).isZero();
        assertThat(body.path("createdAt").asText()).isNotBlank();

        assertThat(coordinator.get("/api/teleconsults/" + id).body().path("status").asText()).isEqualTo("REQUESTED");
        JsonNode requested = coordinator.get("/api/teleconsults?status=REQUESTED&size=200").body();
        assertThat(requested.path("content").findValuesAsText("status")).containsOnly("REQUESTED");
        assertThat(requested.path("content").findValuesAsText("id")).contains(id);
        JsonNode timeline = coordinator.get("/api/teleconsults/" + id + "/timeline").body();
        assertThat(timeline.get(0).path("type").asText()).isEqualTo("REQUESTED");
        assertThat(timeline.get(0).path("actor").asText()).isEqualTo("coordinator");
        assertThat(timeline.get(0).path("code").asText()).isEqualTo("teleconsults.said.REQUESTED");
        assertThat(timeline.get(0).path("parameters").path("specialty").asText()).isEqualTo("specialty.INTERNAL_MEDICINE");
        assertThat(timeline.get(0).path("details").asText()).contains(body.path("reason").asText());
        assertThat(timeline.findValuesAsText("type")).contains("ASSESSED", "TASK_CREATED");

        // the inbox names the case
        JsonNode row = null;
        for (JsonNode task : coordinator.get("/api/tasks").body()) {
            if (task.path("teleconsultId").asText().equals(id)) {
                row = task;
            }
        }
        assertThat(row).isNotNull();
        assertThat(row.path("taskKey").asText()).isEqualTo("ScheduleTeleconsult");
        assertThat(row.path("patientId").asText()).isEqualTo(body.path("patientId").asText());
        assertThat(row.path("urgency").asText()).isEqualTo("ROUTINE");

        JsonNode scheduled = schedule(id);
        JsonNode byDoctor = coordinator.get("/api/teleconsults?doctorId=" + scenario.practitioner("DR-0001") + "&size=200").body();
        assertThat(byDoctor.path("content").findValuesAsText("id")).contains(id);
        assertThat(doctor.get("/api/teleconsults/" + id).body().path("sessionUrl").asText())
                .isEqualTo(scheduled.path("sessionUrl").asText());
    }

    @Test
    void aDoctorMayRequestATeleconsult() {
        JsonNode created = create(doctor);
        assertThat(created.path("status").asText()).isEqualTo("REQUESTED");
        String id = created.path("id").asText();
        // the doctor who asked is the requesting side: they read it and send the vitals they take
        assertThat(doctor.get("/api/teleconsults/" + id).status()).isEqualTo(200);
        assertThat(doctor.get("/api/teleconsults?size=200").body().path("content").findValuesAsText("id")).contains(id);
        Response vitals = doctor.post("/api/teleconsults/" + id + "/observations", Map.of("heartRate", 92));
        assertThat(vitals.status()).as(vitals.toString()).isEqualTo(200);
        assertThat(doctor.get("/api/teleconsults/" + id + "/vitals").body().findValuesAsText("recordedBy"))
                .containsExactly("doctor");
    }

    @Test
    void aBadRequestIsRefusedNamingEachFieldAndNothingIsStored() {
        long before = teleconsultCount();
        Response empty = coordinator.post("/api/teleconsults", Map.of());
        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.isProblem()).isTrue();
        assertThat(empty.badFields()).contains("patientId", "requestingFacilityId", "specialty", "reason", "observations");

        Response fahrenheit = coordinator.post("/api/teleconsults", request(Map.of("temperature", 98.6)));
        assertThat(fahrenheit.badFields()).containsExactly("observations.temperature");

        Map<String, Object> unknown = request(TeleconsultScenario.HEALTHY);
        unknown.put("patientId", UUID.randomUUID().toString());
        unknown.put("requestingFacilityId", 999_999);
        assertThat(coordinator.post("/api/teleconsults", unknown).badFields())
                .containsExactlyInAnyOrder("patientId", "requestingFacilityId");

        Map<String, Object> wrongType = request(TeleconsultScenario.HEALTHY);
        wrongType.put("specialty", "ASTROLOGY");
        assertThat(coordinator.post("/api/teleconsults", wrongType).badFields()).containsExactly("specialty");
        assertThat(teleconsultCount()).isEqualTo(before);
    }

    @Test
    void aBadScheduleOrObservationIsRefusedNamingTheFieldsAndChangesNothing() {
        String id = create(coordinator).path("id").asText();
        String task = openTask(id, "ScheduleTeleconsult", coordinator);
        Response empty = coordinator.post("/api/tasks/" + task + "/complete", Map.of());
        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.badFields()).containsExactlyInAnyOrder("doctorId", "start");
        Response unknownDoctor = coordinator.post("/api/tasks/" + task + "/complete",
                Map.of("doctorId", 999_999, "start", TeleconsultScenario.weekdayAt(3, LocalTime.of(10, 0)).toString()));
        assertThat(unknownDoctor.badFields()).containsExactly("doctorId");
        assertThat(coordinator.get("/api/teleconsults/" + id).body().path("status").asText()).isEqualTo("REQUESTED");

        Response noValues = coordinator.post("/api/teleconsults/" + id + "/observations", Map.of());
        assertThat(noValues.status()).isEqualTo(400);
        assertThat(noValues.badFields()).containsExactly("observations");
        Response implausible = coordinator.post("/api/teleconsults/" + id + "/observations", Map.of("heartRate", 400));
        assertThat(implausible.status()).isEqualTo(400);
        assertThat(implausible.badFields()).containsExactly("heartRate");
        assertThat(coordinator.get("/api/teleconsults/" + id + "/vitals").body()).isEmpty();
    }

    @Test
    void plannersAndRecordsOfficersHaveNoBusinessWithTeleconsults() {
        String id = create(coordinator).path("id").asText();
        for (String user : List.of("planner", "records")) {
            ApiClient outsider = ApiClient.as(port, user);
            assertThat(outsider.post("/api/teleconsults", request(TeleconsultScenario.HEALTHY)).status()).isEqualTo(403);
            assertThat(outsider.get("/api/teleconsults").status()).isEqualTo(403);
            assertThat(outsider.get("/api/teleconsults/" + id).status()).isEqualTo(403);
            assertThat(outsider.get("/api/teleconsults/" + id + "/timeline").status()).isEqualTo(403);
            assertThat(outsider.post("/api/teleconsults/" + id + "/observations", Map.of("heartRate", 80)).status())
                    .isEqualTo(403);
            assertThat(outsider.post("/api/teleconsults/" + id + "/cancel", Map.of("reason", "x")).status()).isEqualTo(403);
        }
        assertThat(doctor.post("/api/teleconsults/" + id + "/cancel", Map.of("reason", "x")).status()).isEqualTo(403);
        assertThat(coordinator.get("/api/teleconsults/" + id).body().path("status").asText()).isEqualTo("REQUESTED");
    }

    @Test
    void aFinishedTeleconsultCannotBeCancelledNorTakeObservationsNorHaveItsTaskCompletedAgain() {
        String id = create(coordinator).path("id").asText();
        schedule(id);
        Response live = coordinator.post("/api/teleconsults/" + id + "/observations", Map.of("heartRate", 88));
        assertThat(live.status()).as(live.toString()).isEqualTo(200);
        assertThat(doctor.get("/api/teleconsults/" + id + "/vitals").body().findValuesAsText("recordedBy"))
                .containsExactly("coordinator");

        String conduct = openTask(id, "ConductTeleconsult", doctor);
        Map<String, Object> note = Map.of("connected", true, "assessment", "Viral upper respiratory infection",
                "plan", "Rest and fluids", "followUp", "NONE", "prescriptions", List.of());
        Response done = doctor.post("/api/tasks/" + conduct + "/complete", note);
        assertThat(done.status()).as(done.toString()).isIn(200, 204);
        assertThat(coordinator.get("/api/teleconsults/" + id).body().path("status").asText()).isEqualTo("COMPLETED");

        Response cancel = coordinator.post("/api/teleconsults/" + id + "/cancel", Map.of("reason", "Too late"));
        assertThat(cancel.status()).isEqualTo(409);
        assertThat(cancel.isProblem()).isTrue();
        assertThat(coordinator.post("/api/teleconsults/" + id + "/observations", Map.of("heartRate", 90)).status())
                .isEqualTo(409);
        assertThat(doctor.post("/api/tasks/" + conduct + "/complete", note).status()).isEqualTo(409);
        assertThat(coordinator.get("/api/teleconsults/" + id).body().path("status").asText()).isEqualTo("COMPLETED");
    }

    @Test
    void cancellingNeedsAReasonAndEndsTheTeleconsult() {
        String id = create(coordinator).path("id").asText();
        Response noReason = coordinator.post("/api/teleconsults/" + id + "/cancel", Map.of());
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(noReason.badFields()).containsExactly("reason");
        Response cancelled = coordinator.post("/api/teleconsults/" + id + "/cancel", Map.of("reason", "Patient recovered"));
        assertThat(cancelled.status()).isEqualTo(200);
        assertThat(cancelled.body().path("status").asText()).isEqualTo("CANCELLED");
        assertThat(coordinator.get("/api/teleconsults/" + UUID.randomUUID()).status()).isEqualTo(404);
    }

    @Test
    void eachSessionGetsItsOwnUnguessableRoomUnderTheConfiguredVideoService() {
        String base = environment.getProperty("carebridge.teleconsult.video-base-url");
        String first = schedule(create(coordinator).path("id").asText()).path("sessionUrl").asText();
        String second = schedule(create(coordinator).path("id").asText()).path("sessionUrl").asText();
        assertThat(first).startsWith(base + "/").isNotEqualTo(second);
        assertThat(second).startsWith(base + "/");
        String room = first.substring(base.length() + 1);
        // 160 random bits, URL-safe Base64 without padding: 27 characters of [A-Za-z0-9_-]
        assertThat(room).matches("[A-Za-z0-9_-]{27}");
        assertThat(second.substring(base.length() + 1)).matches("[A-Za-z0-9_-]{27}");
    }
}
