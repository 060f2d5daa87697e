package org.carebridge;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;

/** The table of roles.md, endpoint by endpoint and role by role; whatever it does not grant is refused. */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccessRulesIT {

    private static final Set<String> EVERYBODY = Set.of("coordinator", "doctor", "planner", "records", "admin");
    private static final Set<String> CHART_READERS = Set.of("coordinator", "doctor", "records");
    private static final Set<String> CLINICIANS = Set.of("coordinator", "doctor");

    @LocalServerPort
    int port;
    UUID patient;

    @BeforeAll
    void findAPatientEveryChartReaderServes() {
        patient = new DemoData(port).patientIn("YL");
    }

    Stream<Arguments> endpoints() {
        return Stream.of(
                Arguments.of(HttpMethod.GET, "/api/me", EVERYBODY),
                Arguments.of(HttpMethod.GET, "/api/audit", Set.of("admin")),
                Arguments.of(HttpMethod.GET, "/api/users", Set.of("admin")),
                Arguments.of(HttpMethod.POST, "/api/users", Set.of("admin")),
                // an empty body is refused (400) before anything changes
                Arguments.of(HttpMethod.PUT, "/api/users/doctor/enabled", Set.of("admin")),
                Arguments.of(HttpMethod.PUT, "/api/users/doctor/password", Set.of("admin")),
                Arguments.of(HttpMethod.GET, "/api/regions", EVERYBODY),
                Arguments.of(HttpMethod.GET, "/api/regions/travel-times", EVERYBODY),
                Arguments.of(HttpMethod.POST, "/api/regions", Set.of("admin")),
                Arguments.of(HttpMethod.PUT, "/api/regions/1", Set.of("admin")),
                Arguments.of(HttpMethod.GET, "/api/facilities", EVERYBODY),
                Arguments.of(HttpMethod.POST, "/api/facilities", Set.of("admin")),
                Arguments.of(HttpMethod.PUT, "/api/facilities/1", Set.of("admin")),
                Arguments.of(HttpMethod.GET, "/api/practitioners", EVERYBODY),
                Arguments.of(HttpMethod.GET, "/api/practitioners/1", EVERYBODY),
                Arguments.of(HttpMethod.POST, "/api/practitioners", Set.of("admin")),
                Arguments.of(HttpMethod.PUT, "/api/practitioners/1", Set.of("admin")),
                Arguments.of(HttpMethod.PUT, "/api/practitioners/1/availability", Set.of("planner", "admin")),
                Arguments.of(HttpMethod.GET, "/api/equipment", EVERYBODY),
                Arguments.of(HttpMethod.POST, "/api/equipment", Set.of("planner", "admin")),
                Arguments.of(HttpMethod.PUT, "/api/equipment/1", Set.of("planner", "admin")),
                Arguments.of(HttpMethod.GET, "/api/patients", CHART_READERS),
                Arguments.of(HttpMethod.POST, "/api/patients", Set.of("coordinator")),
                Arguments.of(HttpMethod.GET, "/api/patients/{patient}", CHART_READERS),
                Arguments.of(HttpMethod.PUT, "/api/patients/{patient}", Set.of("coordinator")),
                Arguments.of(HttpMethod.GET, "/api/patients/{patient}/observations", CHART_READERS),
                Arguments.of(HttpMethod.POST, "/api/patients/{patient}/observations", CLINICIANS),
                Arguments.of(HttpMethod.GET, "/api/patients/{patient}/encounters", CHART_READERS),
                Arguments.of(HttpMethod.POST, "/api/patients/{patient}/encounters", CLINICIANS),
                // record release
                Arguments.of(HttpMethod.GET, "/api/patients/{patient}/consents", CHART_READERS),
                Arguments.of(HttpMethod.POST, "/api/patients/{patient}/consents", Set.of("coordinator")),
                Arguments.of(HttpMethod.GET, "/api/record-requests", CHART_READERS),
                Arguments.of(HttpMethod.POST, "/api/record-requests", CLINICIANS),
                Arguments.of(HttpMethod.GET, "/api/record-requests/" + UUID.randomUUID(), CHART_READERS),
                Arguments.of(HttpMethod.GET, "/api/record-requests/" + UUID.randomUUID() + "/timeline", CHART_READERS),
                Arguments.of(HttpMethod.GET, "/api/record-requests/" + UUID.randomUUID() + "/bundle", CHART_READERS),
                Arguments.of(HttpMethod.POST, "/api/record-requests/" + UUID.randomUUID() + "/cancel", CLINICIANS),
                Arguments.of(HttpMethod.GET, "/api/referrals", Set.of("coordinator", "doctor", "planner")),
                Arguments.of(HttpMethod.POST, "/api/referrals", Set.of("coordinator")),
                Arguments.of(HttpMethod.POST, "/api/referrals/" + UUID.randomUUID() + "/cancel", Set.of("coordinator")),
                Arguments.of(HttpMethod.POST, "/api/referrals/" + UUID.randomUUID() + "/observations", CLINICIANS),
                Arguments.of(HttpMethod.POST, "/api/referrals/" + UUID.randomUUID() + "/urgency", CLINICIANS),
                Arguments.of(HttpMethod.GET, "/api/teleconsults", CLINICIANS),
                Arguments.of(HttpMethod.POST, "/api/teleconsults", CLINICIANS),
                Arguments.of(HttpMethod.GET, "/api/teleconsults/" + UUID.randomUUID(), CLINICIANS),
                Arguments.of(HttpMethod.GET, "/api/teleconsults/" + UUID.randomUUID() + "/timeline", CLINICIANS),
                Arguments.of(HttpMethod.POST, "/api/teleconsults/" + UUID.randomUUID() + "/observations", CLINICIANS),
                Arguments.of(HttpMethod.POST, "/api/teleconsults/" + UUID.randomUUID() + "/cancel", Set.of("coordinator")),
                Arguments.of(HttpMethod.GET, "/api/tasks", Set.of("coordinator", "doctor", "records", "admin")),
                Arguments.of(HttpMethod.POST, "/api/tasks/no-such-task/claim", Set.of("coordinator", "doctor", "records", "admin")),
                Arguments.of(HttpMethod.POST, "/api/tasks/no-such-task/complete",
                        Set.of("coordinator", "doctor", "records", "admin")),
                Arguments.of(HttpMethod.GET, "/engine-rest/user", Set.of("admin")),
                Arguments.of(HttpMethod.GET, "/api/nothing-here", Set.of()),
                Arguments.of(HttpMethod.DELETE, "/api/patients/{patient}", Set.of()));
    }

    @ParameterizedTest(name = "{0} {1}: anonymous gets 401")
    @MethodSource("endpoints")
    void anonymousCallersMustSignIn(HttpMethod method, String path, Set<String> allowed) {
        ApiClient.Response response = ApiClient.anonymous(port).exchange(method, path(path), body(method));
        assertThat(response.status()).isEqualTo(401);
        assertThat(response.isProblem()).isTrue();
        assertThat(response.headers().getFirst("WWW-Authenticate")).startsWith("Basic");
    }

    @ParameterizedTest(name = "{0} {1}: granted to {2}, 403 for the others")
    @MethodSource("endpoints")
    void eachRoleGetsExactlyWhatTheTableGrants(HttpMethod method, String path, Set<String> allowed) {
        for (String user : EVERYBODY) {
            ApiClient.Response response = ApiClient.as(port, user).exchange(method, path(path), body(method));
            if (allowed.contains(user)) {
                assertThat(response.status()).as(user + " " + method + " " + path + ": " + response)
                        .isNotIn(401, 403).isLessThan(500);
            } else {
                assertThat(response.status()).as(user + " " + method + " " + path).isEqualTo(403);
                assertThat(response.isProblem()).isTrue();
            }
        }
    }

    @Test
    void aWrongPasswordIsRefusedEvenRightAfterTheRightOne() {
        assertThat(ApiClient.as(port, "coordinator").get("/api/me").status()).isEqualTo(200);
        assertThat(ApiClient.as(port, "coordinator", "wrong").get("/api/me").status()).isEqualTo(401);
    }

    @Test
    void aDoctorSeesOnlyPatientsOfTheirOwnCounty() {
        DemoData demo = new DemoData(port);
        UUID elsewhere = demo.patientIn("XS");
        ApiClient doctor = ApiClient.as(port, "doctor");
        assertThat(doctor.get("/api/patients/" + patient).status()).isEqualTo(200);
        ApiClient.Response refused = doctor.get("/api/patients/" + elsewhere);
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.body().path("detail").asText()).contains("outside the facility and regions you serve");
        assertThat(doctor.get("/api/patients/" + elsewhere + "/observations").status()).isEqualTo(403);
        assertThat(doctor.get("/api/patients?regionId=" + demo.regionId("XS")).body().path("page").path("totalElements")
                .asLong()).isZero();
        assertThat(ApiClient.as(port, "coordinator").get("/api/patients/" + elsewhere).status()).isEqualTo(200);
    }

    private String path(String template) {
        return template.replace("{patient}", patient.toString());
    }

    private static String body(HttpMethod method) {
        return method == HttpMethod.POST || method == HttpMethod.PUT ? "{}" : null;
    }
}
