package org.carebridge.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.carebridge.ApiClient;
import org.carebridge.DemoData;
import org.carebridge.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Abuse of the API as a browser or a careless client could commit it, each test named after the hole:
 * a form on another site working a task with the Basic credentials the browser remembers, the browser's
 * password prompt that teaches it those credentials, responses without the headers that keep browsers
 * from sniffing, framing or caching them, bodies of any size, and lists of any length.
 */
@IntegrationTest
class ApiAbuseAttacksIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    /** HTTP/1.1, where a body of unknown length goes chunked. */
    final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @Test
    void aFormPostedFromAnotherSiteCannotClaimATaskOrCancelAReferral() throws Exception {
        ApiClient coordinator = ApiClient.as(port, "coordinator");
        String referral = openReferral();
        String task = taskOf(coordinator, referral);

        for (String formType : List.of("application/x-www-form-urlencoded", "text/plain", "multipart/form-data; boundary=x")) {
            HttpResponse<String> claim = send(formPost("/api/tasks/" + task + "/claim", formType, ""));
            assertThat(claim.statusCode()).as(formType + " " + claim.body()).isEqualTo(403);
            assertThat(claim.headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("application/problem+json"));
            assertThat(JSON.readTree(claim.body()).path("detail").asText()).contains("X-Requested-With");
            HttpResponse<String> cancel = send(formPost("/api/referrals/" + referral + "/cancel", formType, "reason=spam"));
            assertThat(cancel.statusCode()).as(formType).isEqualTo(403);
        }
        assertThat(send(request("/api/tasks/" + task + "/claim").POST(HttpRequest.BodyPublishers.noBody()).build())
                .statusCode()).as("no body, no header").isEqualTo(403);

        assertThat(coordinator.get("/api/tasks/" + task).body().path("assignee").isMissingNode()).isTrue();
        assertThat(coordinator.get("/api/referrals/" + referral).body().path("status").asText()).isNotEqualTo("CANCELLED");

        // what a script sends: the header (any value), or a JSON body
        assertThat(send(request("/api/tasks/" + task + "/claim").header("X-Requested-With", "curl")
                .POST(HttpRequest.BodyPublishers.noBody()).build()).statusCode()).isBetween(200, 299);
        assertThat(send(request("/api/referrals/" + referral + "/cancel").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"reason\": \"The family moved away\"}")).build())
                .statusCode()).isEqualTo(200);
        assertThat(coordinator.get("/api/referrals/" + referral).body().path("status").asText()).isEqualTo("CANCELLED");
    }

    @Test
    void aBrowserIsNeverAskedForBasicCredentialsThatItWouldThenSendOnItsOwn() throws Exception {
        HttpResponse<String> navigation = send(HttpRequest.newBuilder(uri("/api/me"))
                .header("Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8").GET().build());
        assertThat(navigation.statusCode()).isEqualTo(401);
        assertThat(navigation.headers().firstValue("WWW-Authenticate")).isEmpty();
        HttpResponse<String> pageScript = send(HttpRequest.newBuilder(uri("/api/me"))
                .header("X-Requested-With", "XMLHttpRequest").GET().build());
        assertThat(pageScript.statusCode()).isEqualTo(401);
        assertThat(pageScript.headers().firstValue("WWW-Authenticate")).isEmpty();

        HttpResponse<String> script = send(HttpRequest.newBuilder(uri("/api/me")).header("Accept", "application/json")
                .GET().build());
        assertThat(script.headers().firstValue("WWW-Authenticate")).hasValue("Basic realm=\"CareBridge\"");
        assertThat(ApiClient.as(port, "coordinator").get("/api/me").status()).as("Basic still signs in").isEqualTo(200);
    }

    @Test
    void everyResponseTellsTheBrowserNotToSniffFrameLeakOrCacheIt() throws Exception {
        for (HttpResponse<String> api : List.of(
                send(request("/api/me").GET().build()),
                send(request("/api/patients/" + new DemoData(port).patientIn("YS")).GET().build()),
                send(HttpRequest.newBuilder(uri("/api/me")).GET().build()),
                send(request("/engine-rest/process-definition").GET().build()))) {
            String what = api.request().uri() + " " + api.statusCode();
            assertThat(api.headers().firstValue("X-Content-Type-Options")).as(what).hasValue("nosniff");
            assertThat(api.headers().firstValue("X-Frame-Options")).as(what).hasValue("DENY");
            assertThat(api.headers().firstValue("Referrer-Policy")).as(what).hasValue("no-referrer");
            assertThat(api.headers().firstValue("Content-Security-Policy")).as(what)
                    .hasValue("default-src 'none'; frame-ancestors 'none'");
            assertThat(api.headers().allValues("Cache-Control")).as(what).singleElement(
                    InstanceOfAssertFactories.STRING).contains("no-store");
        }
        for (String page : List.of("/login", "/", "/camunda/app/cockpit/default/")) {
            HttpResponse<String> ui = send(HttpRequest.newBuilder(uri(page)).GET().build());
            String what = page + " " + ui.statusCode();
            assertThat(ui.headers().firstValue("X-Content-Type-Options")).as(what).hasValue("nosniff");
            assertThat(ui.headers().firstValue("X-Frame-Options")).as(what).hasValue("DENY");
            assertThat(ui.headers().firstValue("Referrer-Policy")).as(what).hasValue("same-origin");
        }
    }

    @Test
    void aBodyOverTheLimitIsRefusedAndNothingIsStored() throws Exception {
        String residentId = DemoData.freshResidentId(LocalDate.of(1990, 3, 3));
        // a valid registration, padded with 1.1 MB of white space that JSON ignores
        String padded = JSON.writeValueAsString(patient(residentId)) + " ".repeat(1_100_000);

        HttpResponse<String> declared = send(request("/api/patients").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(padded)).build());
        assertTooLarge(declared);

        // a body of unknown length (from a stream) goes chunked
        HttpResponse<String> chunked = send(request("/api/patients").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(
                        () -> new ByteArrayInputStream(padded.getBytes(StandardCharsets.UTF_8)))).build());
        assertTooLarge(chunked);

        assertThat(jdbc.queryForObject("select count(*) from patient_identifier where identifier_value = ?",
                Long.class, residentId)).isZero();

        // under the limit, chunked or not, the same registration goes through
        String small = JSON.writeValueAsString(patient(residentId)) + " ".repeat(10_000);
        assertThat(send(request("/api/patients").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(
                        () -> new ByteArrayInputStream(small.getBytes(StandardCharsets.UTF_8)))).build()).statusCode())
                .isEqualTo(201);
    }

    @Test
    void aPageOrLimitOverTheCapIsRefusedNamingTheParameterInsteadOfQuietlyShrunk() {
        ApiClient coordinator = ApiClient.as(port, "coordinator");
        assertThat(coordinator.get("/api/patients?size=200").status()).isEqualTo(200);
        assertRefused(coordinator.get("/api/patients?size=201"), "size");
        assertRefused(coordinator.get("/api/patients?size=0"), "size");
        assertRefused(coordinator.get("/api/referrals?page=-1"), "page");
        assertRefused(coordinator.get("/api/facilities?page=100000000"), "page");
        assertRefused(coordinator.get("/api/regions?size=lots"), "size");
        assertRefused(ApiClient.as(port, "admin").get("/api/audit?size=100000"), "size");
        assertRefused(ApiClient.as(port, "planner").post("/api/schedules/suggestions?appointmentId=a&limit=100000",
                Map.of()), "limit");
    }

    private static void assertRefused(ApiClient.Response response, String parameter) {
        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.isProblem()).isTrue();
        assertThat(response.badFields()).containsExactly(parameter);
    }

    private static void assertTooLarge(HttpResponse<String> response) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(413);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(JSON.readTree(response.body()).path("detail").asText()).contains("nothing was stored");
    }

    private Map<String, Object> patient(String residentId) {
        return Map.of("familyName", "吉克", "givenName", "阿果", "birthDate", "1990-03-03", "sex", "FEMALE",
                "language", "ii", "homeFacilityId", new DemoData(port).facilityId("YS-V1"),
                "identifiers", List.of(Map.of("system", "RESIDENT_ID", "value", residentId)));
    }

    private String openReferral() {
        return new DemoData(port).submitReferral();
    }

    private static String taskOf(ApiClient user, String referral) {
        for (JsonNode task : user.get("/api/tasks").body()) {
            if (task.path("referralId").asText().equals(referral)) {
                return task.path("id").asText();
            }
        }
        throw new AssertionError("no task of referral " + referral + " in the inbox");
    }

    /** What a browser sends for a form another site posts, with the Basic credentials it remembers. */
    private HttpRequest formPost(String path, String contentType, String body) {
        return request(path).header("Content-Type", contentType).header("Origin", "https://elsewhere.example")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(uri(path)).header("Authorization", "Basic "
                + Base64.getEncoder().encodeToString((path.startsWith("/engine-rest") ? "admin:admin" : "coordinator:coordinator")
                        .getBytes(StandardCharsets.UTF_8)));
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private HttpResponse<String> send(HttpRequest request) throws Exception {
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
