package org.carebridge.scheduling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;

import com.fasterxml.jackson.databind.JsonNode;
import org.carebridge.ApiClient;
import org.carebridge.IntegrationTest;
import org.carebridge.scheduling.domain.ProblemJson;
import org.carebridge.scheduling.domain.ProblemValidator;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;

/**
 * Abuse of the solver, each test named after the hole it closes: solving without limit (a bounded pool,
 * 429 when full), problems of any size (400 naming the list), schedules read without the audit, and
 * planners reading more than demand.
 */
@IntegrationTest
class SchedulingAbuseIT {

    @LocalServerPort
    int port;

    @Value("${carebridge.scheduling.max-concurrent-runs}")
    int maxConcurrentRuns;

    @Value("${carebridge.scheduling.queued-runs}")
    int queuedRuns;

    private final Problem small = ProblemGenerator.generate(40, 6, 41);

    @Test
    void whenEverySolverPlaceIsTakenAFurtherRunIsRefusedWith429AndRetryAfterAndNothingIsKept() {
        ApiClient planner = ApiClient.as(port, "planner");
        List<String> mine = new ArrayList<>();
        String solved = planner.post("/api/schedules?seconds=1", ProblemJson.write(small)).body().path("id").asText();
        await().atMost(Duration.ofSeconds(30)).until(() -> progressOf(planner, solved).equals("SOLVED"));
        try {
            ApiClient.Response refused = null;
            // other tests' runs may hold places already: fill whatever is left, with runs that would last 10 min
            for (int i = 0; i <= maxConcurrentRuns + queuedRuns && refused == null; i++) {
                ApiClient.Response response = planner.post("/api/schedules?seconds=600", ProblemJson.write(small));
                if (response.status() == 202) {
                    mine.add(response.body().path("id").asText());
                } else {
                    refused = response;
                }
            }
            assertThat(refused).as("a run beyond the %d places", maxConcurrentRuns + queuedRuns).isNotNull();
            assertThat(mine.size()).isLessThanOrEqualTo(maxConcurrentRuns + queuedRuns);
            assertThat(refused.status()).as(refused.toString()).isEqualTo(429);
            assertThat(refused.isProblem()).isTrue();
            assertThat(Long.parseLong(refused.headers().getFirst(HttpHeaders.RETRY_AFTER))).isBetween(1L, 600L);

            Set<String> kept = runIds(planner);
            ApiClient.Response again = planner.post("/api/schedules?seconds=1", ProblemJson.write(small));
            assertThat(again.status()).isEqualTo(429);
            assertThat(runIds(planner)).as("nothing kept of the refused runs").isEqualTo(kept);

            // a solved run solving again after a change needs a place too, and is left as it was when there is none
            ApiClient.Response change = planner.post("/api/schedules/" + solved + "/changes?seconds=1",
                    Map.of("type", "APPOINTMENT_CANCELLED", "appointmentId", "A1"));
            assertThat(change.status()).as(change.toString()).isEqualTo(429);
            assertThat(change.headers().getFirst(HttpHeaders.RETRY_AFTER)).isNotBlank();
            JsonNode unchanged = planner.get("/api/schedules/" + solved).body();
            assertThat(unchanged.path("status").asText()).isEqualTo("SOLVED");
            assertThat(unchanged.path("solution").path("assignments").size()
                    + unchanged.path("solution").path("unassigned").size()).as("A1 still planned").isEqualTo(40);

            // stopping a run frees its place at once, whether it was solving or still waiting for a thread
            for (String id : mine) {
                assertThat(planner.exchange(HttpMethod.DELETE, "/api/schedules/" + id, null).status()).isEqualTo(200);
            }
            await().atMost(Duration.ofSeconds(20)).until(() -> mine.stream().allMatch(id ->
                    !planner.get("/api/schedules/" + id).body().path("status").asText().equals("SOLVING")));
            ApiClient.Response afterStop = planner.post("/api/schedules?seconds=1", ProblemJson.write(small));
            assertThat(afterStop.status()).as(afterStop.toString()).isEqualTo(202);
            mine.add(afterStop.body().path("id").asText());
        } finally {
            mine.forEach(id -> planner.exchange(HttpMethod.DELETE, "/api/schedules/" + id, null));
        }
    }

    @Test
    void aProblemOverACapIsA400NamingTheListAndStartsNothing() {
        ApiClient planner = ApiClient.as(port, "planner");
        Set<String> before = runIds(planner);
        Problem.Appointment a = small.appointments().get(0);
        List<Problem.Appointment> tooMany = IntStream.range(0, ProblemValidator.MAX_APPOINTMENTS + 1)
                .mapToObj(i -> new Problem.Appointment("A" + i, null, a.region(), a.specialty(), a.durationMinutes(),
                        a.urgency(), a.modes(), null, null, null, a.earliestDay(), a.latestDay(), null, null))
                .toList();

        ApiClient.Response oversize = planner.post("/api/schedules?seconds=1",
                ProblemJson.write(small.withAppointments(tooMany)));
        assertThat(oversize.status()).as(oversize.toString()).isEqualTo(400);
        assertThat(oversize.isProblem()).isTrue();
        assertThat(oversize.badFields()).containsExactly("appointments");

        Problem everyMinuteOfAMonth = new Problem(small.name(), new Problem.Horizon(31, 1), small.regions(),
                small.travelMinutes(), small.doctors(), small.equipment(), small.appointments(), small.weights());
        assertThat(planner.post("/api/schedules?seconds=1", ProblemJson.write(everyMinuteOfAMonth)).badFields())
                .containsExactly("horizon.slotMinutes");
        assertThat(planner.post("/api/schedules?seconds=601", ProblemJson.write(small)).badFields())
                .containsExactly("seconds");
        assertThat(planner.post("/api/schedules/suggestions?appointmentId=A1&limit=100000", ProblemJson.write(small))
                .badFields()).containsExactly("limit");

        assertThat(runIds(planner)).as("no run kept or started").isEqualTo(before);
    }

    @Test
    void readingAScheduleAuditsEachOfItsPatientsOnceAndAPlannerReadsDemandOnly() {
        ApiClient planner = ApiClient.as(port, "planner");
        JsonNode shown = ApiClient.as(port, "coordinator").get("/api/patients?size=3").body().path("content");
        List<String> patients = new ArrayList<>();
        shown.forEach(p -> patients.add(p.path("id").asText()));
        assertThat(patients).hasSize(3);
        List<Problem.Appointment> appointments = new ArrayList<>(small.appointments());
        for (int i = 0; i < appointments.size(); i++) {
            Problem.Appointment a = appointments.get(i);
            // two appointments of the first patient: still one entry for that patient
            String patient = i < 4 ? patients.get(Math.max(0, i - 1)) : a.patientId();
            appointments.set(i, new Problem.Appointment(a.id(), patient, a.region(), a.specialty(), a.durationMinutes(),
                    a.urgency(), a.modes(), a.equipmentType(), a.language(), a.preferredDoctorId(), a.earliestDay(),
                    a.latestDay(), a.pinned(), a.booking()));
        }
        ApiClient.Response started = planner.post("/api/schedules?seconds=1",
                ProblemJson.write(small.withAppointments(appointments)));
        assertThat(started.status()).as(started.toString()).isEqualTo(202);
        String id = started.body().path("id").asText();
        await().atMost(Duration.ofSeconds(30)).until(() -> !progressOf(planner, id).equals("SOLVING"));
        assertThat(auditOfSchedule(id)).as("the list and a run's status show no patient").isEmpty();

        Instant before = Instant.now();
        JsonNode run = planner.get("/api/schedules/" + id).body();
        assertThat(run.path("solution").path("assignments").size() + run.path("solution").path("unassigned").size())
                .isEqualTo(40);

        List<JsonNode> entries = auditOfSchedule(id);
        assertThat(entries).extracting(e -> e.path("patientId").asText())
                .containsExactlyInAnyOrderElementsOf(patients);
        assertThat(entries).allSatisfy(e -> {
            assertThat(e.path("actor").asText()).isEqualTo("planner");
            assertThat(Instant.parse(e.path("at").asText())).isAfterOrEqualTo(before.minusSeconds(1));
        });

        // demand only: what a planner reads of a schedule has no field for a reason, an assessment or a plan
        Set<String> fields = new HashSet<>();
        collectFieldNames(run, fields);
        assertThat(fields).isSubsetOf("id", "name", "status", "score", "startedAt", "appointments", "solution",
                "history", "error", "assignments", "appointmentId", "doctorId", "day", "start", "mode", "equipmentId",
                "unassigned", "equipmentLocations", "regionId", "unassignedReasons", "breakdown", "hard", "waiting",
                "travel", "language", "continuity", "disruption", "weightsChanged", "at", "medium", "soft");
        assertThat(run.toString()).doesNotContain(patients.get(0));

        // the explanation names the appointments of its heaviest matches: their patients are audited too
        assertThat(planner.get("/api/schedules/" + id + "/explanation").status()).isEqualTo(200);
        List<JsonNode> explained = auditOf("explanation of schedule " + id);
        assertThat(explained).extracting(e -> e.path("patientId").asText()).doesNotHaveDuplicates()
                .isSubsetOf(patients);
    }

    private static String progressOf(ApiClient planner, String id) {
        return planner.get("/api/schedules").body().findParents("id").stream()
                .filter(r -> r.path("id").asText().equals(id)).map(r -> r.path("status").asText()).findFirst()
                .orElse("");
    }

    private List<JsonNode> auditOfSchedule(String id) {
        return auditOf("schedule " + id);
    }

    private List<JsonNode> auditOf(String resource) {
        JsonNode content = ApiClient.as(port, "admin").get("/api/audit?actor=planner&size=200").body().path("content");
        List<JsonNode> entries = new ArrayList<>();
        content.forEach(e -> {
            if (e.path("resource").asText().startsWith(resource)) {
                entries.add(e);
            }
        });
        return entries;
    }

    private static Set<String> runIds(ApiClient planner) {
        return new HashSet<>(planner.get("/api/schedules").body().findValuesAsText("id"));
    }

    private static void collectFieldNames(JsonNode node, Set<String> names) {
        if (node.isObject()) {
            for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
                String name = it.next();
                names.add(name);
                if (!name.equals("unassignedReasons")) { // keyed by appointment id
                    collectFieldNames(node.get(name), names);
                }
            }
        } else if (node.isArray()) {
            node.forEach(child -> collectFieldNames(child, names));
        }
    }
}
