package org.carebridge.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.carebridge.ApiClient;
import org.carebridge.DemoData;
import org.carebridge.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Attacks on staff accounts, each named after the hole it closes: guessing passwords, signing in
 * with an account that was disabled, whose password was reset or whose roles were taken away, and
 * non-administrators managing accounts. The integration tests lock for {@code carebridge.sign-in.first-lock} (short in tests).
 */
@IntegrationTest
class AccountAttacksIT {

    @LocalServerPort
    int port;

    @Test
    void guessingAPasswordLocksTheAccountEvenForTheRightPasswordUntilTheLockEnds() throws Exception {
        String username = newAccount("right password 1");
        for (int guess = 0; guess < 5; guess++) {
            assertThat(ApiClient.as(port, username, "guess " + guess).get("/api/me").status()).isEqualTo(401);
        }
        ApiClient.Response locked = ApiClient.as(port, username, "right password 1").get("/api/me");
        assertThat(locked.status()).isEqualTo(401);
        assertThat(locked.isProblem()).isTrue();
        assertThat(locked.body().path("detail").asText()).contains("locked");
        assertThat(asFrom("127.0.0.2", username, "right password 1")).as("the account, from anywhere").isEqualTo(401);

        JsonNode audit = ApiClient.as(port, "admin").get("/api/audit?actor=" + username).body().path("content");
        assertThat(audit.findValuesAsText("action")).contains("SIGN_IN_LOCKED", "SIGN_IN_REFUSED");

        Thread.sleep(2_500); // the first lock of the tests' configuration lasts 2 s
        assertThat(ApiClient.as(port, username, "right password 1").get("/api/me").status()).isEqualTo(200);
    }

    @Test
    void guessingFromOneSourceLocksThatSourceButNotOthers() throws Exception {
        for (int guess = 0; guess < 20; guess++) {
            assertThat(asFrom("127.0.0.3", "nobody" + guess, "guess")).isEqualTo(401);
        }
        assertThat(asFrom("127.0.0.3", "doctor", "doctor")).as("the guessing source").isEqualTo(401);
        assertThat(asFrom("127.0.0.4", "doctor", "doctor")).as("another source").isEqualTo(200);
        assertThat(ApiClient.as(port, "doctor").get("/api/me").status()).isEqualTo(200);
    }

    @Test
    void aDisabledAccountIsRefusedAtOnceAndAReEnabledOneSignsInAgain() {
        String username = newAccount("long enough 1");
        ApiClient user = ApiClient.as(port, username, "long enough 1");
        assertThat(user.get("/api/me").status()).isEqualTo(200);

        ApiClient admin = ApiClient.as(port, "admin");
        assertThat(admin.put("/api/users/" + username + "/enabled", Map.of("enabled", false)).status()).isEqualTo(204);
        assertThat(user.get("/api/me").status()).isEqualTo(401);
        assertThat(admin.get("/api/users").body().findValues("username").stream().map(JsonNode::asText))
                .contains(username);

        assertThat(admin.put("/api/users/" + username + "/enabled", Map.of("enabled", true)).status()).isEqualTo(204);
        assertThat(user.get("/api/me").status()).isEqualTo(200);
        assertThat(admin.get("/api/audit?actor=admin&size=5").body().path("content").findValuesAsText("resource"))
                .contains("account " + username + " disabled", "account " + username + " enabled");
    }

    @Test
    void aPasswordResetByAnAdministratorWorksAndTheOldPasswordStopsAtOnce() {
        String username = newAccount("old password 1");
        assertThat(ApiClient.as(port, username, "old password 1").get("/api/me").status()).isEqualTo(200);

        ApiClient admin = ApiClient.as(port, "admin");
        assertThat(admin.put("/api/users/" + username + "/password", Map.of("password", "new password 2")).status())
                .isEqualTo(204);
        assertThat(ApiClient.as(port, username, "old password 1").get("/api/me").status()).isEqualTo(401);
        assertThat(ApiClient.as(port, username, "new password 2").get("/api/me").status()).isEqualTo(200);
        assertThat(admin.put("/api/users/" + username + "/password", Map.of("password", "short")).badFields())
                .containsExactly("password");
        assertThat(admin.put("/api/users/nobody-here/password", Map.of("password", "new password 2")).status())
                .isEqualTo(404);
    }

    @Test
    void aCoordinatorWhoseRoleAnAdministratorTakesAwayIsRefusedAtTheNextRequestWithTheSamePassword() {
        String username = newAccount("long enough 1");
        ApiClient user = ApiClient.as(port, username, "long enough 1");
        assertThat(user.get("/api/patients?size=1").status()).as("as coordinator, password remembered").isEqualTo(200);

        ApiClient.Response changed = ApiClient.as(port, "admin").put("/api/users/" + username + "/access",
                Map.of("roles", List.of("PLANNER"), "regionIds", List.of(2), "allRegions", false));
        assertThat(changed.status()).isEqualTo(200);
        assertThat(changed.body().path("roles").get(0).asText()).isEqualTo("PLANNER");

        assertThat(user.get("/api/patients?size=1").status()).as("no longer a coordinator").isEqualTo(403);
        JsonNode me = user.get("/api/me").body();
        assertThat(me.path("roles").get(0).asText()).isEqualTo("PLANNER");
        assertThat(me.path("regionIds").get(0).asInt()).isEqualTo(2);
        assertThat(ApiClient.as(port, "admin").get("/api/audit?actor=admin&size=5").body().path("content")
                .findValuesAsText("action")).contains("ACCESS_CHANGED");

        assertThat(ApiClient.as(port, "admin").put("/api/users/" + username + "/access",
                Map.of("roles", List.of("COORDINATOR"), "regionIds", List.of(1), "allRegions", false)).status())
                .isEqualTo(200);
        assertThat(user.get("/api/patients?size=1").status()).as("a coordinator again").isEqualTo(200);
    }

    @Test
    void accessChangesAreCheckedAndAnAdministratorKeepsTheirOwnAdminRole() {
        String username = newAccount("long enough 1");
        ApiClient admin = ApiClient.as(port, "admin");
        assertThat(admin.put("/api/users/" + username + "/access", Map.of("roles", List.of())).badFields())
                .containsExactly("roles");
        assertThat(admin.put("/api/users/" + username + "/access", Map.of("roles", List.of("DOCTOR"))).badFields())
                .as("a doctor serves a facility or regions").containsExactly("regionIds");
        assertThat(admin.put("/api/users/nobody-here/access", Map.of("roles", List.of("PLANNER"))).status())
                .isEqualTo(404);
        assertThat(admin.put("/api/users/admin/access", Map.of("roles", List.of("PLANNER"))).status()).isEqualTo(409);
        assertThat(admin.get("/api/me").body().path("roles").get(0).asText()).isEqualTo("ADMIN");
    }

    @Test
    void onlyAnAdministratorMayDisableAnAccountOrResetItsPassword() {
        String username = newAccount("long enough 1");
        for (String user : List.of("coordinator", "doctor", "planner", "records")) {
            ApiClient caller = ApiClient.as(port, user);
            assertThat(caller.put("/api/users/" + username + "/enabled", Map.of("enabled", false)).status())
                    .as(user).isEqualTo(403);
            assertThat(caller.put("/api/users/" + username + "/password", Map.of("password", "taken over 1")).status())
                    .as(user).isEqualTo(403);
            assertThat(caller.put("/api/users/" + username + "/access", Map.of("roles", List.of("ADMIN"))).status())
                    .as(user).isEqualTo(403);
        }
        assertThat(ApiClient.as(port, username, "long enough 1").get("/api/me").status()).isEqualTo(200);
    }

    private String newAccount(String password) {
        return DemoData.newCoordinator(port, password);
    }

    /**
     * The status of {@code GET /api/me} signed in from another loopback address: the whole of
     * 127.0.0.0/8 is this machine on Linux, so the server sees a second source.
     */
    private int asFrom(String source, String username, String password) throws IOException {
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(InetAddress.getByName(source), 0));
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 5_000);
            socket.setSoTimeout(30_000);
            String basic = Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
            OutputStream out = socket.getOutputStream();
            out.write(("GET /api/me HTTP/1.1\r\nHost: localhost:" + port + "\r\nAuthorization: Basic " + basic
                    + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream statusLine = new ByteArrayOutputStream();
            for (int b = in.read(); b != -1 && b != '\n'; b = in.read()) {
                statusLine.write(b);
            }
            return Integer.parseInt(statusLine.toString(StandardCharsets.US_ASCII).split(" ")[1]);
        }
    }
}
