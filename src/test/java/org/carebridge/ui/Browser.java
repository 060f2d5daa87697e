package org.carebridge.ui;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Debian Chromium driven by Selenium (STACK.md trap 8). Without Chromium the browser tests are
 * skipped, saying how to install it; in CI ({@code CI=true}) they are required.
 */
final class Browser implements AutoCloseable {

    static final String CHROMIUM = "/usr/bin/chromium";
    static final String DRIVER = "/usr/bin/chromedriver";

    final WebDriver driver;
    final WebDriverWait wait;
    private final String base;
    private final Path profile;

    private Browser(int port, String language) throws IOException {
        this.base = "http://localhost:" + port;
        this.profile = Files.createTempDirectory("carebridge-chromium");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=1400,1000", "--lang=" + language,
                "--user-data-dir=" + profile);
        options.setExperimentalOption("prefs", java.util.Map.of("intl.accept_languages", language));
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File(DRIVER))
                .usingAnyFreePort().build();
        this.driver = new ChromeDriver(service, options);
        this.wait = new WebDriverWait(driver, Duration.ofSeconds(30));
        wait.ignoring(StaleElementReferenceException.class); // Vaadin re-renders what it updates
    }

    static Browser open(int port, String language) throws IOException {
        boolean installed = new File(CHROMIUM).canExecute() && new File(DRIVER).canExecute();
        if (!"true".equalsIgnoreCase(System.getenv("CI"))) {
            Assumptions.assumeTrue(installed,
                    "Chromium is not installed; `apt-get install -y chromium chromium-driver` runs the browser tests");
        }
        return new Browser(port, language);
    }

    void go(String path) {
        driver.get(base + path);
    }

    void signIn(String username, String password) {
        go("/login");
        WebElement user = wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("input[name='username']")));
        user.sendKeys(username);
        driver.findElement(By.cssSelector("input[name='password']")).sendKeys(password);
        driver.findElement(By.cssSelector("vaadin-button[slot='submit'], vaadin-login-form vaadin-button")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("vaadin-app-layout")));
    }

    /** The texts of the cells of a vaadin-grid, once it shows at least {@code atLeast} of them. */
    List<String> gridCells(String gridId, int atLeast) {
        By cells = By.cssSelector("#" + gridId + " vaadin-grid-cell-content");
        wait.until(d -> d.findElements(cells).stream().filter(c -> !c.getText().isBlank()).count() >= atLeast);
        return driver.findElements(cells).stream().map(WebElement::getText).filter(t -> !t.isBlank()).toList();
    }

    /**
     * Clicks the tab of that label, brought to the middle of the window first: a tall page (the chart's
     * header and flowsheet) or a notification at its foot may otherwise lie over it; tries again until it takes.
     */
    void openTab(String label) {
        wait.until(d -> {
            WebElement tab = d.findElements(By.cssSelector("vaadin-tab")).stream()
                    .filter(t -> t.getText().equals(label)).findFirst().orElse(null);
            if (tab == null) {
                return false;
            }
            script("arguments[0].scrollIntoView({block: 'center'})", tab);
            try {
                tab.click();
                return true;
            } catch (org.openqa.selenium.ElementClickInterceptedException
                    | org.openqa.selenium.StaleElementReferenceException notYet) {
                return false;
            }
        });
    }

    WebElement waitFor(By by) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    void waitForText(String text) {
        wait.until(d -> d.findElement(By.tagName("body")).getText().contains(text));
    }

    Object script(String js, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(js, args);
    }

    Path screenshot(String name) throws IOException {
        Path target = Path.of("target", "screenshots", name + ".png");
        Files.createDirectories(target.getParent());
        Files.write(target, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
        return target;
    }

    /**
     * Shows the pages as a phone of that size would (CSS pixels, touch, the page's viewport meta tag
     * honoured), not a desktop window shrunk.
     */
    void phoneViewport(int width, int height) {
        ((ChromeDriver) driver).executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", width,
                "height", height, "deviceScaleFactor", 2, "mobile", true));
    }

    /** Words a reader of a Chinese screen may meet in Latin letters: units, clinical scores, the product. */
    static final Set<String> LATIN_ALLOWED = Set.of(
            // units
            "mmHg", "kPa", "kg", "cm", "mm", "mg", "mcg", "ml", "mL", "mmol", "min", "bpm",
            // scores and scales read by their names in Chinese clinics too
            "NEWS", "MEOWS", "IMCI", "qSOFA", "CURB", "AVPU", "BMI", "ECG", "SpO", "FHIR",
            // the product
            "CareBridge");

    /** A run of letters and digits, with inner hyphens or dots: DR-0001, YS-V2, CURB-65, 04e3, mmHg. */
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9]+(?:[-.][A-Za-z0-9]+)*");
    private static final Pattern WORD = Pattern.compile("[A-Za-z]{2,}");

    /**
     * The Latin words in a screen's text that a Chinese reader should not meet: runs of two or more
     * letters, except in codes (any token with a digit: DR-0001, YS-V2, SpO2, NEWS2, CURB-65, A12), the
     * units and score names of {@link #LATIN_ALLOWED}, and the words of the {@code names} given (people
     * written in pinyin, places). Raw timestamps (2026-12-02T07:27:05Z) hold no such word: check them apart.
     */
    static List<String> latinWords(String text, Collection<String> names) {
        Set<String> allowed = new HashSet<>(LATIN_ALLOWED);
        names.forEach(name -> WORD.matcher(name).results().forEach(m -> allowed.add(m.group())));
        List<String> words = new ArrayList<>();
        Matcher token = TOKEN.matcher(text == null ? "" : text);
        while (token.find()) {
            if (token.group().chars().anyMatch(Character::isDigit)) {
                continue;
            }
            WORD.matcher(token.group()).results().map(m -> m.group()).filter(w -> !allowed.contains(w))
                    .forEach(words::add);
        }
        return words;
    }

    static List<String> latinWords(String text) {
        return latinWords(text, List.of());
    }

    @Override
    public void close() throws IOException {
        driver.quit();
        try (var files = Files.walk(profile)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
