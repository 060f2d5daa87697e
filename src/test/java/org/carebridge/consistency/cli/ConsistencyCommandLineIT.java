package org.carebridge.consistency.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.stream.StreamSupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.RuntimeService;
import org.carebridge.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * {@code java -jar carebridge.jar check}, run in this JVM (the H2 run's database lives in it) against the
 * database the integration suite shares: the report on stdout as JSON, exit 0 when clean, 1 with a violation,
 * 2 when the database cannot be reached; and the database as it was.
 */
@IntegrationTest
class ConsistencyCommandLineIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    Environment environment;
    @Autowired
    RuntimeService runtime;
    @Autowired
    JdbcTemplate jdbc;

    record Run(int exit, JsonNode json, String stderr) {
    }

    @Test
    void aCleanDatabaseExitsZeroAndOneWithAViolationChangingNothing() throws Exception {
        long audited = jdbc.queryForObject("select coalesce(max(id), 0) from audit_entry", Long.class);
        long deployments = jdbc.queryForObject("select count(*) from ACT_RE_DEPLOYMENT", Long.class);

        Run clean = check(theSharedDatabase());
        assertThat(clean.exit()).as(clean.stderr()).isZero();
        assertThat(clean.json().path("clean").asBoolean()).isTrue();
        assertThat(clean.json().path("checked").path("referral").isInt()).isTrue();
        assertThat(clean.stderr()).contains("Clean");

        UUID noCase = UUID.randomUUID();
        String orphan = runtime.createProcessInstanceByKey("record-release").businessKey(noCase.toString())
                .setVariable("recordRequestId", noCase.toString()).startBeforeActivity("ReleaseExpired").execute().getId();
        try {
            Run broken = check(theSharedDatabase());
            assertThat(broken.exit()).as(broken.stderr()).isEqualTo(1);
            assertThat(broken.json().path("clean").asBoolean()).isFalse();
            assertThat(StreamSupport.stream(broken.json().path("violations").spliterator(), false)
                    .filter(v -> v.path("caseId").asText().equals(noCase.toString())).map(v -> v.path("kind").asText()))
                    .containsExactly("PROCESS_WITHOUT_CASE");
            assertThat(broken.stderr()).contains("PROCESS_WITHOUT_CASE", noCase.toString());
        } finally {
            runtime.deleteProcessInstance(orphan, "consistency command line test");
        }

        assertThat(jdbc.queryForObject("select coalesce(max(id), 0) from audit_entry", Long.class)).isEqualTo(audited);
        assertThat(jdbc.queryForObject("select count(*) from ACT_RE_DEPLOYMENT", Long.class)).isEqualTo(deployments);
    }

    @Test
    void anUnreachableDatabaseExitsTwoSayingWhy() throws Exception {
        Run unreachable = check(List.of("--spring.datasource.url=jdbc:postgresql://127.0.0.1:1/carebridge"));
        assertThat(unreachable.exit()).isEqualTo(2);
        assertThat(unreachable.json().path("error").asText()).startsWith("could not check");
        assertThat(unreachable.stderr()).contains("Could not check jdbc:postgresql://127.0.0.1:1/carebridge");
    }

    /** The database this suite runs on, as the command line is told it (H2 in this JVM, or PostgreSQL). */
    private List<String> theSharedDatabase() {
        return List.of("--spring.datasource.url=" + environment.getProperty("spring.datasource.url"),
                "--spring.datasource.username=" + environment.getProperty("spring.datasource.username"),
                "--spring.datasource.password=" + environment.getProperty("spring.datasource.password", ""));
    }

    private static Run check(List<String> options) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        String[] args = new String[options.size() + 1];
        args[0] = "check";
        for (int i = 0; i < options.size(); i++) {
            args[i + 1] = options.get(i);
        }
        int exit = ConsistencyCommandLine.check(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(exit, JSON.readTree(out.toString(StandardCharsets.UTF_8)), err.toString(StandardCharsets.UTF_8));
    }
}
