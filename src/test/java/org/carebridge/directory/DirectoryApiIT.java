package org.carebridge.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import org.carebridge.ApiClient;
import org.carebridge.DemoData;
import org.carebridge.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Administrators keep the care network; planners keep doctors' hours and the equipment. */
@IntegrationTest
class DirectoryApiIT {

    @LocalServerPort
    int port;

    @Test
    void theDemoProvinceListsEightCountiesFiveUnderserved() {
        ApiClient planner = ApiClient.as(port, "planner");
        assertThat(planner.get("/api/regions").body().path("page").path("totalElements").asInt()).isGreaterThanOrEqualTo(8);
        JsonNode underserved = planner.get("/api/regions?underserved=true&size=50").body().path("content");
        assertThat(underserved.findValuesAsText("code")).contains("ML", "YS", "XS", "HG", "MQ").doesNotContain("YL");
        assertThat(planner.get("/api/regions/travel-times").body().size()).isGreaterThanOrEqualTo(56);
    }

    @Test
    void practitionersAreFilteredBySpecialtyLanguageAndCounty() {
        ApiClient coordinator = ApiClient.as(port, "coordinator");
        JsonNode cardiologists = coordinator.get("/api/practitioners?specialty=CARDIOLOGY&size=50").body().path("content");
        assertThat(cardiologists).isNotEmpty().allSatisfy(p ->
                assertThat(p.path("specialties").toString()).contains("CARDIOLOGY"));
        long ys = new DemoData(port).regionId("YS");
        JsonNode yiSpeakers = coordinator.get("/api/practitioners?language=ii&regionId=" + ys + "&size=50").body()
                .path("content");
        assertThat(yiSpeakers).allSatisfy(p -> assertThat(p.path("languages").toString()).contains("\"ii\""));
        JsonNode doctor = coordinator.get("/api/practitioners?q=DR-0001").body().path("content").get(0);
        assertThat(doctor.path("teleconsultCapable").asBoolean()).isTrue();
        assertThat(doctor.path("availability")).hasSize(5);
        assertThat(doctor.path("availability").get(0).path("start").asText()).isEqualTo("08:00:00");
        assertThat(coordinator.get("/api/practitioners?specialty=SURGERY").badFields()).containsExactly("specialty");
    }

    @Test
    void anAdministratorBuildsANewCountyWithAFacilityAndADoctor() {
        ApiClient admin = ApiClient.as(port, "admin");
        String code = "T" + UUID.randomUUID().toString().substring(0, 6);
        ApiClient.Response region = admin.post("/api/regions",
                Map.of("code", code, "name", "新区", "population", 52_000, "underserved", true));
        assertThat(region.status()).isEqualTo(201);
        long regionId = region.body().path("id").asLong();

        ApiClient.Response facility = admin.post("/api/facilities", Map.of("code", code + "-V1", "name", "新村卫生室",
                "type", "VILLAGE_CLINIC", "regionId", regionId, "teleconsultCapable", false));
        assertThat(facility.status()).isEqualTo(201);
        assertThat(facility.body().path("regionId").asLong()).isEqualTo(regionId);

        ApiClient.Response doctor = admin.post("/api/practitioners", Map.of("code", code + "-D", "familyName", "周",
                "givenName", "平", "homeFacilityId", facility.body().path("id").asLong(), "teleconsultCapable", true,
                "specialties", List.of("GENERAL_PRACTICE"), "languages", List.of("zh", "hmn"),
                "availability", List.of(Map.of("dayOfWeek", "MONDAY", "start", "08:00", "end", "12:00"))));
        assertThat(doctor.status()).isEqualTo(201);

        ApiClient.Response duplicate = admin.post("/api/regions",
                Map.of("code", code, "name", "again", "population", 1, "underserved", false));
        assertThat(duplicate.status()).isEqualTo(409);
        assertThat(duplicate.body().path("field").asText()).isEqualTo("code");
    }

    @Test
    void badDirectoryEntriesAreRefusedNamingTheirFields() {
        ApiClient admin = ApiClient.as(port, "admin");
        assertThat(admin.post("/api/regions", Map.of("code", "bad code!", "name", "", "population", -5)).badFields())
                .contains("code", "name", "population", "underserved");
        assertThat(admin.post("/api/facilities", Map.of("code", "X1", "name", "x", "type", "CLINIC")).badFields())
                .containsExactly("type");
        assertThat(admin.post("/api/facilities", Map.of("code", "X1" + System.nanoTime() % 1000, "name", "x",
                "type", "VILLAGE_CLINIC", "regionId", 999_999, "teleconsultCapable", true)).badFields())
                .containsExactly("regionId");
        assertThat(admin.get("/api/regions/999999").status()).isEqualTo(404);
    }

    @Test
    void aPlannerKeepsHoursButOverlappingHoursAreRefused() {
        ApiClient planner = ApiClient.as(port, "planner");
        long id = planner.get("/api/practitioners?q=DR-0002").body().path("content").get(0).path("id").asLong();
        ApiClient.Response overlapping = planner.put("/api/practitioners/" + id + "/availability", Map.of("availability",
                List.of(Map.of("dayOfWeek", "TUESDAY", "start", "08:00", "end", "12:00"),
                        Map.of("dayOfWeek", "TUESDAY", "start", "11:00", "end", "15:00"))));
        assertThat(overlapping.status()).isEqualTo(400);
        assertThat(overlapping.badFields()).containsExactly("availability[1]");

        ApiClient.Response saturday = planner.put("/api/practitioners/" + id + "/availability", Map.of("availability",
                List.of(Map.of("dayOfWeek", "SATURDAY", "start", "09:00", "end", "13:00"))));
        assertThat(saturday.status()).isEqualTo(200);
        assertThat(saturday.body().path("availability")).hasSize(1);
        assertThat(planner.post("/api/regions", Map.of("code", "NOPE")).status()).isEqualTo(403);
    }

    @Test
    void aPlannerMovesAPortableUltrasoundAndAStaleVersionIsAConflict() {
        ApiClient planner = ApiClient.as(port, "planner");
        JsonNode portable = planner.get("/api/equipment?mobile=true&type=ULTRASOUND").body().path("content").get(0);
        long target = new DemoData(port).facilityId("MQ-CH");
        Map<String, Object> moved = Map.of("code", portable.path("code").asText(), "name", portable.path("name").asText(),
                "type", "ULTRASOUND", "facilityId", target, "mobile", true, "version", portable.path("version").asLong());
        ApiClient.Response response = planner.put("/api/equipment/" + portable.path("id").asLong(), moved);
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body().path("facilityId").asLong()).isEqualTo(target);
        assertThat(planner.put("/api/equipment/" + portable.path("id").asLong(), moved).status()).isEqualTo(409);
    }
}
