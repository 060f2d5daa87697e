package org.carebridge.consistency;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.stream.StreamSupport;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.carebridge.ApiClient;
import org.carebridge.DemoData;
import org.carebridge.IntegrationTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * {@code GET /api/admin/consistency} over the shared database: cases this test makes in several states are
 * named by no violation; then each kind of damage a crash or a hand-made change leaves — a process deleted
 * under an open referral, a process started without its case, a doctor and a portable ultrasound booked twice,
 * a status moved without its process, a slot left to a closed case, a release without its audit entries — is
 * named with its kind and its case. Every damage is repaired before the test ends (the other tests share the
 * database): the final report names none of this test's cases.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConsistencyCheckIT {

    private static final Map<String, Object> HEALTHY = Map.of("respiratoryRate", 16, "oxygenSaturation", 97,
            "systolicBp", 120, "diastolicBp", 80, "heartRate", 70, "consciousness", "ALERT", "temperature", 36.8);
    private static final ZoneId PROVINCE = ZoneId.of("Asia/Shanghai");

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    RuntimeService runtime;
    @Autowired
    TaskService taskService;

    ApiClient admin;
    ApiClient coordinator;
    DemoData demo;

    @BeforeAll
    void signIn() {
        admin = ApiClient.as(port, "admin");
        coordinator = ApiClient.as(port, "coordinator");
        demo = new DemoData(port);
    }

    @Test
    void casesAtEachStepAndFinishedAgreeWithTheirProcesses() {
        JsonNode before = check();
        assertThat(before.path("clean").asBoolean()).isEqualTo(before.path("violations").isEmpty());
        assertThat(before.path("violations")).as("what the tests so far left: %s", before.path("violations")).isEmpty();
        assertThat(before.path("checked").path("referral").isInt()).isTrue();
        assertThat(before.path("violations").isArray()).isTrue();

        UUID atReview = referral();
        UUID routed = referral();
        route(routed);
        UUID booked = referral();
        route(booked);
        complete("doctor", "referral", booked, "AcceptReferral", Map.of("decision", "ACCEPT"));
        bookWithTheDemoDoctor(booked);
        UUID teleconsult = teleconsult();
        UUID released = brokenGlassRelease();
        List<UUID> mine = List.of(atReview, routed, booked, teleconsult, released);

        JsonNode open = check();
        assertThat(violationsOf(open, mine)).as("violations of this test's open cases").isEmpty();
        assertThat(open.path("checked").path("booking").asInt()).isPositive();
        assertThat(open.path("checked").path("audit-entry").asInt()).isPositive();

        for (UUID referral : List.of(atReview, routed, booked)) {
            cancel("referrals", referral);
        }
        cancel("teleconsults", teleconsult);
        JsonNode finished = check();
        assertThat(violationsOf(finished, mine)).as("violations of this test's finished cases").isEmpty();
        assertThat(jdbc.queryForObject("select status from appointment where referral_id = ?", String.class, booked))
                .isEqualTo("CANCELLED");
    }

    @Test
    void eachDamageIsNamedWithItsKindAndCase() {
        UUID processDeleted = referral();
        UUID statusMoved = referral();
        UUID statusFinished = referral();
        UUID bookedTwice = referral();
        UUID bookedOver = referral();
        UUID noCase = UUID.randomUUID();
        UUID unaudited = UUID.randomUUID();
        List<UUID> appointments = new ArrayList<>();
        String orphan = null;
        try {
            runtime.deleteProcessInstance(processInstanceOf("referral", processDeleted), "consistency test");
            // a record release waiting for its expiry, for a request that was never stored
            orphan = runtime.createProcessInstanceByKey("record-release").businessKey(noCase.toString())
                    .setVariable("recordRequestId", noCase.toString()).startBeforeActivity("ReleaseExpired")
                    .execute().getId();
            jdbc.update("update referral set status = 'ACCEPTED' where id = ?", statusMoved);
            jdbc.update("update referral set status = 'COMPLETED', closed_at = ? where id = ?", now(), statusFinished);
            long doctor = demo.practitionerId("DR-0001");
            long ultrasound = jdbc.queryForObject("select min(id) from equipment where mobile = true", Long.class);
            Instant at = ZonedDateTime.of(2090, 3, 1, 10, 0, 0, 0, PROVINCE).toInstant();
            appointments.add(appointment(bookedTwice, doctor, ultrasound, at, 30));
            appointments.add(appointment(bookedOver, doctor, ultrasound, at.plusSeconds(15 * 60), 30));
            // a closed case still holding a slot
            appointments.add(appointment(statusFinished, doctor, null, at.plusSeconds(3 * 3600), 30));
            releasedWithoutAudit(unaudited);

            JsonNode report = check();
            assertThat(report.path("clean").asBoolean()).isFalse();
            assertThat(kindsOf(report, processDeleted)).containsExactly("NO_PROCESS");
            assertThat(kindsOf(report, noCase)).containsExactly("PROCESS_WITHOUT_CASE");
            assertThat(caseTypesOf(report, noCase)).containsExactly("record-request");
            assertThat(kindsOf(report, statusMoved)).containsExactly("WRONG_STEP");
            assertThat(messagesOf(report, statusMoved)).allMatch(m -> m.contains("ACCEPTED") && m.contains("ReviewReferral"));
            assertThat(kindsOf(report, statusFinished)).containsExactlyInAnyOrder("PROCESS_OF_FINISHED_CASE",
                    "SLOT_OF_FINISHED_CASE");
            // the doctor and the ultrasound, each booked twice: both cases are named, once for each
            assertThat(kindsOf(report, bookedTwice)).containsExactly("DOUBLE_BOOKING", "DOUBLE_BOOKING");
            assertThat(kindsOf(report, bookedOver)).containsExactly("DOUBLE_BOOKING", "DOUBLE_BOOKING");
            assertThat(messagesOf(report, bookedTwice)).anyMatch(m -> m.startsWith("practitioner " + doctor))
                    .anyMatch(m -> m.startsWith("equipment " + ultrasound)).allMatch(m -> m.contains(bookedOver.toString()));
            // an expired release: its extract, its bundle and the end of its access each wrote an entry
            assertThat(kindsOf(report, unaudited)).containsExactly("AUDIT_MISSING", "AUDIT_MISSING", "AUDIT_MISSING");
        } finally {
            // repaired as an operator would: the case without a process is closed, the rest put back
            jdbc.update("update referral set status = 'CANCELLED', closed_at = ? where id = ?", now(), processDeleted);
            jdbc.update("update referral set status = 'REQUESTED' where id = ?", statusMoved);
            jdbc.update("update referral set status = 'REQUESTED', closed_at = null where id = ?", statusFinished);
            appointments.forEach(id -> jdbc.update("delete from appointment where id = ?", id));
            jdbc.update("delete from record_request where id = ?", unaudited);
            if (orphan != null) {
                runtime.deleteProcessInstance(orphan, "consistency test");
            }
        }
        for (UUID referral : List.of(statusMoved, statusFinished, bookedTwice, bookedOver)) {
            cancel("referrals", referral);
        }
        JsonNode repaired = check();
        assertThat(violationsOf(repaired, List.of(processDeleted, statusMoved, statusFinished, bookedTwice, bookedOver,
                noCase, unaudited))).isEmpty();
    }

    @Test
    void onlyAdministratorsRunTheCheck() {
        for (String user : List.of("coordinator", "doctor", "planner", "records")) {
            ApiClient.Response refused = ApiClient.as(port, user).get("/api/admin/consistency");
            assertThat(refused.status()).as(user).isEqualTo(403);
            assertThat(refused.isProblem()).isTrue();
        }
        assertThat(ApiClient.anonymous(port).get("/api/admin/consistency").status()).isEqualTo(401);
    }

    private JsonNode check() {
        ApiClient.Response report = admin.get("/api/admin/consistency");
        assertThat(report.status()).as(report.toString()).isEqualTo(200);
        assertThat(report.headers().getContentType().toString()).startsWith("application/json");
        return report.body();
    }

    private static List<JsonNode> violationsOf(JsonNode report, List<UUID> cases) {
        Set<String> ids = Set.copyOf(cases.stream().map(UUID::toString).toList());
        return StreamSupport.stream(report.path("violations").spliterator(), false)
                .filter(v -> ids.contains(v.path("caseId").asText())).toList();
    }

    private static List<String> kindsOf(JsonNode report, UUID caseId) {
        return violationsOf(report, List.of(caseId)).stream().map(v -> v.path("kind").asText()).toList();
    }

    private static List<String> caseTypesOf(JsonNode report, UUID caseId) {
        return violationsOf(report, List.of(caseId)).stream().map(v -> v.path("caseType").asText()).toList();
    }

    private static List<String> messagesOf(JsonNode report, UUID caseId) {
        return violationsOf(report, List.of(caseId)).stream().map(v -> v.path("message").asText()).toList();
    }

    private UUID referral() {
        return UUID.fromString(demo.submitReferral());
    }

    private void route(UUID referral) {
        complete("coordinator", "referral", referral, "ReviewReferral",
                Map.of("decision", "ROUTE", "doctorId", String.valueOf(demo.practitionerId("DR-0001"))));
    }

    /** Books DR-0001 at their hospital on a free weekday half-hour some weeks ahead (other tests book them too). */
    private void bookWithTheDemoDoctor(UUID referral) {
        Random random = new Random();
        for (int attempt = 0; attempt < 30; attempt++) {
            LocalDate day = LocalDate.now(PROVINCE).plusDays(21 + random.nextInt(120));
            while (day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY) {
                day = day.plusDays(1);
            }
            ZonedDateTime start = ZonedDateTime.of(day, LocalTime.of(8, 0).plusMinutes(30L * random.nextInt(17)), PROVINCE);
            ApiClient.Response done = coordinator.post("/api/tasks/" + task("referral", referral, "ScheduleAppointment")
                    + "/complete", Map.of("start", start.toOffsetDateTime().toString(), "mode", "IN_PERSON",
                    "facilityId", demo.facilityId("YL-PH")));
            if (done.status() == 204) {
                return;
            }
            assertThat(done.badFields()).as(done.toString()).containsOnly("start");
        }
        throw new AssertionError("no free slot found for DR-0001");
    }

    private UUID teleconsult() {
        ApiClient.Response created = coordinator.post("/api/teleconsults", Map.of("patientId",
                demo.patientIn("YS").toString(), "requestingFacilityId", demo.facilityId("YS-V1"),
                "specialty", "INTERNAL_MEDICINE", "reason", "Fever and cough for a week", "suspectedConditions", List.of(),
                "observations", HEALTHY));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return UUID.fromString(created.body().path("id").asText());
    }

    /** Records released at once by breaking the glass, the emergency access then judged appropriate. */
    private UUID brokenGlassRelease() {
        Map<String, Object> patient = jdbc.queryForMap("select p.id, p.home_facility_id from patient p"
                + " where not exists (select 1 from patient_consent c where c.patient_id = p.id) order by p.id limit 1");
        ApiClient.Response created = coordinator.post("/api/record-requests", Map.of("patientId",
                patient.get("id").toString(), "fromFacilityId", patient.get("home_facility_id"),
                "toFacilityId", demo.facilityId("YL-PH"), "purpose", "EMERGENCY", "scope", List.of("OBSERVATIONS"),
                "reason", "Found unconscious, history unknown"));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.body().path("status").asText()).isEqualTo("RELEASED");
        UUID id = UUID.fromString(created.body().path("id").asText());
        complete("admin", "record-request", id, "ReviewEmergencyAccess", Map.of("appropriate", true));
        return id;
    }

    private void complete(String user, String caseType, UUID caseId, String taskKey, Map<String, Object> form) {
        ApiClient.Response done = ApiClient.as(port, user).post("/api/tasks/" + task(caseType, caseId, taskKey)
                + "/complete", form);
        assertThat(done.status()).as(done.toString()).isEqualTo(204);
    }

    private String task(String caseType, UUID caseId, String taskKey) {
        return taskService.createTaskQuery().processInstanceId(processInstanceOf(caseType, caseId))
                .taskDefinitionKey(taskKey).singleResult().getId();
    }

    private String processInstanceOf(String caseType, UUID caseId) {
        String table = caseType.equals("record-request") ? "record_request" : caseType;
        return jdbc.queryForObject("select process_instance_id from " + table + " where id = ?", String.class, caseId);
    }

    private void cancel(String cases, UUID id) {
        ApiClient.Response cancelled = coordinator.post("/api/" + cases + "/" + id + "/cancel",
                Map.of("reason", "consistency test done"));
        assertThat(cancelled.status()).as(cancelled.toString()).isEqualTo(200);
    }

    private UUID appointment(UUID referral, long doctor, Long equipment, Instant start, int minutes) {
        UUID id = UUID.randomUUID();
        jdbc.update("insert into appointment (id, referral_id, practitioner_id, facility_id, equipment_id, mode,"
                        + " starts_at, ends_at, status, booked_at, booked_by) values (?, ?, ?, ?, ?, 'IN_PERSON', ?, ?,"
                        + " 'BOOKED', ?, 'consistency test')", id, referral, doctor, demo.facilityId("YL-PH"), equipment,
                Timestamp.from(start), Timestamp.from(start.plusSeconds(60L * minutes)), now());
        return id;
    }

    /** A request whose records were released, then expired, stored by hand: none of its steps wrote the audit log. */
    private void releasedWithoutAudit(UUID id) {
        Map<String, Object> patient = jdbc.queryForMap("select id, home_facility_id from patient order by id limit 1");
        Timestamp released = Timestamp.from(Instant.now().minusSeconds(31L * 24 * 3600));
        jdbc.update("insert into record_request (id, patient_id, from_facility_id, to_facility_id, purpose, scope,"
                        + " status, requested_by, released_at, expires_at, created_at, updated_at, closed_at, bundle_sha256)"
                        + " values (?, ?, ?, ?, 'CONTINUING_CARE', 'OBSERVATIONS', 'EXPIRED', 'consistency test', ?, ?, ?, ?,"
                        + " ?, 'none')", id, patient.get("id"), patient.get("home_facility_id"),
                demo.facilityId("YL-PH"), released, Timestamp.from(released.toInstant().plusSeconds(30L * 24 * 3600)),
                released, now(), now());
    }

    private static Timestamp now() {
        return Timestamp.from(Instant.now());
    }
}
