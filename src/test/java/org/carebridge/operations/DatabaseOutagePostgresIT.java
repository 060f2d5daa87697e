package org.carebridge.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.carebridge.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The database goes away under a running CareBridge and comes back. CareBridge runs as its own process
 * (the real main class, postgres profile, a database of its own) reaching PostgreSQL through a
 * {@link TcpProxy} that the test cuts and restores — the shared server is never stopped, and the suite's
 * shared Spring context is never touched (a second context in this JVM would share Camunda's and
 * Vaadin's static registries with it). While cut: health and readiness DOWN, liveness UP, every API
 * call — a read, a write, a sign-in — a 503 problem with Retry-After, each answered within the client's
 * 10 s; the metrics still scrape. Restored: 200s again within seconds, without a restart.
 * Runs in the PostgreSQL run of the suite (an in-memory H2 database cannot be cut off).
 */
@EnabledIfSystemProperty(named = "spring.profiles.active", matches = ".*postgres.*")
@ExtendWith(TestDatabase.PostgresReachable.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DatabaseOutagePostgresIT {

    private static final String SERVER = System.getProperty("carebridge.test.postgres", "jdbc:postgresql://127.0.0.1:5432/");
    private static final String SUPERUSER = System.getProperty("carebridge.test.postgres.user", "postgres");
    /** Not TestDatabase's prefix: a parallel run of the suite drops those. */
    private static final String DATABASE = "outage_it_" + ProcessHandle.current().pid();
    private static final String ADMIN_PASSWORD = "outage admin 1";
    private static final String COORDINATOR = "outage-coordinator";
    private static final String COORDINATOR_PASSWORD = "outage coordinator 1";
    /** The bound on each answer: the pool gives up on a connection after 3 s, so this is ample, and no hang passes. */
    private static final Duration ANSWER_WITHIN = Duration.ofSeconds(10);
    private static final Path LOG = Path.of("target", "database-outage-it.log");
    private static final ObjectMapper JSON = new ObjectMapper();

    private static TcpProxy proxy;
    private static Process careBridge;
    private static int port;
    private static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @BeforeAll
    static void startCareBridgeBehindAProxy() throws Exception {
        sql("drop database if exists " + DATABASE + " with (force)", "create database " + DATABASE);
        URI server = URI.create(SERVER.substring("jdbc:".length()));
        proxy = new TcpProxy(server.getHost(), server.getPort());
        port = freePort();
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx768m", "-XX:TieredStopAtLevel=1", "-cp", classPath(),
                "org.carebridge.CareBridgeApplication", "--spring.profiles.active=postgres", "--server.port=" + port,
                "--carebridge.demo.enabled=false", "--carebridge.first-admin.password=" + ADMIN_PASSWORD,
                // a small pool: the machine's PostgreSQL serves other test runs too
                "--spring.datasource.hikari.maximum-pool-size=5",
                "--camunda.bpm.job-execution.enabled=false", "--camunda.bpm.process-engine-name=outage",
                "--carebridge.operations.refresh-every=1s")
                .redirectErrorStream(true).redirectOutput(LOG.toFile());
        builder.environment().put("DB_URL", "jdbc:postgresql://127.0.0.1:" + proxy.port() + "/" + DATABASE);
        builder.environment().put("DB_USER", SUPERUSER);
        builder.environment().put("DB_PASSWORD", "");
        // JSON lines, so that the test can read what the log says of a request
        builder.environment().put("LOG_FORMAT", "json");
        careBridge = builder.start();
        Runtime.getRuntime().addShutdownHook(new Thread(careBridge::destroyForcibly));
        await("CareBridge started, log in " + LOG.toAbsolutePath()).atMost(Duration.ofMinutes(4))
                .pollInterval(Duration.ofSeconds(1)).ignoreExceptionsInstanceOf(IOException.class).until(() -> {
                    assertThat(careBridge.isAlive()).as("CareBridge exited; see " + LOG.toAbsolutePath()).isTrue();
                    return get("/actuator/health", null, null).statusCode() == 200;
                });
        HttpResponse<String> coordinator = send("POST", "/api/users", "admin", ADMIN_PASSWORD, """
                {"username": "%s", "password": "%s", "displayName": "Outage coordinator",
                 "roles": ["COORDINATOR"], "allRegions": true}""".formatted(COORDINATOR, COORDINATOR_PASSWORD));
        assertThat(coordinator.statusCode()).as(coordinator.body()).isEqualTo(201);
    }

    @AfterAll
    static void stopEverything() throws Exception {
        if (careBridge != null) {
            careBridge.destroy();
            if (!careBridge.waitFor(30, TimeUnit.SECONDS)) {
                careBridge.destroyForcibly();
            }
        }
        if (proxy != null) {
            proxy.close();
        }
        sql("drop database if exists " + DATABASE + " with (force)");
    }

    @Test
    @Order(1)
    void whileTheDatabaseIsUpEverythingAnswers() throws Exception {
        assertThat(get("/api/patients", COORDINATOR, COORDINATOR_PASSWORD).statusCode()).isEqualTo(200);
        // the scraper signs in once while the database can check its password
        assertThat(get("/actuator/prometheus", "admin", ADMIN_PASSWORD).body()).contains("carebridge_jobs_due");
    }

    @Test
    @Order(2)
    void whileItIsCutOffCareBridgeSaysSoWithA503AndNoRequestHangs() throws Exception {
        proxy.cut();

        HttpResponse<String> health = get("/actuator/health", null, null);
        assertThat(health.statusCode()).isEqualTo(503);
        assertThat(json(health).path("status").asText()).isEqualTo("DOWN");
        assertThat(get("/actuator/health/readiness", null, null).statusCode()).as("not ready").isEqualTo(503);
        assertThat(get("/actuator/health/liveness", null, null).statusCode()).as("but alive: no restart")
                .isEqualTo(200);

        HttpResponse<String> patients = get("/api/patients", COORDINATOR, COORDINATOR_PASSWORD);
        assertDatabaseUnavailable(patients);
        assertThat(loggedFor(patients.headers().firstValue("X-Request-Id").orElseThrow()))
                .anySatisfy(line -> assertThat(line.path("message").asText()).startsWith("Answered 503 to GET /api/patients"));
        assertDatabaseUnavailable(send("POST", "/api/regions", "admin", ADMIN_PASSWORD,
                "{\"code\": \"OUT1\", \"name\": \"Outage county\", \"population\": 1000, \"underserved\": false}"));
        assertDatabaseUnavailable(get("/api/me", COORDINATOR, "not the password"));

        // the metrics still come, the engine's gauges unknown rather than stale
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            HttpResponse<String> scrape = get("/actuator/prometheus", "admin", ADMIN_PASSWORD);
            assertThat(scrape.statusCode()).isEqualTo(200);
            assertThat(scrape.body()).containsPattern("(?m)^carebridge_jobs_due\\{[^}]*} NaN$")
                    .containsPattern("(?m)^hikaricp_connections_timeout_total\\{[^}]*} [1-9]");
        });
    }

    @Test
    @Order(3)
    void onceItIsBackCareBridgeServesAgainWithoutARestart() throws Exception {
        proxy.restore();

        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500))
                .until(() -> get("/actuator/health", null, null).statusCode() == 200);
        assertThat(get("/actuator/health/readiness", null, null).statusCode()).isEqualTo(200);
        assertThat(get("/api/patients", COORDINATOR, COORDINATOR_PASSWORD).statusCode()).isEqualTo(200);
        HttpResponse<String> written = send("POST", "/api/regions", "admin", ADMIN_PASSWORD,
                "{\"code\": \"OUT2\", \"name\": \"Back county\", \"population\": 1000, \"underserved\": false}");
        assertThat(written.statusCode()).as(written.body()).isEqualTo(201);
        assertThat(get("/api/me", COORDINATOR, "not the password").statusCode()).as("a wrong password is wrong again")
                .isEqualTo(401);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
                get("/actuator/prometheus", "admin", ADMIN_PASSWORD).body())
                .containsPattern("(?m)^carebridge_jobs_due\\{[^}]*} [0-9]"));
    }

    private static void assertDatabaseUnavailable(HttpResponse<String> answer) throws IOException {
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(503);
        assertThat(answer.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(answer.headers().firstValue("Retry-After")).hasValue("5");
        JsonNode problem = json(answer);
        assertThat(problem.path("type").asText()).isEqualTo("https://carebridge.org/problems/database-unavailable");
        assertThat(problem.path("title").asText()).isEqualTo("Database unavailable");
        assertThat(answer.body()).doesNotContain("Exception", "Hikari", "at org.");
    }

    /** The JSON log lines written while serving the request of that id. */
    private static List<JsonNode> loggedFor(String requestId) throws IOException {
        List<JsonNode> lines = new ArrayList<>();
        for (String line : Files.readAllLines(LOG, StandardCharsets.UTF_8)) {
            if (line.startsWith("{") && line.contains(requestId)) {
                JsonNode entry = JSON.readTree(line);
                if (requestId.equals(entry.path("requestId").asText())) {
                    lines.add(entry);
                }
            }
        }
        return lines;
    }

    private static HttpResponse<String> get(String path, String user, String password) throws Exception {
        return send("GET", path, user, password, null);
    }

    /** Times out (and fails the test) when no answer comes within {@link #ANSWER_WITHIN}. */
    private static HttpResponse<String> send(String method, String path, String user, String password, String body)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(ANSWER_WITHIN).header("X-Requested-With", "CareBridge tests")
                .header("X-Request-Id", "outage-it-" + UUID.randomUUID())
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (user != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode json(HttpResponse<String> response) throws IOException {
        return JSON.readTree(response.body());
    }

    /**
     * This JVM's class path without empty entries: Surefire's ends with a separator, which puts the working
     * directory on the class path, and Camunda then deploys processes/*.bpmn a second time beside the copies
     * in target/classes.
     */
    private static String classPath() {
        return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> !entry.isBlank()).collect(Collectors.joining(File.pathSeparator));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void sql(String... statements) throws SQLException {
        try (Connection admin = DriverManager.getConnection(SERVER + "postgres", SUPERUSER, "");
                Statement sql = admin.createStatement()) {
            for (String statement : statements) {
                sql.execute(statement);
            }
        }
    }
}
