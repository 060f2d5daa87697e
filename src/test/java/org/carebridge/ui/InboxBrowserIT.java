package org.carebridge.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.carebridge.ApiClient;
import org.carebridge.DemoData;
import org.carebridge.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The task inbox as a village doctor or coordinator reads it: on a phone 360 px wide, the list above and
 * the form below with nothing to scroll sideways; in Chinese, rows with no English word, raw enum name or
 * UTC timestamp in them.
 */
@IntegrationTest
class InboxBrowserIT {

    @LocalServerPort
    int port;

    @Test
    void onAPhone360PixelsWideTheFormOfTheChosenTaskIsBelowTheListAndNothingScrollsSideways() throws Exception {
        String task = reviewTaskOfANewReferral("沙马", "阿果", "Shama Aguo");
        try (Browser browser = Browser.open(port, "zh-CN")) {
            browser.phoneViewport(360, 740);
            browser.signIn("coordinator", "coordinator");
            browser.go("/inbox");
            browser.waitFor(By.id("task-grid"));
            assertThat(browser.script("return window.innerWidth")).as("the page is laid out for the phone")
                    .isEqualTo(360L);
            assertThat(browser.driver.findElement(By.tagName("vaadin-app-layout")).getAttribute("overlay"))
                    .as("the drawer opens over the page").isNotNull();
            browser.waitFor(By.cssSelector("#task-grid .task-card > div")).click(); // one card per task on a phone
            browser.waitFor(By.id("task-title"));
            browser.wait.until(d -> browser.driver.getCurrentUrl().matches(".*/inbox/.+"));
            assertFormBelowListAndNoSidewaysScroll(browser);

            browser.go("/inbox/" + task); // the review form: specialty, doctor, reason
            browser.wait.until(d -> d.findElement(By.id("task-title")).getText().contains("沙马阿果"));
            browser.waitFor(By.id("task-submit"));
            assertFormBelowListAndNoSidewaysScroll(browser);
            assertThat((Boolean) browser.script("const r = document.getElementById('task-title').getBoundingClientRect();"
                    + "return r.top >= 0 && r.bottom <= window.innerHeight")).as("the form is brought into view").isTrue();
            browser.screenshot("inbox-phone-360");
        }
    }

    @Test
    void onAPhoneTheReferralPageAndItsTimelineNeedNoSidewaysScroll() throws Exception {
        String task = reviewTaskOfANewReferral("吉木", "阿依", "Jimu Ayi");
        String referral = null;
        for (JsonNode open : ApiClient.as(port, "coordinator").get("/api/tasks").body()) {
            if (open.path("id").asText().equals(task)) {
                referral = open.path("referralId").asText();
            }
        }
        try (Browser browser = Browser.open(port, "zh-CN")) {
            browser.phoneViewport(360, 740);
            browser.signIn("coordinator", "coordinator");
            browser.go("/referrals/" + referral);
            browser.waitFor(By.cssSelector("#referral-timeline vaadin-grid-cell-content"));
            // one card per entry: when, step and who above what it says
            browser.wait.until(d -> browser.gridCells("referral-timeline", 1).stream().anyMatch(c -> c.contains("提交")
                    && c.contains("协调员 周敏") && c.contains("Chest pain on exertion")));
            assertNothingWiderThanThePhone(browser);
            browser.screenshot("referral-phone-360");
        }
    }

    @Test
    void onAPhoneTheTeleconsultAndRecordRequestPagesNeedNoSidewaysScroll() throws Exception {
        ApiClient coordinator = ApiClient.as(port, "coordinator");
        DemoData demo = new DemoData(port);
        String patient = coordinator.post("/api/patients", Map.of("familyName", "勒格", "givenName", "阿支",
                "latinName", "Lege Azhi", "birthDate", LocalDate.now().minusYears(39).toString(), "sex", "FEMALE",
                "language", "ii", "homeFacilityId", demo.facilityId("YL-CH"))).body().path("id").asText();
        ApiClient.Response teleconsult = coordinator.post("/api/teleconsults", Map.of("patientId", patient,
                "requestingFacilityId", demo.facilityId("YL-T1"), "specialty", "INTERNAL_MEDICINE",
                "reason", "咳嗽发热一周", "observations", Map.of("respiratoryRate", 18, "oxygenSaturation", 97)));
        assertThat(teleconsult.status()).as(teleconsult.toString()).isEqualTo(201);
        ApiClient.Response request = ApiClient.as(port, "doctor").post("/api/record-requests", Map.of("patientId", patient,
                "fromFacilityId", demo.facilityId("YL-CH"), "toFacilityId", demo.facilityId("YL-PH"),
                "purpose", "CONTINUING_CARE", "scope", List.of("ENCOUNTERS", "OBSERVATIONS")));
        assertThat(request.status()).as(request.toString()).isEqualTo(201);

        try (Browser browser = Browser.open(port, "zh-CN")) {
            browser.phoneViewport(360, 740);
            browser.signIn("coordinator", "coordinator");
            browser.go("/teleconsults/" + teleconsult.body().path("id").asText());
            browser.waitFor(By.cssSelector("#teleconsult-timeline vaadin-grid-cell-content"));
            assertNothingWiderThanThePhone(browser);
            browser.screenshot("teleconsult-phone-360");
            browser.go("/record-requests/" + request.body().path("id").asText());
            browser.waitFor(By.cssSelector("#record-request-timeline vaadin-grid-cell-content"));
            assertNothingWiderThanThePhone(browser);
            browser.screenshot("record-request-phone-360");
        }
    }

    private static void assertNothingWiderThanThePhone(Browser browser) {
        assertThat((Boolean) browser.script("return document.documentElement.scrollWidth <= window.innerWidth"))
                .as("the page needs no sideways scroll").isTrue();
        assertThat(browser.script("return [...document.querySelectorAll('vaadin-grid')]"
                + ".filter(g => g.$.table.scrollWidth > g.$.table.clientWidth + 1).map(g => g.id)"))
                .as("grids wider than the phone").isEqualTo(List.of());
    }

    @Test
    void inChineseTheInboxRowsHoldNoLatinWordsNorRawTimestamps() throws Exception {
        reviewTaskOfANewReferral("阿苏", "拉则", "Asu Laze");
        try (Browser browser = Browser.open(port, "zh-CN")) {
            browser.signIn("coordinator", "coordinator");
            browser.go("/inbox");
            List<String> cells = browser.gridCells("task-grid", 5);
            assertThat(cells).contains("审核转诊", "阿苏拉则").anyMatch(c -> c.matches("急诊|紧急|尽快|常规"));
            String rows = String.join("\n", cells);
            assertThat(Browser.latinWords(rows)).as("Latin words in the inbox rows").isEmpty();
            assertThat(rows).doesNotContainPattern("\\d{4}-\\d\\d-\\d\\dT\\d\\d:");
            browser.screenshot("inbox-zh");
        }
    }

    /** A patient of that name referred with this visit's vital signs; the id of the coordinator's review task. */
    private String reviewTaskOfANewReferral(String familyName, String givenName, String latinName) {
        ApiClient coordinator = ApiClient.as(port, "coordinator");
        DemoData demo = new DemoData(port);
        String patient = coordinator.post("/api/patients", Map.of("familyName", familyName, "givenName", givenName,
                "latinName", latinName, "birthDate", LocalDate.now().minusYears(47).toString(), "sex", "FEMALE",
                "language", "ii", "homeFacilityId", demo.facilityId("YL-T1"))).body().path("id").asText();
        String referral = coordinator.post("/api/referrals", Map.of("patientId", patient, "referringFacilityId",
                demo.facilityId("YL-T1"), "reason", "Chest pain on exertion", "observations", Map.of("respiratoryRate", 18,
                        "oxygenSaturation", 97, "heartRate", 84, "systolicBp", 150, "diastolicBp", 95))).body()
                .path("id").asText();
        for (JsonNode task : coordinator.get("/api/tasks").body()) {
            if (task.path("referralId").asText().equals(referral) && task.path("taskKey").asText().equals("ReviewReferral")) {
                return task.path("id").asText();
            }
        }
        throw new AssertionError("no review task for referral " + referral);
    }

    private static void assertFormBelowListAndNoSidewaysScroll(Browser browser) {
        browser.wait.until(d -> (Boolean) browser.script("const l = document.getElementById('task-list')"
                + ".getBoundingClientRect(), f = document.getElementById('task-form').getBoundingClientRect();"
                + "return f.top >= l.bottom - 1 && f.width > 300"));
        assertThat((Boolean) browser.script("return document.documentElement.scrollWidth <= window.innerWidth"))
                .as("the page needs no sideways scroll").isTrue();
        // the inbox scrolls itself (list and form each a screen high): neither it nor the grid may go sideways
        assertThat(browser.script("const view = document.getElementById('task-list').parentElement,"
                + " grid = document.getElementById('task-grid');"
                + "return [view, document.getElementById('task-list'), document.getElementById('task-form'),"
                + " grid.$.table].filter(e => e.scrollWidth > e.clientWidth + 1).map(e => e.id || e.tagName)"))
                .as("parts of the inbox wider than the phone").isEqualTo(List.of());
    }
}
