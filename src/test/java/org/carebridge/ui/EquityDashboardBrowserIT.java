package org.carebridge.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.carebridge.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** The equity dashboard in a real browser: a planner reads the counties, the Gini figures and the charts. */
@IntegrationTest
class EquityDashboardBrowserIT {

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aPlannerReadsEveryCountysRowTheGiniFiguresAndTheCharts() throws Exception {
        List<String> counties = jdbc.queryForList("select name from region", String.class);
        try (Browser browser = Browser.open(port, "en-US")) {
            browser.signIn("planner", "planner");
            browser.go("/equity");
            List<String> cells = browser.gridCells("equity-grid", counties.size());
            assertThat(counties).allSatisfy(county -> assertThat(cells).anyMatch(c -> c.startsWith(county)));
            assertThat(cells).anyMatch(c -> c.endsWith(" *")); // underserved counties are marked
            assertThat(browser.waitFor(By.id("gini-specialists")).getText()).matches(".*: 0[.,]\\d+");
            assertThat(browser.waitFor(By.cssSelector("#equity-charts svg")).isDisplayed()).isTrue();
            assertThat(browser.driver.findElement(By.id("equity-csv")).getAttribute("href"))
                    .contains("/api/analytics/equity.csv?from=");
            browser.screenshot("equity-dashboard");
        }
    }
}
