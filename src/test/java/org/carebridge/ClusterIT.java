package org.carebridge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import com.fasterxml.jackson.databind.JsonNode;
import org.carebridge.scheduling.ProblemGenerator;
import org.carebridge.scheduling.domain.ProblemJson;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * Two CareBridge nodes, each its own {@code java -jar} process on a loopback port, on one PostgreSQL database
 * they find empty and start on together — as a prefecture runs it behind its proxy. Cases move between the
 * nodes, timers fire once however many job executors want them, and a node killed with {@code kill -9} in the
 * middle of a load of referrals loses nothing that it acknowledged while the other goes on serving. Solver runs
 * live in the database: any node reads, stops and publishes one, and a dead node's run fails and solves again
 * elsewhere.
 */
@EnabledIfSystemProperty(named = "spring.profiles.active", matches = ".*postgres.*")
@ExtendWith(TestDatabase.PostgresReachable.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterIT {

    private static final String PREFIX = "carebridge_cluster_";
    private static final Duration START = Duration.ofMinutes(6);
    /** A small demo province: the test is about the nodes, not about seeding 2,000 patients. */
    private static final String[] SMALL_PROVINCE = {"--carebridge.demo.patients=200",
            "--carebridge.demo.history-months=0",
            // a due job is looked for at least every 2 s, so that timers made due fire soon
            "--camunda.bpm.job-execution.max-wait=2000",
            // a killed node's solver run is declared failed after 10 s without its heartbeat
            "--carebridge.scheduling.heartbeat-timeout=10s"};

    private final String database = PREFIX + ProcessHandle.current().pid();
    private ClusterNode a;
    private ClusterNode b;
    private JdbcTemplate sql;

    @BeforeAll
    void startTwoNodesTogetherOnAnEmptyDatabase() throws Exception {
        try (Connection admin = DriverManager.getConnection(TestDatabase.SERVER + "postgres", TestDatabase.USER, "");
                Statement statement = admin.createStatement()) {
            List<String> stale = new ArrayList<>();
            try (var rs = statement.executeQuery("select datname from pg_database where datname like '" + PREFIX + "%'")) {
                while (rs.next()) {
                    stale.add(rs.getString(1));
                }
            }
            for (String old : stale) {
                if (!TestDatabase.ownerAlive(old)) {
                    statement.execute("drop database if exists " + old + " with (force)");
                }
            }
            statement.execute("create database " + database);
        }
        Files.deleteIfExists(Path.of("target", "cluster", "node-a.log"));
        Files.deleteIfExists(Path.of("target", "cluster", "node-b.log"));
        String url = TestDatabase.SERVER + database;
        a = new ClusterNode("node-a", freePort(), url, SMALL_PROVINCE).start();
        b = new ClusterNode("node-b", freePort(), url, SMALL_PROVINCE).start();
        a.awaitHealthy(START);
        b.awaitHealthy(START);
        sql = new JdbcTemplate(new SingleConnectionDataSource(url, TestDatabase.USER, "", true));
    }

    @AfterAll
    void stopNodes() throws InterruptedException, SQLException {
        for (ClusterNode node : new ClusterNode[] {a, b}) {
            if (node != null) {
                node.stop();
            }
        }
        if (sql != null) {
            ((SingleConnectionDataSource) sql.getDataSource()).destroy();
        }
        try (Connection admin = DriverManager.getConnection(TestDatabase.SERVER + "postgres", TestDatabase.USER, "");
                Statement statement = admin.createStatement()) {
            statement.execute("drop database if exists " + database + " with (force)");
        }
    }

    @Test
    @Order(1)
    void nodesStartedTogetherOnAnEmptyDatabaseMakeOneProvinceAndOneCopyOfEachProcess() throws IOException {
        assertThat(List.of(a.log(), b.log())).filteredOn(log -> log.contains("Seeded the demo province")).hasSize(1);
        assertThat(count("select count(*) from region")).isEqualTo(8);
        assertThat(count("select count(*) from facility")).isEqualTo(35);
        assertThat(count("select count(*) from practitioner")).isEqualTo(57);
        assertThat(count("select count(*) from patient")).isEqualTo(200);
        assertThat(count("select count(*) from staff_account")).isEqualTo(61);
        assertThat(sql.queryForList("select key_ from act_re_procdef order by key_", String.class))
                .containsExactly("record-release", "referral", "teleconsult");
        assertThat(count("select count(*) from flyway_schema_history where not success")).isZero();
    }

    @Test
    @Order(2)
    void referralsMoveBetweenNodesAndEachServiceLevelTimerFiresOnce() {
        List<String> referrals = new ArrayList<>();
        for (ClusterNode node : List.of(a, b, a, b)) {
            referrals.add(new DemoData(node.port).submitReferral());
        }
        for (int i = 0; i < referrals.size(); i++) {
            ClusterNode other = i % 2 == 0 ? b : a;
            assertThat(other.as("coordinator").get("/api/referrals/" + referrals.get(i)).status()).isEqualTo(200);
        }

        // the review deadlines pass: both nodes' job executors may take the timers, one fires each
        String ofTheseReferrals = "process_instance_id_ in (select proc_inst_id_ from act_ru_variable"
                + " where name_ = 'referralId' and text_ in ('" + String.join("','", referrals) + "'))";
        assertThat(sql.update("update act_ru_job set duedate_ = now() - interval '1 minute' where type_ = 'timer'"
                + " and " + ofTheseReferrals)).isEqualTo(referrals.size());
        await().atMost(Duration.ofSeconds(90)).until(() ->
                count("select count(*) from act_ru_job where duedate_ < now() and " + ofTheseReferrals) == 0);
        await().atMost(Duration.ofSeconds(30)).until(() -> breaches(referrals) == referrals.size());
        for (String referral : referrals) {
            assertThat(count("select count(*) from referral_event where type = 'SLA_BREACHED' and referral_id = '"
                    + referral + "'")).as("breaches of " + referral).isEqualTo(1);
        }

        // reviewed on the node that did not take it in; its end seen on the other
        for (int i = 0; i < referrals.size(); i++) {
            ClusterNode reviewer = i % 2 == 0 ? b : a;
            ClusterNode submitter = i % 2 == 0 ? a : b;
            String task = reviewTask(reviewer, referrals.get(i));
            assertThat(reviewer.as("coordinator").post("/api/tasks/" + task + "/complete",
                    Map.of("decision", "REJECT", "reason", "Seen locally")).status()).isEqualTo(204);
            assertThat(submitter.as("coordinator").get("/api/referrals/" + referrals.get(i)).body()
                    .path("status").asText()).isEqualTo("REJECTED");
        }
    }

    @Test
    @Order(3)
    void aSolverRunStartedOnOneNodeIsReadStoppedAndPublishedOnTheOther() {
        String problem = ProblemJson.write(ProblemGenerator.generate(40, 6, 41));
        ApiClient plannerOnA = a.as("planner");
        ApiClient plannerOnB = b.as("planner");
        ApiClient.Response started = plannerOnA.post("/api/schedules?seconds=120", problem);
        assertThat(started.status()).isEqualTo(202);
        String run = started.body().path("id").asText();

        assertThat(plannerOnB.get("/api/schedules").body().findValuesAsText("id")).contains(run);
        assertThat(plannerOnB.get("/api/schedules/" + run).body().path("status").asText()).isEqualTo("SOLVING");
        assertThat(plannerOnB.exchange(HttpMethod.DELETE, "/api/schedules/" + run, null).status()).isEqualTo(200);
        // node A, solving it, hears of the stop at its next heartbeat
        await().atMost(Duration.ofSeconds(30)).until(() ->
                plannerOnB.get("/api/schedules/" + run).body().path("status").asText().equals("SOLVED"));
        ApiClient.Response published = plannerOnB.post("/api/schedules/" + run + "/publish", null);
        assertThat(published.status()).as(published.toString()).isEqualTo(200);
        assertThat(published.body().path("scheduleId").asText()).isEqualTo(run);
    }

    @Test
    @Order(10)
    void aNodeKilledMidLoadLosesNoAcknowledgedReferralAndTheOtherKeepsServing() throws Exception {
        Queue<String> acknowledged = new ConcurrentLinkedQueue<>();
        Queue<String> acknowledgedByAAfterTheKill = new ConcurrentLinkedQueue<>();
        Queue<String> failuresOfA = new ConcurrentLinkedQueue<>();
        AtomicBoolean killed = new AtomicBoolean();
        AtomicBoolean running = new AtomicBoolean(true);
        ExecutorService load = Executors.newFixedThreadPool(4);
        for (ClusterNode node : List.of(a, a, b, b)) {
            load.submit(() -> {
                DemoData data = new DemoData(node.port);
                while (running.get()) {
                    try {
                        String id = data.submitReferral();
                        acknowledged.add(id);
                        if (node == a && killed.get()) {
                            acknowledgedByAAfterTheKill.add(id);
                        }
                    } catch (RuntimeException e) {
                        if (node == a) {
                            failuresOfA.add(e.toString());
                        } else if (!killed.get()) {
                            throw e;
                        }
                    }
                }
                return null;
            });
        }
        Thread.sleep(5_000);
        String solvingOnB = b.as("planner").post("/api/schedules?seconds=300",
                ProblemJson.write(ProblemGenerator.generate(40, 6, 42))).body().path("id").asText();
        b.kill();
        killed.set(true);
        Thread.sleep(5_000);
        running.set(false);
        load.shutdown();
        assertThat(load.awaitTermination(60, TimeUnit.SECONDS)).isTrue();

        assertThat(failuresOfA).isEmpty();
        assertThat(acknowledgedByAAfterTheKill).isNotEmpty();
        ApiClient coordinatorOnA = a.as("coordinator");
        for (String id : acknowledged) {
            assertThat(coordinatorOnA.get("/api/referrals/" + id).status()).as("referral " + id).isEqualTo(200);
        }
        // each waits for its review in a process of its own: no step was half taken
        assertThat(count("select count(distinct v.text_) from act_ru_task t join act_ru_variable v"
                + " on v.proc_inst_id_ = t.proc_inst_id_ and v.name_ = 'referralId'"
                + " where t.task_def_key_ = 'ReviewReferral' and v.text_ in ('" + String.join("','", acknowledged) + "')"))
                .isEqualTo(acknowledged.size());

        // the run node B was solving when it died is failed, and solves again on node A
        ApiClient plannerOnA = a.as("planner");
        await().atMost(Duration.ofSeconds(60)).until(() ->
                plannerOnA.get("/api/schedules/" + solvingOnB).body().path("status").asText().equals("FAILED"));
        assertThat(plannerOnA.post("/api/schedules/" + solvingOnB + "/restart?seconds=2", null).status()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(60)).until(() ->
                plannerOnA.get("/api/schedules/" + solvingOnB).body().path("status").asText().equals("SOLVED"));

        JsonNode consistency = a.as("admin").get("/api/admin/consistency").body();
        assertThat(consistency.path("violations")).as(consistency.toString()).isEmpty();
        assertThat(consistency.path("clean").asBoolean()).isTrue();

        b.start().awaitHealthy(START);
        ApiClient coordinatorOnB = b.as("coordinator");
        for (String id : acknowledged) {
            assertThat(coordinatorOnB.get("/api/referrals/" + id).status()).as("referral " + id).isEqualTo(200);
        }
    }

    private String reviewTask(ClusterNode node, String referral) {
        for (JsonNode task : node.as("coordinator").get("/api/tasks").body()) {
            if (task.path("referralId").asText().equals(referral) && task.path("taskKey").asText().equals("ReviewReferral")) {
                return task.path("id").asText();
            }
        }
        return null;
    }

    private long breaches(List<String> referrals) {
        return count("select count(distinct referral_id) from referral_event where type = 'SLA_BREACHED'"
                + " and referral_id in ('" + String.join("','", referrals) + "')");
    }

    private long count(String query) {
        return sql.queryForObject(query, Long.class);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
