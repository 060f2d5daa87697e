package org.carebridge.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import org.carebridge.ApiClient;
import org.carebridge.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The records officer's review in the inbox: refused to deny without a reason, then approves; the
 * requester sees the release with its consent reasons and the download; the consent is in the chart.
 */
@IntegrationTest
class RecordReleaseBrowserIT {

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aRecordsOfficerApprovesAConsentedReleaseInTheInbox() throws Exception {
        // a county patient without consents yet; the county hospital holds the records, the prefecture hospital asks
        UUID patient = jdbc.queryForObject("select p.id from patient p join facility f on f.id = p.home_facility_id"
                + " join region r on r.id = f.region_id where r.code = 'YS' and not exists"
                + " (select 1 from patient_consent c where c.patient_id = p.id) order by p.id limit 1", UUID.class);
        long clinic = jdbc.queryForObject("select id from facility where code = 'YL-CH'", Long.class);
        long hospital = jdbc.queryForObject("select id from facility where code = 'YL-PH'", Long.class);
        ApiClient coordinator = ApiClient.as(port, "coordinator");
        assertThat(coordinator.post("/api/patients/" + patient + "/consents", Map.of("grantee", hospital,
                "purposes", List.of("CONTINUING_CARE"), "scope", List.of("OBSERVATIONS", "ENCOUNTERS"),
                "validFrom", LocalDate.now().minusDays(1).toString(), "decision", "PERMIT",
                "evidence", "Signed at registration")).status()).isEqualTo(201);
        JsonNode request = ApiClient.as(port, "doctor").post("/api/record-requests", Map.of("patientId", patient,
                "fromFacilityId", clinic, "toFacilityId", hospital, "purpose", "CONTINUING_CARE",
                "scope", List.of("OBSERVATIONS"))).body();
        String id = request.path("id").asText();
        String task = null;
        for (JsonNode t : ApiClient.as(port, "records").get("/api/tasks").body()) {
            if (t.path("recordRequestId").asText().equals(id)) {
                task = t.path("id").asText();
            }
        }
        assertThat(task).as("the review in the records officer's inbox").isNotNull();

        try (Browser browser = Browser.open(port, "en-US")) {
            browser.signIn("records", "records");
            browser.go("/inbox/" + task);
            browser.waitFor(By.id("task-title"));
            assertThat(browser.driver.findElement(By.id("task-title")).getText()).startsWith("Review record release");
            assertThat(browser.driver.findElement(By.id("task-case")).getAttribute("href")).endsWith("/record-requests/" + id);
            browser.waitForText("An active PERMIT naming the receiver");

            choose(browser, "field-approve", "Deny");
            browser.waitFor(By.id("task-submit")).click();
            browser.wait.until(d -> d.findElement(By.id("field-reason")).getAttribute("invalid") != null);
            browser.waitForText("is required to deny a release");
            browser.screenshot("record-release-deny-without-reason");
            assertThat(ApiClient.as(port, "records").get("/api/record-requests/" + id).body().path("status").asText())
                    .as("nothing changed").isEqualTo("UNDER_REVIEW");

            choose(browser, "field-approve", "Approve");
            browser.waitFor(By.id("task-submit")).click();
            browser.waitForText("Review record release: done.");
        }

        try (Browser browser = Browser.open(port, "en-US")) {
            browser.signIn("coordinator", "coordinator");
            browser.go("/record-requests/" + id);
            browser.wait.until(d -> d.findElement(By.id("request-status")).getText().startsWith("Released"));
            assertThat(browser.driver.findElement(By.id("consent-outcome")).getText()).isEqualTo("Permitted");
            assertThat(browser.driver.findElement(By.id("consent-reasons")).getText()).contains("PERMIT");
            assertThat(browser.waitFor(By.id("download-bundle")).getAttribute("href")).isNotBlank();
            assertThat(browser.gridCells("record-request-timeline", 8)).contains("Requested", "Consent decided", "Approved", "Released");
            browser.screenshot("record-request-released");

            browser.go("/record-requests");
            assertThat(browser.gridCells("record-requests", 6)).contains("Released");

            browser.go("/patients/" + patient);
            browser.waitFor(By.id("demographics"));
            browser.openTab("Consents (1)");
            assertThat(browser.gridCells("consent-grid", 3)).contains("Permit", "Signed at registration");
            browser.screenshot("patient-consents");
        }
    }

    /** Clicks the radio button with that label in a vaadin-radio-group. */
    private static void choose(Browser browser, String groupId, String label) {
        browser.waitFor(By.id(groupId));
        browser.wait.until(d -> d.findElements(By.cssSelector("#" + groupId + " vaadin-radio-button")).stream()
                .anyMatch(b -> b.getText().equals(label)));
        browser.driver.findElements(By.cssSelector("#" + groupId + " vaadin-radio-button")).stream()
                .filter(b -> b.getText().equals(label)).findFirst().orElseThrow().click();
    }
}
