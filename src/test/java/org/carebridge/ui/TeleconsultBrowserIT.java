package org.carebridge.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
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
 * The teleconsult in a real browser: the coordinator requests it from the patient's chart (refused
 * without a reason first); the doctor opens it (session link, the clinic's live vitals), is refused a
 * note without an assessment, then writes the note with a prescription from the inbox, and the
 * teleconsult shows as completed.
 */
@IntegrationTest
class TeleconsultBrowserIT {

    @LocalServerPort
    int port;

    @Test
    void aCoordinatorRequestsATeleconsultFromThePatientsChartAndCancelsItWithAReason() throws Exception {
        UUID patient = new DemoData(port).patientIn("YL");
        ApiClient coordinator = ApiClient.as(port, "coordinator");
        // this visit's vital signs, normal: the teleconsult waits to be scheduled (no emergency escalation)
        Map.of("RESPIRATORY_RATE", 16, "OXYGEN_SATURATION", 97, "SYSTOLIC_BP", 120, "DIASTOLIC_BP", 80,
                "HEART_RATE", 70, "TEMPERATURE", 36.8).forEach((type, value) -> assertThat(coordinator.post(
                "/api/patients/" + patient + "/observations", Map.of("type", type, "value", value)).status())
                .isEqualTo(201));
        long home = coordinator.get("/api/patients/" + patient).body().path("homeFacilityId").asLong();

        String id;
        try (Browser browser = Browser.open(port, "en-US")) {
            browser.signIn("coordinator", "coordinator");
            browser.go("/patients/" + patient);
            browser.waitFor(By.id("demographics"));
            browser.waitFor(By.id("request-teleconsult")).click();
            assertThat(browser.waitFor(By.cssSelector("#field-observations-systolicBp input")).getAttribute("value"))
                    .as("prefilled from the latest visit").isEqualTo("120");
            assertThat(browser.waitFor(By.cssSelector("#field-requestingFacilityId input")).getAttribute("value"))
                    .as("the patient's home facility").isNotBlank();
            pick(browser, "field-specialty", "Internal medicine");
            browser.waitFor(By.id("teleconsult-submit")).click();
            browser.wait.until(d -> d.findElement(By.id("field-reason")).getAttribute("invalid") != null);
            browser.wait.until(d -> d.findElement(By.id("teleconsult-problems")).getText().contains("reason"));
            assertThat(browser.driver.getCurrentUrl()).as("still on the chart").contains("/patients/" + patient);
            browser.screenshot("teleconsult-request-without-reason");

            browser.waitFor(By.cssSelector("#field-reason textarea")).sendKeys("Persistent cough, needs a pulmonary opinion");
            browser.waitFor(By.id("teleconsult-submit")).click();
            browser.wait.until(d -> d.getCurrentUrl().contains("/teleconsults/"));
            assertThat(browser.waitFor(By.id("teleconsult-status")).getText()).isEqualTo("Requested");
            id = browser.driver.getCurrentUrl().replaceAll(".*/teleconsults/", "");
            browser.waitForText("Schedule teleconsult");
            browser.screenshot("teleconsult-requested-from-chart");
        }
        JsonNode created = coordinator.get("/api/teleconsults/" + id).body();
        assertThat(created.path("status").asText()).isEqualTo("REQUESTED");
        assertThat(created.path("patientId").asText()).isEqualTo(patient.toString());
        assertThat(created.path("requestingFacilityId").asLong()).isEqualTo(home);
        assertThat(created.path("specialty").asText()).isEqualTo("INTERNAL_MEDICINE");
        assertThat(created.path("reason").asText()).isEqualTo("Persistent cough, needs a pulmonary opinion");

        try (Browser browser = Browser.open(port, "en-US")) {
            browser.signIn("coordinator", "coordinator");
            browser.go("/teleconsults/" + id);
            browser.waitFor(By.id("cancel-teleconsult")).click();
            browser.waitFor(By.id("cancel-confirm")).click();
            browser.wait.until(d -> d.findElement(By.id("cancel-reason")).getAttribute("invalid") != null);
            assertThat(coordinator.get("/api/teleconsults/" + id).body().path("status").asText())
                    .as("no reason, nothing cancelled").isEqualTo("REQUESTED");
            browser.waitFor(By.cssSelector("#cancel-reason textarea")).sendKeys("The patient came to the hospital himself");
            browser.waitFor(By.id("cancel-confirm")).click();
            browser.wait.until(d -> d.findElement(By.id("teleconsult-status")).getText().equals("Cancelled"));
            browser.screenshot("teleconsult-cancelled");
        }
        assertThat(coordinator.get("/api/teleconsults/" + id).body().path("status").asText()).isEqualTo("CANCELLED");
    }

    @Test
    void theDoctorSeesTheLiveVitalsAndCompletesTheConsultNoteInTheInbox() throws Exception {
        DemoData demo = new DemoData(port);
        UUID patient = demo.patientIn("YL");
        ApiClient coordinator = ApiClient.as(port, "coordinator");
        ApiClient doctorApi = ApiClient.as(port, "doctor");
        long facility = coordinator.get("/api/patients/" + patient).body().path("homeFacilityId").asLong();
        Map<String, Object> request = new HashMap<>();
        request.put("patientId", patient.toString());
        request.put("requestingFacilityId", facility);
        request.put("specialty", "INTERNAL_MEDICINE");
        request.put("reason", "Cough and fever for a week");
        request.put("observations", Map.of("respiratoryRate", 16, "oxygenSaturation", 97, "systolicBp", 120,
                "diastolicBp", 80, "heartRate", 70, "consciousness", "ALERT", "temperature", 36.8));
        ApiClient.Response created = coordinator.post("/api/teleconsults", request);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String id = created.body().path("id").asText();
        schedule(coordinator, id);
        assertThat(coordinator.post("/api/teleconsults/" + id + "/observations", Map.of("heartRate", 88)).status())
                .isEqualTo(200);
        String conduct = null;
        for (JsonNode task : doctorApi.get("/api/tasks").body()) {
            if (task.path("teleconsultId").asText().equals(id)) {
                conduct = task.path("id").asText();
            }
        }
        assertThat(conduct).as("the consult in the doctor's inbox").isNotNull();

        try (Browser browser = Browser.open(port, "en-US")) {
            browser.signIn("doctor", "doctor");
            browser.go("/teleconsults/" + id);
            assertThat(browser.waitFor(By.id("teleconsult-status")).getText()).isEqualTo("Scheduled");
            assertThat(browser.waitFor(By.id("session-link")).getText())
                    .startsWith("https://meet.carebridge.example/teleconsult/");
            assertThat(browser.gridCells("teleconsult-vitals", 2)).anyMatch(c -> c.contains("heartRate 88"));
            browser.screenshot("teleconsult-detail");

            browser.go("/inbox/" + conduct);
            browser.waitFor(By.id("task-title"));
            assertThat(browser.driver.findElement(By.id("task-title")).getText()).startsWith("Conduct teleconsult");
            browser.waitFor(By.id("task-submit")).click();
            browser.wait.until(d -> d.findElement(By.id("field-assessment")).getAttribute("invalid") != null);
            assertThat(doctorApi.get("/api/teleconsults/" + id).body().path("status").asText())
                    .as("nothing changed").isEqualTo("SCHEDULED");

            browser.waitFor(By.cssSelector("#field-subjective textarea")).sendKeys("Cough for a week, no chest pain");
            browser.waitFor(By.cssSelector("#field-assessment textarea")).sendKeys("Acute bronchitis");
            browser.waitFor(By.cssSelector("#field-plan textarea")).sendKeys("Fluids and rest");
            pick(browser, "field-followUp", "None");
            browser.waitFor(By.id("add-drug")).click();
            java.util.List<WebElement> rx = browser.driver.findElements(By.cssSelector("#prescriptions input"));
            browser.wait.until(d -> d.findElements(By.cssSelector("#prescriptions input")).size() >= 4);
            rx = browser.driver.findElements(By.cssSelector("#prescriptions input"));
            rx.get(0).sendKeys("Paracetamol");
            rx.get(1).sendKeys("500 mg");
            rx.get(2).sendKeys("every 6 h");
            rx.get(3).sendKeys("3");
            browser.screenshot("teleconsult-note-form");
            browser.waitFor(By.id("task-submit")).click();
            browser.waitForText("Conduct teleconsult: done.");

            browser.go("/teleconsults/" + id);
            browser.wait.until(d -> d.findElement(By.id("teleconsult-status")).getText().equals("Completed"));
            assertThat(browser.gridCells("teleconsult-timeline", 6)).contains("Note written", "Completed");
            browser.screenshot("teleconsult-completed");
        }
        JsonNode done = coordinator.get("/api/teleconsults/" + id).body();
        assertThat(done.path("note").path("assessment").asText()).isEqualTo("Acute bronchitis");
        assertThat(done.path("note").path("prescriptions").get(0).path("drug").asText()).isEqualTo("Paracetamol");
        assertThat(done.path("note").path("prescriptions").get(0).path("days").asInt()).isEqualTo(3);
    }

    /** Books DR-0001 through the inbox's REST API in a free weekday half-hour some weeks ahead. */
    private void schedule(ApiClient coordinator, String id) {
        String task = null;
        for (JsonNode t : coordinator.get("/api/tasks").body()) {
            if (t.path("teleconsultId").asText().equals(id)) {
                task = t.path("id").asText();
            }
        }
        long doctor = coordinator.get("/api/practitioners?q=DR-0001").body().path("content").get(0).path("id").asLong();
        Random random = new Random();
        for (int attempt = 0; attempt < 30; attempt++) {
            LocalDate day = LocalDate.now().plusDays(1 + random.nextInt(120));
            while (day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY) {
                day = day.plusDays(1);
            }
            ZonedDateTime start = ZonedDateTime.of(day, LocalTime.of(8, 0).plusMinutes(30L * random.nextInt(17)),
                    java.time.ZoneId.of("Asia/Shanghai"));
            ApiClient.Response done = coordinator.post("/api/tasks/" + task + "/complete",
                    Map.of("doctorId", doctor, "start", start.toOffsetDateTime().toString()));
            if (done.status() < 300) {
                return;
            }
        }
        throw new AssertionError("no free slot for DR-0001");
    }

    /** Opens a vaadin-select and clicks the item with that label. */
    private static void pick(Browser browser, String selectId, String label) {
        browser.waitFor(By.id(selectId)).click();
        By items = By.xpath("//vaadin-select-item[not(ancestor::vaadin-select-value-button)]");
        try {
            browser.wait.until(d -> d.findElements(items).stream().anyMatch(i -> i.isDisplayed() && i.getText().equals(label)));
        } catch (org.openqa.selenium.TimeoutException e) {
            throw new AssertionError("items: " + browser.driver.findElements(items).stream()
                    .map(i -> i.getText() + "/" + i.isDisplayed()).toList(), e);
        }
        browser.driver.findElements(items).stream().filter(i -> i.isDisplayed() && i.getText().equals(label))
                .findFirst().orElseThrow().click();
        browser.wait.until(d -> d.findElements(By.cssSelector("vaadin-select-overlay[opened]")).isEmpty());
    }
}
