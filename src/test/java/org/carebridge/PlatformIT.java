package org.carebridge;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** What surrounds the API: who am I, users, the OpenAPI description, health, and the process engine's view of people. */
@IntegrationTest
class PlatformIT {

    @LocalServerPort
    int port;
    @Autowired
    IdentityService camundaIdentity;

    @Test
    void meTellsWhoIsSignedInAndWhichPatientsTheyServe() {
        JsonNode doctor = ApiClient.as(port, "doctor").get("/api/me").body();
        assertThat(doctor.path("username").asText()).isEqualTo("doctor");
        assertThat(doctor.path("roles").toString()).isEqualTo("[\"DOCTOR\"]");
        assertThat(doctor.path("practitionerId").asLong()).isPositive();
        assertThat(doctor.path("allRegions").asBoolean()).isFalse();
        assertThat(doctor.path("regionIds")).hasSize(1);
        assertThat(ApiClient.as(port, "coordinator").get("/api/me").body().path("allRegions").asBoolean()).isTrue();
    }

    @Test
    void theProcessEngineSeesEveryStaffMemberAndTheirRolesAsGroups() {
        assertThat(camundaIdentity.createGroupQuery().list()).extracting(g -> g.getId())
                .contains("COORDINATOR", "DOCTOR", "PLANNER", "RECORDS_OFFICER", "ADMIN");
        assertThat(camundaIdentity.createUserQuery().memberOfGroup("COORDINATOR").userId("coordinator").count()).isOne();
        assertThat(camundaIdentity.createUserQuery().memberOfGroup("DOCTOR").count()).isGreaterThan(50);
        assertThat(camundaIdentity.createUserQuery().memberOfGroup("ADMIN").userId("coordinator").count()).isZero();
        assertThat(camundaIdentity.createGroupQuery().groupMember("admin").list()).extracting(g -> g.getId())
                .containsExactly("ADMIN");
        assertThat(camundaIdentity.createUserQuery().userFirstNameLike("%周敏").singleResult().getId()).isEqualTo("coordinator");
        assertThat(camundaIdentity.isReadOnly()).as("CareBridge's accounts are the only copy").isTrue();
    }

    @Test
    void anAdministratorCreatesAnAccountThatSignsInAndReachesTheProcessEngine() {
        String username = "nurse" + UUID.randomUUID().toString().substring(0, 8);
        ApiClient admin = ApiClient.as(port, "admin");
        ApiClient.Response created = admin.post("/api/users", Map.of("username", username, "password", "long enough 1",
                "displayName", "护士 林", "roles", List.of("COORDINATOR"), "regionIds", List.of(1)));
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.body().has("password")).isFalse();
        assertThat(ApiClient.as(port, username, "long enough 1").get("/api/me").status()).isEqualTo(200);
        assertThat(camundaIdentity.createUserQuery().userId(username).memberOfGroup("COORDINATOR").count()).isOne();

        assertThat(admin.post("/api/users", Map.of("username", username, "password", "long enough 1",
                "displayName", "again", "roles", List.of("PLANNER"))).status()).isEqualTo(409);
        assertThat(admin.post("/api/users", Map.of("username", "Bad Name", "password", "short",
                "displayName", "x", "roles", List.of())).badFields()).contains("username", "password", "roles");
    }

    @Test
    void theApiIsDescribedByOpenApiAndHealthIsPublic() {
        JsonNode openApi = ApiClient.anonymous(port).get("/v3/api-docs").body();
        assertThat(openApi.path("paths").has("/api/patients")).isTrue();
        assertThat(openApi.path("paths").has("/api/patients/{id}/observations")).isTrue();
        assertThat(openApi.path("paths").has("/api/audit")).isTrue();
        assertThat(ApiClient.anonymous(port).get("/swagger-ui/index.html").status()).isEqualTo(200);
        assertThat(ApiClient.anonymous(port).get("/actuator/health").body().path("status").asText()).isEqualTo("UP");
    }
}
