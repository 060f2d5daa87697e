package org.carebridge.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.carebridge.ApiClient;
import org.carebridge.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The staff UI in a real browser: sign in, find a patient, read the chart, in both languages. */
@IntegrationTest
class PatientChartBrowserIT {

    @LocalServerPort
    int port;

    @Test
    void aCoordinatorFindsAPatientAndReadsTheirObservationsAndTrends() throws Exception {
        JsonNode patient = ApiClient.as(port, "coordinator").get("/api/patients?size=1&sort=birthDate,desc").body()
                .path("content").get(0);
        String residentId = patient.path("identifiers").get(0).path("value").asText();
        String family = patient.path("latinName").asText().split(" ")[0].toUpperCase();

        try (Browser browser = Browser.open(port, "en-US")) {
            browser.signIn("coordinator", "coordinator");
            browser.go("/patients");
            WebElement search = browser.waitFor(By.cssSelector("#patient-search input"));
            search.sendKeys(residentId, Keys.ENTER);
            browser.wait.until(d -> browser.gridCells("patient-grid", 1).stream().anyMatch(c -> c.startsWith(family)));
            List<String> row = browser.gridCells("patient-grid", 1);
            assertThat(row).anyMatch(c -> c.startsWith(residentId.substring(0, 6)) && c.contains("********"));

            browser.driver.findElements(By.cssSelector("#patient-grid vaadin-grid-cell-content")).stream()
                    .filter(c -> c.getText().startsWith(family)).findFirst().orElseThrow().click();
            browser.waitFor(By.id("demographics"));
            assertThat(browser.driver.findElement(By.id("demographics")).getText()).contains(residentId);
            List<String> observations = browser.gridCells("observation-grid", 4);
            assertThat(observations).anyMatch(c -> c.equals("Pulse") || c.equals("Respiration rate"));
            assertThat(observations).anyMatch(c -> c.endsWith("/min"));
            browser.screenshot("patient-chart-observations");

            browser.openTab("Trends");
            WebElement chart = browser.waitFor(By.cssSelector("#trend-chart svg"));
            assertThat(chart.findElements(By.tagName("polyline"))).isNotEmpty();
            Path screenshot = browser.screenshot("patient-chart");
            assertThat(Files.size(screenshot)).isGreaterThan(10_000);
        }
    }

    @Test
    void aDoctorAssessesAPatientFromTheChartAndReadsWhy() throws Exception {
        String patient = new org.carebridge.DemoData(port).patientIn("YL").toString();
        ApiClient.as(port, "doctor").post("/api/patients/" + patient + "/observations",
                java.util.Map.of("type", "RESPIRATORY_RATE", "value", 27));
        try (Browser browser = Browser.open(port, "en-US")) {
            browser.signIn("doctor", "doctor");
            browser.go("/patients/" + patient);
            browser.waitFor(By.id("demographics"));
            browser.openTab("Assess");
            // the chart's header and flowsheet sit above the tabs: bring the form into view
            WebElement infection = browser.waitFor(By.xpath("//vaadin-checkbox[contains(., 'Infection')]"));
            browser.script("arguments[0].scrollIntoView({block: 'center'})", infection);
            infection.click();
            browser.script("arguments[0].scrollIntoView({block: 'center'})", browser.waitFor(By.id("assess")));
            browser.waitFor(By.id("assess")).click();
            WebElement urgency = browser.waitFor(By.id("urgency"));
            assertThat(urgency.getText()).isIn("Emergency", "Urgent", "Soon", "Routine");
            assertThat(browser.driver.findElement(By.id("assessment")).getText()).contains("NEWS2").contains("qSOFA");
            List<String> findings = browser.gridCells("findings", 2);
            assertThat(findings).anyMatch(c -> c.contains("Respiration rate 27/min"));
            browser.screenshot("patient-assessment");
        }
        JsonNode stored = ApiClient.as(port, "doctor").get("/api/patients/" + patient + "/assessments").body();
        assertThat(stored.get(0).path("request").path("suspectedConditions").toString()).contains("INFECTION");
    }

    @Test
    void aDoctorAssessingAPregnantWomanInShockReadsMeowsInChinese() throws Exception {
        org.carebridge.DemoData demo = new org.carebridge.DemoData(port);
        java.time.LocalDate born = java.time.LocalDate.now().minusYears(29);
        String patient = ApiClient.as(port, "coordinator").post("/api/patients", java.util.Map.of("familyName", "阿西",
                "givenName", "木呷", "latinName", "Zz Axi Muga", "birthDate", born.toString(), "sex", "FEMALE", "language", "ii",
                "homeFacilityId", demo.facilityId("YL-T1"))).body().path("id").asText();
        ApiClient doctor = ApiClient.as(port, "doctor");
        java.util.Map.of("SYSTOLIC_BP", 80, "HEART_RATE", 140, "RESPIRATORY_RATE", 30, "OXYGEN_SATURATION", 85)
                .forEach((type, value) -> assertThat(doctor.post("/api/patients/" + patient + "/observations",
                        java.util.Map.of("type", type, "value", value)).status()).isEqualTo(201));
        try (Browser browser = Browser.open(port, "zh-CN")) {
            browser.signIn("doctor", "doctor");
            browser.go("/patients/" + patient);
            browser.waitFor(By.id("demographics"));
            browser.openTab("评估");
            browser.waitFor(By.id("assess-pregnant")).click();
            browser.waitFor(By.xpath("//vaadin-select-item[contains(., '是')]")).click();
            browser.waitFor(By.id("assess")).click();
            assertThat(browser.waitFor(By.id("urgency")).getText()).isEqualTo("急诊");
            assertThat(browser.driver.findElement(By.id("assessment")).getText()).contains("产科");
            assertThat(browser.waitFor(By.id("meows")).getText()).contains("已触发").contains("血氧饱和度");
            List<String> findings = browser.gridCells("findings", 3);
            assertThat(findings).anyMatch(c -> c.contains("MEOWS 红色")).anyMatch(c -> c.contains("妊娠期不使用 NEWS2"))
                    .anyMatch(c -> c.contains("MEOWS（Singh 等，2012）"));
            browser.screenshot("patient-assessment-meows-zh");
        }
        // the answer given at the assessment is kept in the chart
        assertThat(doctor.get("/api/patients/" + patient + "/observations?type=PREGNANCY_STATUS").body().toString())
                .contains("true");
    }

    @Test
    void aChartSaysPlainlyThatItsPatientWasNeverAssessed() throws Exception {
        String patient = registerAdult("Zz Ahei Bu");
        try (Browser browser = Browser.open(port, "zh-CN")) {
            browser.signIn("coordinator", "coordinator");
            browser.go("/patients/" + patient);
            assertThat(browser.waitFor(By.id("chart-not-assessed")).getText()).isEqualTo("尚未评估");
            assertThat(browser.driver.findElements(By.id("chart-urgency"))).isEmpty();
            assertThat(browser.driver.findElement(By.id("open-cases")).getText()).contains("无进行中的转诊");
            assertThat(browser.driver.findElement(By.id("flowsheet")).getText()).contains("暂无生命体征记录");
        }
    }

    @Test
    void theChartHeaderShowsTheLatestTriageTheOpenReferralAndTheFlowsheetMarksValuesOutOfBand() throws Exception {
        org.carebridge.DemoData demo = new org.carebridge.DemoData(port);
        String patient = registerAdult("Zz Jike Lazi");
        ApiClient doctor = ApiClient.as(port, "doctor");
        // NEWS2: respiration 27 scores 3 (red), pulse 100 scores 1 (amber), the rest 0: low-medium risk
        java.util.Map.of("RESPIRATORY_RATE", 27, "HEART_RATE", 100, "TEMPERATURE", 37.0, "SYSTOLIC_BP", 124,
                "OXYGEN_SATURATION", 97).forEach((type, value) -> assertThat(doctor.post("/api/patients/" + patient
                        + "/observations", java.util.Map.of("type", type, "value", value)).status()).isEqualTo(201));
        String referral = ApiClient.as(port, "coordinator").post("/api/referrals", java.util.Map.of("patientId", patient,
                "referringFacilityId", demo.facilityId("YL-T1"), "reason", "气促三天",
                "observations", java.util.Map.of("respiratoryRate", 27, "heartRate", 100))).body().path("id").asText();
        JsonNode assessed = doctor.post("/api/patients/" + patient + "/assessments", java.util.Map.of()).body();
        String urgency = assessed.path("result").path("urgency").asText();
        assertThat(assessed.path("result").path("news2").path("risk").asText()).isEqualTo("LOW_MEDIUM");

        try (Browser browser = Browser.open(port, "zh-CN")) {
            browser.signIn("coordinator", "coordinator");
            browser.go("/patients/" + patient);
            WebElement badge = browser.waitFor(By.id("chart-urgency"));
            assertThat(badge.getText()).isEqualTo(java.util.Map.of("EMERGENCY", "急诊", "URGENT", "紧急", "SOON", "尽快",
                    "ROUTINE", "常规").get(urgency));
            assertThat(browser.driver.findElement(By.id("chart-specialty")).getText()).isNotBlank()
                    .doesNotContainPattern("[A-Za-z]");
            WebElement score = browser.driver.findElement(By.id("chart-score"));
            assertThat(score.getText()).startsWith("NEWS2 4 分").contains("低-中风险");
            assertThat(score.getAttribute("data-band")).isEqualTo("amber");
            assertThat(browser.driver.findElement(By.id("chart-assessed-at")).getText()).contains("李明")
                    .doesNotContain("T0").doesNotContain("Z");

            WebElement cases = browser.driver.findElement(By.id("open-cases"));
            assertThat(cases.getText()).contains("转诊");
            assertThat(cases.findElement(By.cssSelector("a[href*='referrals/" + referral + "']")).getText())
                    .startsWith("转诊");

            WebElement rate = browser.driver.findElement(
                    By.cssSelector("#flowsheet tr[data-parameter='respiratoryRate'] td[data-band='red']"));
            assertThat(rate.getText()).isEqualTo("27");
            assertThat(rate.getAttribute("title")).contains("李明").doesNotContain("doctor");
            assertThat(browser.driver.findElements(
                    By.cssSelector("#flowsheet tr[data-parameter='heartRate'] td[data-band='amber']"))).isNotEmpty();
            assertThat(browser.driver.findElement(By.cssSelector("#flowsheet tr[data-parameter='temperature'] td[data-band]"))
                    .getAttribute("data-band")).isEqualTo("normal");
            assertThat(browser.driver.findElement(By.cssSelector("#flowsheet tr[data-parameter='respiratoryRate'] th"))
                    .getText()).isEqualTo("呼吸频率 (/min)");
            browser.screenshot("patient-chart-at-a-glance-zh");

            // the Assess tab opens on the assessment in the record, with its findings
            browser.openTab("评估");
            assertThat(browser.waitFor(By.id("urgency")).getText()).isEqualTo(badge.getText());
            assertThat(browser.gridCells("findings", 2)).anyMatch(c -> c.contains("27"));
        }
    }

    private String registerAdult(String latinName) {
        String[] han = {"吉克", "拉子"};
        return ApiClient.as(port, "coordinator").post("/api/patients", java.util.Map.of("familyName", han[0],
                "givenName", han[1], "latinName", latinName, "birthDate", java.time.LocalDate.now().minusYears(58).toString(),
                "sex", "MALE", "language", "ii", "homeFacilityId", new org.carebridge.DemoData(port).facilityId("YL-T1")))
                .body().path("id").asText();
    }

    @Test
    void theUiSpeaksChineseToAChineseBrowserAndSwitchesToEnglish() throws Exception {
        try (Browser browser = Browser.open(port, "zh-CN")) {
            browser.signIn("coordinator", "coordinator");
            browser.waitForText("患者");
            browser.waitForText("协调员");
            browser.driver.findElement(By.cssSelector("vaadin-select")).click();
            browser.waitFor(By.xpath("//vaadin-select-item[contains(., 'English')]")).click();
            browser.waitForText("Patients");
            browser.waitForText("Coordinator");
            browser.go("/patients");
            browser.waitForText("patients");
            browser.screenshot("patient-list-english");
        }
    }

    @Test
    void theNavigationShowsOnlyWhatTheRoleMayOpen() throws Exception {
        try (Browser browser = Browser.open(port, "en-US")) {
            browser.signIn("planner", "planner");
            browser.waitForText("Care network");
            assertThat(browser.driver.findElement(By.tagName("vaadin-side-nav")).getText())
                    .contains("Care network").doesNotContain("Patients").doesNotContain("Audit log");
            browser.go("/patients");
            browser.waitForText("Could not navigate");
        }
    }

    @Test
    void onlyAnAdministratorOpensCamundasCockpit() throws Exception {
        try (Browser browser = Browser.open(port, "en-US")) {
            browser.signIn("coordinator", "coordinator");
            browser.go("/camunda/app/cockpit/default/");
            browser.waitForText("403");
        }
        try (Browser browser = Browser.open(port, "en-US")) {
            browser.signIn("admin", "admin");
            browser.go("/camunda/app/cockpit/default/");
            browser.wait.until(d -> d.getTitle().contains("Cockpit"));
            browser.waitForText("Processes");
            // Camunda's own checks grant the admins' group reading the definitions
            browser.go("/camunda/app/cockpit/default/#/processes");
            browser.waitForText("Closed-loop referral");
        }
    }
}
