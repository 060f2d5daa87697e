package org.carebridge.patients;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import org.carebridge.ApiClient;
import org.carebridge.DemoData;
import org.carebridge.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** Registering patients, recording what is measured and what happened, and refusing what is wrong. */
@IntegrationTest
class PatientRecordApiIT {

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    ApiClient coordinator;
    DemoData demo;
    long villageClinic;

    @BeforeEach
    void signIn() {
        coordinator = ApiClient.as(port, "coordinator");
        demo = new DemoData(port);
        villageClinic = demo.facilityId("YS-V1");
    }

    @Test
    void aCoordinatorRegistersAPatientWhoCanThenBeFoundByPinyinAndByIdentifier() {
        LocalDate born = LocalDate.of(1958, 4, 12);
        String residentId = DemoData.freshResidentId(born);
        ApiClient.Response created = coordinator.post("/api/patients", patient("沙马", "阿依", "Shama Ayi", born, residentId));

        assertThat(created.status()).isEqualTo(201);
        String id = created.body().path("id").asText();
        assertThat(created.headers().getLocation()).hasToString("/api/patients/" + id);
        assertThat(created.body().path("version").asLong()).isZero();

        assertThat(ids(coordinator.get("/api/patients?q=shama ayi"))).contains(id);
        assertThat(ids(coordinator.get("/api/patients?q=" + residentId))).containsExactly(id);
        assertThat(ids(coordinator.get("/api/patients?q=沙马阿依&facilityId=" + villageClinic))).contains(id);
        assertThat(ids(coordinator.get("/api/patients?q=shama&regionId=" + demo.regionId("XS")))).doesNotContain(id);
        assertThat(coordinator.get("/api/patients/" + id).body().path("identifiers").get(0).path("value").asText())
                .isEqualTo(residentId);
    }

    @Test
    void aDuplicateResidentIdIsAConflictAndStoresNothing() {
        LocalDate born = LocalDate.of(1990, 1, 1);
        String residentId = DemoData.freshResidentId(born);
        assertThat(coordinator.post("/api/patients", patient("李", "芳", "Li Fang", born, residentId)).status()).isEqualTo(201);
        long before = patientCount();

        ApiClient.Response again = coordinator.post("/api/patients", patient("王", "芳", "Wang Fang", born, residentId));

        assertThat(again.status()).isEqualTo(409);
        assertThat(again.isProblem()).isTrue();
        assertThat(again.body().path("field").asText()).isEqualTo("identifiers[0].value");
        assertThat(patientCount()).isEqualTo(before);
    }

    @Test
    void invalidRegistrationsAreRefusedNamingEveryBadFieldAndStoreNothing() {
        long before = patientCount();
        long auditBefore = auditCount();
        Map<String, Object> bad = Map.of("familyName", "", "givenName", "明", "birthDate", LocalDate.now().plusDays(2).toString(),
                "sex", "MALE", "language", "Chinese", "homeFacilityId", villageClinic);
        assertBadRequest(coordinator.post("/api/patients", bad), "familyName", "birthDate", "language");

        assertBadRequest(coordinator.post("/api/patients", patient("王", "明", null, LocalDate.of(1980, 1, 1), "110105194912310021")),
                "identifiers[0].value");
        assertBadRequest(coordinator.post("/api/patients",
                patient("王", "明", null, LocalDate.of(1980, 1, 1), DemoData.freshResidentId(LocalDate.of(1981, 1, 1)))),
                "identifiers[0].value");
        Map<String, Object> unknownFacility = new java.util.HashMap<>(patient("王", "明", null, LocalDate.of(1980, 1, 1), null));
        unknownFacility.put("homeFacilityId", 999_999);
        assertBadRequest(coordinator.post("/api/patients", unknownFacility), "homeFacilityId");
        assertBadRequest(coordinator.post("/api/patients", "{\"familyName\": \"王\", \"sex\": \"MAN\"}"), "sex");
        assertBadRequest(coordinator.post("/api/patients", "{\"familyName\": \"王\", \"homeFacilityId\": \"seven\"}"), "homeFacilityId");
        assertBadRequest(coordinator.post("/api/patients", "{\"familyName\": \"王\", \"nickname\": \"小王\"}"), "nickname");
        assertBadRequest(coordinator.post("/api/patients", "{\"familyName\": \"王\", "), "body");
        assertBadRequest(coordinator.get("/api/patients?sort=password"), "sort");
        assertBadRequest(coordinator.get("/api/patients?regionId=north"), "regionId");

        assertThat(patientCount()).isEqualTo(before);
        assertThat(auditCount()).as("a refused write leaves no audit entry").isEqualTo(auditBefore);
    }

    @Test
    void anUpdateWithAStaleVersionIsAConflict() {
        LocalDate born = LocalDate.of(1975, 6, 30);
        Map<String, Object> request = patient("陈", "洁", "Chen Jie", born, DemoData.freshResidentId(born));
        String id = coordinator.post("/api/patients", request).body().path("id").asText();

        Map<String, Object> moved = new java.util.HashMap<>(request);
        moved.put("homeFacilityId", demo.facilityId("YS-CH"));
        moved.put("version", 0);
        ApiClient.Response updated = coordinator.put("/api/patients/" + id, moved);
        assertThat(updated.status()).isEqualTo(200);
        assertThat(updated.body().path("version").asLong()).isEqualTo(1);

        ApiClient.Response stale = coordinator.put("/api/patients/" + id, moved);
        assertThat(stale.status()).isEqualTo(409);
        assertThat(coordinator.get("/api/patients/" + id).body().path("homeFacilityId").asLong())
                .isEqualTo(demo.facilityId("YS-CH"));
    }

    @Test
    void unknownPatientsAre404() {
        ApiClient.Response missing = coordinator.get("/api/patients/" + UUID.randomUUID());
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.isProblem()).isTrue();
        assertBadRequest(coordinator.get("/api/patients/not-a-uuid"), "id");
    }

    @Test
    void aDoctorRecordsVitalSignsWithTheirLoincCodesAndUnits() {
        UUID patient = demo.patientIn("YL");
        ApiClient doctor = ApiClient.as(port, "doctor");
        Instant taken = Instant.now().minus(10, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS);

        ApiClient.Response temperature = doctor.post("/api/patients/" + patient + "/observations",
                Map.of("type", "TEMPERATURE", "value", 38.6, "effectiveAt", taken.toString()));
        assertThat(temperature.status()).isEqualTo(201);
        assertThat(temperature.body().path("code").asText()).isEqualTo("8310-5");
        assertThat(temperature.body().path("codeSystem").asText()).isEqualTo("http://loinc.org");
        assertThat(temperature.body().path("unit").asText()).isEqualTo("Cel");
        assertThat(temperature.body().path("value").decimalValue()).isEqualByComparingTo("38.6");
        assertThat(temperature.body().path("recordedBy").asText()).isEqualTo("doctor");

        assertThat(doctor.post("/api/patients/" + patient + "/observations",
                Map.of("type", "CONSCIOUSNESS", "value", "CONFUSION")).status()).isEqualTo(201);

        JsonNode latest = doctor.get("/api/patients/" + patient + "/observations?type=TEMPERATURE&size=1").body();
        assertThat(latest.path("content").get(0).path("effectiveAt").asText()).isEqualTo(taken.toString());
        assertThat(doctor.get("/api/patients/" + patient + "/observations?type=CONSCIOUSNESS&size=1").body()
                .path("content").get(0).path("value").asText()).isEqualTo("CONFUSION");
    }

    @Test
    void implausibleOrMistypedObservationsAreRefused() {
        UUID patient = demo.patientIn("YL");
        String path = "/api/patients/" + patient + "/observations";
        assertBadRequest(coordinator.post(path, Map.of("type", "TEMPERATURE", "value", 98.6)), "value");
        assertBadRequest(coordinator.post(path, Map.of("type", "SYSTOLIC_BP", "value", "high")), "value");
        assertBadRequest(coordinator.post(path, Map.of("type", "BLOOD_PRESSURE", "value", 120)), "type");
        assertBadRequest(coordinator.post(path, Map.of("type", "HEART_RATE")), "value");
        assertBadRequest(coordinator.post(path, Map.of("type", "IMCI_DANGER_SIGNS", "value", List.of("COUGH"))), "value[0]");
        assertBadRequest(coordinator.post(path, Map.of("type", "HEART_RATE", "value", 80,
                "effectiveAt", Instant.now().plus(1, ChronoUnit.DAYS).toString())), "effectiveAt");
        assertBadRequest(coordinator.get(path + "?from=2026-02-01T00:00:00Z&to=2026-01-01T00:00:00Z"), "from");
        assertThat(ApiClient.as(port, "records").post(path, Map.of("type", "HEART_RATE", "value", 80)).status())
                .isEqualTo(403);
    }

    @Test
    void encountersCarryTheirNotesInOrder() {
        UUID patient = demo.patientIn("YL");
        ApiClient doctor = ApiClient.as(port, "doctor");
        ApiClient.Response opened = doctor.post("/api/patients/" + patient + "/encounters", Map.of(
                "type", "TELECONSULT", "facilityId", demo.facilityId("YL-PH"), "reason", "胸痛随访",
                "startedAt", Instant.now().minus(1, ChronoUnit.HOURS).toString()));
        assertThat(opened.status()).isEqualTo(201);
        String encounter = opened.body().path("id").asText();

        doctor.post("/api/patients/" + patient + "/encounters/" + encounter + "/notes", Map.of("text", "心电图未见急性改变。"));
        ApiClient.Response second = coordinator.post("/api/patients/" + patient + "/encounters/" + encounter + "/notes",
                Map.of("text", "已预约心内科门诊。"));
        assertThat(second.status()).isEqualTo(201);
        assertThat(second.body().path("notes")).extracting(n -> n.path("author").asText())
                .containsExactly("doctor", "coordinator");

        JsonNode listed = doctor.get("/api/patients/" + patient + "/encounters").body();
        assertThat(listed.get(0).path("id").asText()).isEqualTo(encounter);
        assertBadRequest(doctor.post("/api/patients/" + patient + "/encounters/" + encounter + "/notes", Map.of("text", " ")),
                "text");
        assertThat(doctor.post("/api/patients/" + patient + "/encounters/" + UUID.randomUUID() + "/notes",
                Map.of("text", "x")).status()).isEqualTo(404);
        assertBadRequest(doctor.post("/api/patients/" + patient + "/encounters", Map.of("type", "OUTPATIENT",
                "facilityId", 999_999, "startedAt", "2026-01-02T00:00:00Z", "endedAt", "2026-01-01T00:00:00Z")),
                "facilityId", "endedAt");
    }

    @Test
    void listsArePagedAndFilteredByCounty() {
        long ys = demo.regionId("YS");
        JsonNode page = coordinator.get("/api/patients?regionId=" + ys + "&size=5&page=1").body();
        assertThat(page.path("content")).hasSize(5);
        assertThat(page.path("page").path("number").asInt()).isEqualTo(1);
        long total = page.path("page").path("totalElements").asLong();
        long all = coordinator.get("/api/patients?size=1").body().path("page").path("totalElements").asLong();
        assertThat(total).isPositive().isLessThan(all);
        assertThat(coordinator.get("/api/patients?size=200").body().path("page").path("size").asInt()).isEqualTo(200);
        assertThat(coordinator.get("/api/patients?size=1000").badFields()).as("not quietly 200").containsExactly("size");
    }

    private Map<String, Object> patient(String family, String given, String latin, LocalDate born, String residentId) {
        Map<String, Object> patient = new java.util.HashMap<>(Map.of("familyName", family, "givenName", given,
                "birthDate", born.toString(), "sex", "FEMALE", "language", "ii", "homeFacilityId", villageClinic));
        if (latin != null) {
            patient.put("latinName", latin);
        }
        if (residentId != null) {
            patient.put("identifiers", List.of(Map.of("system", "RESIDENT_ID", "value", residentId)));
        }
        return patient;
    }

    private static void assertBadRequest(ApiClient.Response response, String... fields) {
        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.isProblem()).isTrue();
        assertThat(response.badFields()).as(response.toString()).containsAll(List.of(fields));
        assertThat(response.body().toString()).doesNotContain("Exception").doesNotContain("at org.");
    }

    private static List<String> ids(ApiClient.Response response) {
        assertThat(response.status()).isEqualTo(200);
        return response.body().path("content").findValuesAsText("id");
    }

    private long patientCount() {
        return jdbc.queryForObject("select count(*) from patient", Long.class);
    }

    private long auditCount() {
        return jdbc.queryForObject("select count(*) from audit_entry where action in ('CREATE', 'UPDATE')", Long.class);
    }
}
