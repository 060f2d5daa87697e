package org.carebridge.scheduling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.carebridge.ApiClient;
import org.carebridge.IntegrationTest;
import org.carebridge.scheduling.domain.ProblemJson;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;

/** A planner solves a week through the API; others may read or nothing at all. */
@IntegrationTest
class ScheduleApiIT {

    @LocalServerPort
    int port;

    private final String problem = ProblemJson.write(ProblemGenerator.generate(40, 6, 41));

    @Test
    void aPlannerSolvesReadsExplainsChangesAndStopsASchedule() {
        ApiClient planner = ApiClient.as(port, "planner");
        ApiClient.Response started = planner.post("/api/schedules?seconds=2", problem);
        assertThat(started.status()).as(started.toString()).isEqualTo(202);
        assertThat(started.body().path("status").asText()).isEqualTo("SOLVING");
        String id = started.body().path("id").asText();

        await().atMost(Duration.ofSeconds(30)).until(() ->
                planner.get("/api/schedules/" + id).body().path("status").asText().equals("SOLVED"));
        JsonNode solved = planner.get("/api/schedules/" + id).body();
        assertThat(solved.path("score").asText()).startsWith("0hard/");
        JsonNode solution = solved.path("solution");
        assertThat(solution.path("assignments").size() + solution.path("unassigned").size()).isEqualTo(40);
        assertThat(solution.path("score").asText()).isEqualTo(solved.path("score").asText());

        JsonNode explanation = planner.get("/api/schedules/" + id + "/explanation").body();
        assertThat(explanation.path("constraints").findValuesAsText("constraint")).contains("Waiting");
        assertThat(explanation.path("constraints").get(0).path("heaviest")).isNotEmpty();

        ApiClient.Response changed = planner.post("/api/schedules/" + id + "/changes?seconds=30",
                Map.of("type", "APPOINTMENT_CANCELLED", "appointmentId", "A1"));
        assertThat(changed.status()).as(changed.toString()).isEqualTo(202);
        assertThat(changed.body().path("status").asText()).isEqualTo("SOLVING");
        ApiClient.Response stopped = planner.exchange(HttpMethod.DELETE, "/api/schedules/" + id, null);
        assertThat(stopped.status()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(20)).until(() ->
                planner.get("/api/schedules/" + id).body().path("status").asText().equals("SOLVED"));
        JsonNode after = planner.get("/api/schedules/" + id).body().path("solution");
        assertThat(after.path("assignments").size() + after.path("unassigned").size()).isEqualTo(39);

        assertThat(planner.post("/api/schedules/" + id + "/publish", null).body().path("assignments")).isNotEmpty();
        assertThat(planner.get("/api/schedules").body().findValuesAsText("id")).contains(id);
        assertThat(ApiClient.as(port, "coordinator").get("/api/schedules/" + id).status()).isEqualTo(200);
    }

    @Test
    void aBadProblemIsA400NamingTheItems() {
        String bad = problem.replaceFirst("\"id\" : \"D2\"", "\"id\" : \"D1\"")
                .replaceFirst("\"end\" : \"12:00\"", "\"end\" : \"07:00\"");
        ApiClient.Response response = ApiClient.as(port, "planner").post("/api/schedules?seconds=1", bad);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.isProblem()).isTrue();
        assertThat(response.badFields()).contains("doctors[D1].id", "doctors[D1].availability[0].end");
        assertThat(ApiClient.as(port, "planner").post("/api/schedules", "{\"name\": ").badFields()).containsExactly("body");
    }

    @Test
    void unknownSchedulesAre404AndOnlyPlannersSolve() {
        ApiClient planner = ApiClient.as(port, "planner");
        assertThat(planner.get("/api/schedules/nope").status()).isEqualTo(404);
        assertThat(planner.get("/api/schedules/nope/explanation").status()).isEqualTo(404);
        assertThat(planner.exchange(HttpMethod.DELETE, "/api/schedules/nope", null).status()).isEqualTo(404);
        assertThat(ApiClient.anonymous(port).post("/api/schedules?seconds=1", problem).status()).isEqualTo(401);
        assertThat(ApiClient.as(port, "coordinator").post("/api/schedules?seconds=1", problem).status()).isEqualTo(403);
        assertThat(ApiClient.as(port, "doctor").get("/api/schedules").status()).isEqualTo(403);
        assertThat(List.of(ApiClient.as(port, "coordinator").get("/api/schedules").status())).containsExactly(200);
    }
}
