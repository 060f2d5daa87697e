package org.carebridge.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.TaskService;
import org.carebridge.ApiClient;
import org.carebridge.DemoData;
import org.carebridge.IntegrationTest;
import org.carebridge.guidelines.Guidelines;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Prometheus's view of CareBridge, as an administrator's scraper sees it: HTTP by URI template, the
 * connection pool, the job executor, open and overdue cases per step as the engine counts them, the
 * ruleset in service; nobody else reads it. And every answer carries its request id.
 */
@IntegrationTest
class AdministratorScrapesMetricsIT {

    /** {@code carebridge_cases_open{application="carebridge",process="referral",step="ReviewReferral"} 3.0} */
    private static final Pattern STEP_ROW = Pattern.compile(
            "(?m)^carebridge_cases_open\\{[^}]*process=\"([^\"]+)\"[^}]*step=\"([^\"]+)\"[^}]*} (\\S+)$");

    @LocalServerPort
    int port;
    @Autowired
    OperationsMeters meters;
    @Autowired
    TaskService tasks;
    @Autowired
    Guidelines guidelines;

    @Test
    void anAdministratorReadsHttpPoolJobCaseAndRulesetMeters() {
        String referral = new DemoData(port).submitReferral();
        assertThat(ApiClient.as(port, "coordinator").get("/api/referrals/" + referral).status()).isEqualTo(200);
        meters.refresh();

        ApiClient.Response scrape = ApiClient.as(port, "admin").get("/actuator/prometheus");

        assertThat(scrape.status()).isEqualTo(200);
        String text = scrape.body().asText();
        assertThat(text).contains("hikaricp_connections_active{", "hikaricp_connections_timeout_total{",
                "http_server_requests_seconds_count{", "carebridge_jobs_due{", "carebridge_jobs_failed{",
                "carebridge_incidents_open{", "carebridge_cases_overdue{", "carebridge_engine_reading_age_seconds{");
        assertThat(text).as("URIs are templates, not one series per patient")
                .contains("uri=\"/api/referrals/{id}\"").doesNotContain(referral);
        assertThat(text).containsPattern("carebridge_ruleset_info\\{[^}]*version=\"" + guidelines.rulesetVersion()
                + "\"[^}]*} 1(\\.0)?\n");
    }

    @Test
    void openCasesPerStepAreWhatTheEngineHoldsAndAStepWithoutCasesReadsZero() {
        new DemoData(port).submitReferral();
        meters.refresh();

        Map<String, Double> perStep = openCasesPerStep(ApiClient.as(port, "admin").get("/actuator/prometheus").body().asText());

        assertThat(perStep).containsKeys("referral/ReviewReferral", "referral/DocumentOutcome", "teleconsult/ConductTeleconsult",
                "record-release/ReviewRelease");
        assertThat(perStep.values().stream().mapToDouble(Double::doubleValue).sum()).isPositive();
        perStep.forEach((step, open) -> {
            String[] key = step.split("/");
            assertThat(open).as(step).isEqualTo((double) tasks.createTaskQuery().processDefinitionKey(key[0])
                    .taskDefinitionKey(key[1]).count());
        });
    }

    @Test
    void otherRolesAreRefusedAndAnonymousMustSignIn() {
        ApiClient.Response coordinator = ApiClient.as(port, "coordinator").get("/actuator/prometheus");
        assertThat(coordinator.status()).isEqualTo(403);
        assertThat(coordinator.isProblem()).isTrue();

        ApiClient.Response anonymous = ApiClient.anonymous(port).get("/actuator/prometheus");
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.isProblem()).isTrue();
        assertThat(anonymous.headers().getFirst("WWW-Authenticate")).startsWith("Basic");

        assertThat(ApiClient.as(port, "admin", "wrong").get("/actuator/prometheus").status()).isEqualTo(401);
        assertThat(ApiClient.anonymous(port).get("/actuator/health/readiness").status()).as("probes stay public")
                .isEqualTo(200);
        assertThat(ApiClient.anonymous(port).get("/actuator/health/liveness").status()).isEqualTo(200);
    }

    @Test
    void eachAnswerCarriesTheProxysRequestIdOrANewOne() {
        ApiClient coordinator = ApiClient.as(port, "coordinator");
        assertThat(coordinator.withHeader("X-Request-Id", "4f6c1d2a9e7b4c01").get("/api/me").headers()
                .getFirst("X-Request-Id")).isEqualTo("4f6c1d2a9e7b4c01");
        String made = coordinator.get("/api/me").headers().getFirst("X-Request-Id");
        assertThat(made).matches("[0-9a-f-]{36}");
        assertThat(coordinator.withHeader("X-Request-Id", "<script>alert(1)</script>").get("/api/me").headers()
                .getFirst("X-Request-Id")).as("not echoed as it came").matches("[0-9a-f-]{36}");
    }

    private static Map<String, Double> openCasesPerStep(String scrape) {
        Map<String, Double> rows = new LinkedHashMap<>();
        Matcher row = STEP_ROW.matcher(scrape);
        while (row.find()) {
            rows.put(row.group(1) + "/" + row.group(2), Double.parseDouble(row.group(3)));
        }
        return rows;
    }
}
