package org.carebridge;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.carebridge.identity.Role;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;

/**
 * The table of docs/roles.md, endpoint by endpoint and role by role, as the demo users (each serves the
 * patient used here): whatever the table grants is reached, whatever it does not is refused. The expectations
 * are read from the table through {@link RoleGrants}; which objects a user reaches is {@link AccessMatrixIT}'s.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccessRulesIT {

    /** The demo user of each role (password = username). */
    private static final Map<Role, String> DEMO_USER = Map.of(Role.COORDINATOR, "coordinator", Role.DOCTOR, "doctor",
            Role.PLANNER, "planner", Role.RECORDS_OFFICER, "records", Role.ADMIN, "admin");

    @LocalServerPort
    int port;
    UUID patient;

    @BeforeAll
    void findAPatientEveryChartReaderServes() {
        patient = new DemoData(port).patientIn("YL");
    }

    /** Every endpoint docs/roles.md names (through {@link RoleGrants}), with the demo users its table grants it to. */
    Stream<Arguments> endpoints() {
        Map<Role, Set<RoleGrants.Endpoint>> grants = RoleGrants.grantsOf(RolesTable.read());
        return RoleGrants.everyEndpoint().stream().map(endpoint -> Arguments.of(endpoint.method(), endpoint.path(),
                grants.entrySet().stream().filter(g -> g.getValue().contains(endpoint))
                        .map(g -> DEMO_USER.get(g.getKey())).collect(Collectors.toCollection(TreeSet::new))));
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
        for (String user : DEMO_USER.values()) {
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
        return template.replace("{patient}", patient.toString()).replace("{missing}", UUID.randomUUID().toString());
    }

    private static String body(HttpMethod method) {
        return method == HttpMethod.POST || method == HttpMethod.PUT ? "{}" : null;
    }
}
