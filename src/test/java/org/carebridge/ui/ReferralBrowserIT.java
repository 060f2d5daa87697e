package org.carebridge.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import org.carebridge.ApiClient;
import org.carebridge.DemoData;
import org.carebridge.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The referral loop's first steps in a real browser: the coordinator refers a patient from the chart and
 * routes the referral from the inbox; the doctor is refused a decline without a reason, then accepts.
 */
@IntegrationTest
class ReferralBrowserIT {

    @LocalServerPort
    int port;

    @Test
    void newObservationsOnTheReferralPageTurnItIntoAnEmergencyTransfer() throws Exception {
        ApiClient coordinator = ApiClient.as(port, "coordinator");
        DemoData demo = new DemoData(port);
        String patient = coordinator.post("/api/patients", Map.of("familyName", "吉克", "givenName", "阿呷",
                "latinName", "Zz Jike Aga", "birthDate", java.time.LocalDate.now().minusYears(52).toString(),
                "sex", "MALE", "language", "ii", "homeFacilityId", demo.facilityId("YL-T1"))).body().path("id").asText();
        String referral = coordinator.post("/api/referrals", Map.of("patientId", patient, "referringFacilityId",
                demo.facilityId("YL-T1"), "reason", "Cough for two weeks", "observations", Map.of("respiratoryRate", 18,
                        "oxygenSaturation", 96, "heartRate", 80))).body().path("id").asText();
        try (Browser browser = Browser.open(port, "en-US")) {
            browser.signIn("coordinator", "coordinator");
            browser.go("/referrals/" + referral);
            browser.waitForText("Review referral");
            browser.waitFor(By.id("new-observations")).click();
            browser.waitFor(By.cssSelector("#field-oxygenSaturation input")).sendKeys("85");
            browser.waitFor(By.cssSelector("#field-heartRate input")).sendKeys("140");
            browser.waitFor(By.cssSelector("#field-respiratoryRate input")).sendKeys("30");
            browser.waitFor(By.id("observations-send")).click();
            browser.waitForText("Arrange emergency transfer");
            assertThat(browser.driver.findElement(By.id("open-tasks")).getText()).doesNotContain("Review referral");
            assertThat(browser.gridCells("referral-timeline", 4)).anyMatch(c -> c.contains("straight to the emergency transfer"));
            browser.screenshot("referral-became-emergency");
        }
        assertThat(coordinator.get("/api/referrals/" + referral).body().path("urgency").asText()).isEqualTo("EMERGENCY");
    }

    @Test
    void inChineseTheReferralPageItsTimelineAndTheInboxSummaryHaveNoLatinWordsButCodesNamesAndUnits() throws Exception {
        ApiClient coordinator = ApiClient.as(port, "coordinator");
        DemoData demo = new DemoData(port);
        String patient = coordinator.post("/api/patients", Map.of("familyName", "阿牛", "givenName", "木呷",
                "latinName", "Zz Aniu Muga", "birthDate", java.time.LocalDate.now().minusYears(61).toString(),
                "sex", "FEMALE", "language", "ii", "homeFacilityId", demo.facilityId("YL-T1"))).body().path("id").asText();
        String referral = coordinator.post("/api/referrals", Map.of("patientId", patient, "referringFacilityId",
                demo.facilityId("YL-T1"), "reason", "反复胸闷两周", "requestedSpecialty", "INTERNAL_MEDICINE",
                "observations", Map.of("respiratoryRate", 20, "oxygenSaturation", 95, "heartRate", 96,
                        "systolicBp", 162, "diastolicBp", 100, "temperature", 36.9))).body().path("id").asText();
        String review = null;
        for (JsonNode task : coordinator.get("/api/tasks").body()) {
            if (task.path("referralId").asText().equals(referral)) {
                review = task.path("id").asText();
            }
        }
        ApiClient.Response routed = coordinator.post("/api/tasks/" + review + "/complete", Map.of("decision", "ROUTE",
                "doctorId", String.valueOf(demo.practitionerId("DR-0001")), "urgency", "URGENT", "specialty",
                "INTERNAL_MEDICINE", "reason", "血压偏高，尽快就诊"));
        assertThat(routed.status()).as(routed.toString()).isEqualTo(204);

        try (Browser browser = Browser.open(port, "zh-CN")) {
            browser.signIn("coordinator", "coordinator");
            browser.go("/referrals/" + referral);
            browser.waitFor(By.id("referral-timeline"));
            String page = browser.driver.findElement(By.tagName("body")).getText() + " "
                    + String.join(" ", browser.gridCells("referral-timeline", 8));
            assertThat(page).contains("分配给").contains("DR-0001").contains("紧急").contains("内科");
            // FHIR's task status is a code of its value set, shown as such beside CareBridge's status
            JsonNode read = coordinator.get("/api/referrals/" + referral).body();
            List<String> fhirCodes = List.of(read.path("fhirStatus").asText(), read.path("fhirBusinessStatus").asText());
            assertThat(Browser.latinWords(page, fhirCodes)).as("Latin words on the referral page").isEmpty();
            assertThat(page).doesNotContainPattern("\\d{4}-\\d\\d-\\d\\dT\\d\\d:");
            browser.screenshot("referral-page-in-chinese");
        }
        String accept = null;
        ApiClient doctor = ApiClient.as(port, "doctor");
        for (JsonNode task : doctor.get("/api/tasks").body()) {
            if (task.path("referralId").asText().equals(referral)) {
                accept = task.path("id").asText();
            }
        }
        try (Browser browser = Browser.open(port, "zh-CN")) {
            browser.signIn("doctor", "doctor");
            browser.go("/inbox/" + accept);
            browser.waitFor(By.id("task-title"));
            String summary = browser.waitFor(By.className("referral-summary")).getText();
            assertThat(summary).contains("分配给").contains("DR-0001");
            assertThat(Browser.latinWords(summary)).as("Latin words in the inbox summary").isEmpty();
            assertThat(Browser.latinWords(String.join(" ", browser.gridCells("task-grid", 0))))
                    .as("Latin words in the inbox rows").isEmpty();
            browser.screenshot("inbox-summary-in-chinese");
        }
    }

    @Test
    void aCoordinatorRefersAndRoutesAPatientAndTheDoctorAcceptsInTheInbox() throws Exception {
        UUID patient = new DemoData(port).patientIn("YL");
        ApiClient coordinator = ApiClient.as(port, "coordinator");
        // this visit's vital signs, normal: a routine referral the coordinator reviews (no emergency transfer)
        Map.of("RESPIRATORY_RATE", 16, "OXYGEN_SATURATION", 97, "SYSTOLIC_BP", 120, "DIASTOLIC_BP", 80,
                "HEART_RATE", 70, "TEMPERATURE", 36.8).forEach((type, value) -> assertThat(coordinator.post(
                "/api/patients/" + patient + "/observations", Map.of("type", type, "value", value)).status())
                .isEqualTo(201));
        JsonNode record = coordinator.get("/api/patients/" + patient).body();
        String name = record.path("latinName").asText().split(" ")[0].toUpperCase();

        UUID referral;
        try (Browser browser = Browser.open(port, "en-US")) {
            browser.signIn("coordinator", "coordinator");
            browser.go("/patients/" + patient);
            browser.waitFor(By.id("demographics"));
            browser.waitFor(By.id("refer")).click();
            assertThat(browser.waitFor(By.cssSelector("#field-observations-systolicBp input")).getAttribute("value"))
                    .as("prefilled from the latest visit").isEqualTo("120");
            pick(browser, "field-requestedSpecialty", "Internal medicine");
            browser.waitFor(By.cssSelector("#field-reason textarea")).sendKeys("Fatigue and weight loss for three months");
            browser.screenshot("referral-refer-dialog");
            browser.waitFor(By.id("refer-submit")).click();

            WebElement status = browser.waitFor(By.id("referral-status"));
            assertThat(status.getText()).isEqualTo("Requested");
            referral = UUID.fromString(browser.driver.getCurrentUrl().replaceAll(".*/referrals/", ""));
            assertThat(browser.driver.findElement(By.id("fhir-status")).getText()).contains("requested");
            browser.waitForText("Review referral");
            browser.screenshot("referral-requested");

            browser.waitFor(By.linkText("Work on it")).click();
            browser.waitFor(By.id("task-title"));
            assertThat(browser.driver.findElement(By.id("task-case")).getAttribute("href")).endsWith("/referrals/" + referral);
            assertThat(browser.gridCells("task-grid", 1)).contains("Review referral");
            pick(browser, "field-specialty", "Internal medicine");
            WebElement doctor = browser.waitFor(By.cssSelector("#field-doctorId input"));
            doctor.sendKeys("DR-0001");
            browser.wait.until(d -> d.findElements(By.cssSelector("vaadin-combo-box-item")).stream()
                    .anyMatch(item -> item.isDisplayed() && item.getText().contains("DR-0001")));
            browser.driver.findElements(By.cssSelector("vaadin-combo-box-item")).stream()
                    .filter(item -> item.isDisplayed() && item.getText().contains("DR-0001")).findFirst().orElseThrow()
                    .click();
            browser.waitFor(By.cssSelector("#field-reason textarea")).sendKeys("Internal medicine sees this first");
            browser.screenshot("referral-review-form");
            browser.waitFor(By.id("task-submit")).click();
            browser.waitForText("Review referral: done.");

            browser.go("/referrals");
            browser.waitFor(By.id("count-RECEIVED")).click();
            browser.wait.until(d -> browser.gridCells("referral-grid", 4).stream().noneMatch(c -> c.equals("Requested")));
            assertThat(browser.gridCells("referral-grid", 4)).contains("Received").doesNotContain("Requested");
            browser.screenshot("referral-board");
        }
        assertThat(coordinator.get("/api/referrals/" + referral).body().path("status").asText()).isEqualTo("RECEIVED");

        try (Browser browser = Browser.open(port, "en-US")) {
            browser.signIn("doctor", "doctor");
            browser.go("/inbox");
            List<String> cells = browser.gridCells("task-grid", 2);
            assertThat(cells).contains("Accept referral").anyMatch(c -> c.startsWith(name));
            // the doctor may hold other tasks of this patient: open the one of this referral
            String acceptTask = null;
            for (JsonNode task : ApiClient.as(port, "doctor").get("/api/tasks").body()) {
                if (task.path("referralId").asText().equals(referral.toString())) {
                    acceptTask = task.path("id").asText();
                }
            }
            assertThat(acceptTask).as("the referral's task in the doctor's inbox").isNotNull();
            browser.go("/inbox/" + acceptTask);
            browser.waitFor(By.id("task-title"));
            assertThat(browser.driver.findElement(By.id("task-title")).getText()).startsWith("Accept referral");

            choose(browser, "field-decision", "Decline");
            browser.waitFor(By.id("task-submit")).click();
            browser.wait.until(d -> d.findElement(By.id("field-reason")).getAttribute("invalid") != null);
            browser.waitForText("is required to decline");
            browser.screenshot("referral-decline-without-reason");
            assertThat(ApiClient.as(port, "doctor").get("/api/referrals/" + referral).body().path("status").asText())
                    .as("nothing changed").isEqualTo("RECEIVED");

            choose(browser, "field-decision", "Accept");
            browser.waitFor(By.id("task-submit")).click();
            browser.waitForText("Accept referral: done.");

            browser.go("/referrals/" + referral);
            browser.wait.until(d -> d.findElement(By.id("referral-status")).getText().equals("Accepted"));
            List<String> timeline = browser.gridCells("referral-timeline", 6);
            assertThat(timeline).contains("Submitted", "Routed", "Accepted");
            assertThat(timeline).anyMatch(c -> c.contains("DR-0001"));
            browser.screenshot("referral-accepted");
        }
    }

    /** Opens a vaadin-select and clicks the item with that label. */
    private static void pick(Browser browser, String selectId, String label) {
        browser.waitFor(By.id(selectId)).click();
        // not the copy of the chosen item that the select shows as its value
        By items = By.xpath("//vaadin-select-item[not(ancestor::vaadin-select-value-button)]");
        browser.wait.until(d -> d.findElements(items).stream().anyMatch(i -> i.isDisplayed() && i.getText().equals(label)));
        browser.driver.findElements(items).stream().filter(i -> i.isDisplayed() && i.getText().equals(label))
                .findFirst().orElseThrow().click();
        browser.wait.until(d -> d.findElements(By.cssSelector("vaadin-select-overlay[opened]")).isEmpty());
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
