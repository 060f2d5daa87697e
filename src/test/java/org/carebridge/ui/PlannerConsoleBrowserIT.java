package org.carebridge.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.carebridge.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A planner generates a small week, solves it for a few seconds, reads the grid and publishes it. */
@IntegrationTest
class PlannerConsoleBrowserIT {

    @LocalServerPort
    int port;

    @Test
    void aPlannerSolvesAGeneratedWeekAndPublishesIt() throws Exception {
        try (Browser browser = Browser.open(port, "en-US")) {
            browser.signIn("planner", "planner");
            browser.go("/planning");
            WebElement count = browser.waitFor(By.cssSelector("#generate-appointments input"));
            count.sendKeys(Keys.chord(Keys.CONTROL, "a"), "30", Keys.TAB);
            browser.waitFor(By.id("generate")).click();
            browser.waitForText("30 appointments");
            WebElement seconds = browser.waitFor(By.cssSelector("#solve-seconds input"));
            seconds.sendKeys(Keys.chord(Keys.CONTROL, "a"), "3", Keys.TAB);
            browser.waitFor(By.id("solve")).click();

            browser.waitForText("Solved");
            assertThat(browser.driver.findElement(By.id("best-score")).getText()).contains("0hard/");
            List<String> cells = browser.gridCells("schedule-grid", 3);
            assertThat(cells).anyMatch(c -> c.matches("(?s)\\d\\d:\\d\\d A\\d+.*"));
            assertThat(browser.driver.findElements(By.cssSelector("#score-chart svg"))).isNotEmpty();
            browser.screenshot("planner-console");

            browser.waitFor(By.id("publish")).click();
            browser.waitForText("Published"); // the SchedulePublished event carries the assignments
        }
    }

    @Test
    void inChineseTheProblemLineOfTheCurrentDemandAndOfAGeneratedWeekHoldsNoLatinWords() throws Exception {
        try (Browser browser = Browser.open(port, "zh-CN")) {
            browser.signIn("planner", "planner");
            browser.go("/planning");
            browser.waitFor(By.id("load-demand")).click();
            browser.wait.until(d -> !d.findElement(By.id("problem-loaded")).getText().isBlank());
            String demand = browser.driver.findElement(By.id("problem-loaded")).getText();
            assertThat(demand).startsWith("问题：待预约的转诊").contains("起的一周");
            assertThat(Browser.latinWords(demand)).as("Latin words in: " + demand).isEmpty();
            assertThat(demand).doesNotContainPattern("\\d{4}-\\d\\d-\\d\\d").as("the week's first day as a Chinese date")
                    .containsPattern("\\d{4}年\\d{1,2}月\\d{1,2}日");

            browser.waitFor(By.id("generate")).click();
            browser.wait.until(d -> d.findElement(By.id("problem-loaded")).getText().contains("生成的一周"));
            String generated = browser.driver.findElement(By.id("problem-loaded")).getText();
            assertThat(Browser.latinWords(generated)).as("Latin words in: " + generated).isEmpty();
            browser.screenshot("planner-console-zh");
        }
    }
}
