package org.carebridge.scheduling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import io.micrometer.core.instrument.MeterRegistry;
import org.carebridge.ApiClient;
import org.carebridge.IntegrationTest;
import org.carebridge.identity.AuditLog;
import org.carebridge.scheduling.domain.ProblemJson;
import org.carebridge.scheduling.domain.Schedule;
import org.carebridge.scheduling.internal.ScheduleRunStore;
import org.carebridge.scheduling.internal.SolverRunMetrics;
import org.carebridge.shared.ConflictException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.optaplanner.core.api.solver.SolutionManager;
import org.optaplanner.core.api.solver.SolverFactory;
import org.optaplanner.core.api.solver.SolverManager;
import org.optaplanner.core.api.solver.SolverStatus;
import org.optaplanner.core.config.solver.SolverManagerConfig;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.datasource.DelegatingDataSource;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * Two nodes on one database: this application is node A; the tests start further {@code Scheduling}s on the
 * same database, each a node of its own (its own solver threads and node id), as a second node behind the
 * proxy would be. A run lives in the database, not in the memory of the node that started it.
 */
@IntegrationTest
class SolverRunsAcrossNodesIT {

    @LocalServerPort
    int port;
    @Autowired
    Scheduling nodeA;
    @Autowired
    SolverRunMetrics metricsOfA;
    @Autowired
    MeterRegistry meters;
    @Autowired
    DataSource database;
    @Autowired
    SolverFactory<Schedule> solverFactory;
    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    AuditLog audit;
    @Autowired
    UserDetailsService users;

    private final Problem week = ProblemGenerator.generate(40, 6, 41);
    private final List<Node> started = new ArrayList<>();

    @BeforeEach
    void signInAsAPlanner() {
        // publishing books through the referrals module, in the planner's name
        UserDetails planner = users.loadUserByUsername("planner");
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(planner, null, planner.getAuthorities()));
    }

    @AfterEach
    void stopTheOtherNodes() {
        started.forEach(Node::shutDown);
        SecurityContextHolder.clearContext();
    }

    @Test
    void aRunStartedOnOneNodeIsListedReadStoppedAndPublishedOnAnother() {
        Scheduling nodeB = node(database, Duration.ofSeconds(2), Duration.ofSeconds(30)).scheduling();
        long stoppedOnA = metricsOfA.finishedCount(SolverRunMetrics.Outcome.STOPPED);
        // two minutes: only the stop below ends it within this test
        String id = nodeA.submit(week, 120).id();
        try {
            await().atMost(Duration.ofSeconds(30)).until(() -> nodeB.progress(id).score() != null);
            assertThat(nodeB.runs()).extracting(ScheduleRun::id).contains(id);
            ScheduleRun solving = nodeB.run(id);
            assertThat(solving.status()).isEqualTo(ScheduleRun.Status.SOLVING);
            assertThat(solving.solution().assignments().size() + solving.solution().unassigned().size())
                    .isEqualTo(40);
            assertThatThrownBy(() -> nodeB.change(id, ScheduleChange.appointmentCancelled("A1"), 5))
                    .isInstanceOf(ConflictException.class).hasMessageContaining("stop it first");
            assertThatThrownBy(() -> nodeB.publish(id)).isInstanceOf(ConflictException.class);

            ScheduleRun stopping = nodeB.stop(id);
            assertThat(stopping.status() == ScheduleRun.Status.SOLVED || Boolean.TRUE.equals(stopping.stopRequested()))
                    .as("stopped, or said to be asked to stop: %s", stopping).isTrue();
            // node A sees the stop asked on B at its next beat and ends the solving, long before its time limit
            await().atMost(Duration.ofSeconds(10)).until(() -> nodeA.progress(id).status() == ScheduleRun.Status.SOLVED);
            assertThat(metricsOfA.finishedCount(SolverRunMetrics.Outcome.STOPPED)).isEqualTo(stoppedOnA + 1);

            ScheduleRun onA = nodeA.run(id);
            ScheduleRun onB = nodeB.run(id);
            assertThat(onB.solution()).isEqualTo(onA.solution());
            // the schedule rebuilt from the database scores what the solver scored on node A
            assertThat(onB.solution().score()).isEqualTo(onB.score()).startsWith("0hard/");
            assertThat(nodeB.publish(id).assignments()).isNotEmpty().isEqualTo(onA.solution().assignments());
            await().atMost(Duration.ofSeconds(10)).until(() ->
                    meters.get("carebridge.solver.runs").tag("status", "SOLVED").gauge().value() >= 1);
            assertThat(meters.get("carebridge.solver.runs.finished").tag("outcome", "stopped").functionCounter()
                    .count()).isEqualTo(stoppedOnA + 1);

            // once solved, a change made on B solves it again there, and A reads the result
            assertThat(nodeB.change(id, ScheduleChange.appointmentCancelled("A1"), 1).status())
                    .isEqualTo(ScheduleRun.Status.SOLVING);
            await().atMost(Duration.ofSeconds(30)).until(() -> nodeA.progress(id).status() == ScheduleRun.Status.SOLVED);
            Solution changed = nodeA.run(id).solution();
            assertThat(changed.assignments().size() + changed.unassigned().size()).isEqualTo(39);
        } finally {
            nodeA.stop(id);
        }
    }

    @Test
    void aRunWhoseNodeFellSilentIsReportedFailedEverywhereAndIsStartedAgainOnAnotherNode() {
        CuttableDatabase databaseOfC = new CuttableDatabase(database);
        Node nodeC = node(databaseOfC, Duration.ofSeconds(1), Duration.ofSeconds(30));
        Scheduling nodeB = node(database, Duration.ofSeconds(2), Duration.ofSeconds(10)).scheduling();
        String id = nodeC.scheduling().submit(week, 120).id();
        await().atMost(Duration.ofSeconds(30)).until(() -> nodeB.progress(id).score() != null);

        databaseOfC.cut();
        // C hears nothing of a stop asked now: node A says so rather than claim it stopped
        ScheduleRun asked = nodeA.stop(id);
        assertThat(asked.status()).isEqualTo(ScheduleRun.Status.SOLVING);
        assertThat(asked.stopRequested()).isTrue();

        await().atMost(Duration.ofSeconds(30)).until(() -> nodeB.progress(id).status() == ScheduleRun.Status.FAILED);
        assertThat(nodeB.progress(id).error()).contains("stopped", "start it again");
        // marked in the database: node A, which waits 30 s for a heartbeat, reads it FAILED too
        assertThat(nodeA.progress(id).status()).isEqualTo(ScheduleRun.Status.FAILED);
        assertThat(nodeA.progress(id).stopRequested()).isNull();

        ScheduleRun again = nodeB.restart(id, 2);
        assertThat(again.status()).isEqualTo(ScheduleRun.Status.SOLVING);
        assertThat(again.error()).isNull();
        databaseOfC.reconnect();
        // back, node C finds the run is no longer its own at its next heartbeat, and stops solving it
        await().atMost(Duration.ofSeconds(15)).until(() ->
                nodeC.solverManager().getSolverStatus(id) == SolverStatus.NOT_SOLVING);
        assertThat(nodeC.metrics().finishedCount(SolverRunMetrics.Outcome.LOST)).isEqualTo(1);

        await().atMost(Duration.ofSeconds(30)).until(() -> nodeA.progress(id).status() == ScheduleRun.Status.SOLVED);
        ScheduleRun solved = nodeA.run(id);
        assertThat(solved.solution().assignments().size() + solved.solution().unassigned().size()).isEqualTo(40);
        assertThat(solved.score()).isEqualTo(solved.solution().score()).startsWith("0hard/");
    }

    @Test
    void aPlannerStartsAFinishedRunAgainButNotOneThatSolves() {
        ApiClient planner = ApiClient.as(port, "planner");
        String id = planner.post("/api/schedules?seconds=60", ProblemJson.write(week)).body().path("id").asText();
        try {
            ApiClient.Response whileSolving = planner.post("/api/schedules/" + id + "/restart?seconds=1", null);
            assertThat(whileSolving.status()).as(whileSolving.toString()).isEqualTo(409);
            ApiClient.Response stopped = planner.exchange(HttpMethod.DELETE, "/api/schedules/" + id, null);
            assertThat(stopped.status()).isEqualTo(200);
            assertThat(stopped.body().path("status").asText()).isEqualTo("SOLVED");

            ApiClient.Response again = planner.post("/api/schedules/" + id + "/restart?seconds=1", null);
            assertThat(again.status()).as(again.toString()).isEqualTo(202);
            assertThat(again.body().path("status").asText()).isEqualTo("SOLVING");
            await().atMost(Duration.ofSeconds(30)).until(() ->
                    planner.get("/api/schedules/" + id).body().path("status").asText().equals("SOLVED"));
            assertThat(planner.post("/api/schedules/" + id + "/restart?seconds=0", null).badFields())
                    .containsExactly("seconds");
            assertThat(planner.post("/api/schedules/nope/restart", null).status()).isEqualTo(404);
            assertThat(ApiClient.as(port, "coordinator").post("/api/schedules/" + id + "/restart", null).status())
                    .isEqualTo(403);
        } finally {
            planner.exchange(HttpMethod.DELETE, "/api/schedules/" + id, null);
        }
    }

    private Node node(DataSource db, Duration heartbeatInterval, Duration heartbeatTimeout) {
        SolverManager<Schedule, String> solverManager = SolverManager.create(solverFactory,
                new SolverManagerConfig().withParallelSolverCount("1"));
        ScheduleRunStore store = new ScheduleRunStore(db);
        SolverRunMetrics metrics = new SolverRunMetrics(store);
        Scheduling scheduling = new Scheduling(solverManager, SolutionManager.create(solverFactory), solverFactory,
                events, audit, store, metrics, 1, 1, heartbeatInterval, heartbeatTimeout, Duration.ofSeconds(3));
        Node node = new Node(scheduling, solverManager, metrics);
        started.add(node);
        return node;
    }

    private record Node(Scheduling scheduling, SolverManager<Schedule, String> solverManager,
            SolverRunMetrics metrics) {

        void shutDown() {
            scheduling.shutdown();
            solverManager.close();
        }
    }

    /** The database as a node sees it, which the test can cut off and reconnect (a network partition). */
    private static final class CuttableDatabase extends DelegatingDataSource {

        private volatile boolean cut;

        CuttableDatabase(DataSource database) {
            super(database);
        }

        void cut() {
            cut = true;
        }

        void reconnect() {
            cut = false;
        }

        @Override
        public Connection getConnection() throws SQLException {
            if (cut) {
                throw new SQLException("the database is out of this node's reach");
            }
            return super.getConnection();
        }

        @Override
        public Connection getConnection(String username, String password) throws SQLException {
            if (cut) {
                throw new SQLException("the database is out of this node's reach");
            }
            return super.getConnection(username, password);
        }
    }
}
