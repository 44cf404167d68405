package dev.rehearsal.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import dev.rehearsal.rehearse.results.Verdict;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Opens a generated report in a real headless Chromium (Debian's chromium and chromium-driver).
 * Without them the tests are skipped, unless REHEARSAL_REQUIRE_BROWSER=true (CI), then they fail.
 */
class ReportBrowserTests {
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path TARGET = Path.of("target");

    private static ChromeDriver driver;
    private static Path profile;
    private static Path report;
    private static String missingBrowser;

    @BeforeAll
    static void openBrowser() throws IOException {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            String why = "headless Chromium not installed (" + CHROMIUM + ", " + CHROMEDRIVER
                    + "): apt-get install -y chromium chromium-driver";
            if ("true".equalsIgnoreCase(System.getenv("REHEARSAL_REQUIRE_BROWSER"))) {
                fail(why + "; REHEARSAL_REQUIRE_BROWSER=true demands it");
            }
            // Aborting here would leave Surefire printing "Tests run: 0" with no reason: each test
            // is skipped on its own instead (see requireBrowser), so the reason reaches the report.
            missingBrowser = why;
            return;
        }
        Path out = Files.createDirectories(TARGET.resolve("report-browser"));
        report = ReportWriter.write(ReportSamples.failingWithSkips(), out, ReportOptions.defaults()
                .withEvidence(List.of(
                        new ProofEvidence(null, "sqlite", "20240101", Proof.FAULT_DRILLS, Verdict.PASSED,
                                "fail after statement 1: recovered by transaction rollback", null, 180, 2000L),
                        new ProofEvidence(null, "sqlite", "20240102", Proof.BACKUP_RESTORE, Verdict.PASSED,
                                "restored and fingerprint matched", null, 420, null)))
                .withFixtureRows(Map.of("users", 10_000L, "media", 25_000L)));
        profile = Files.createTempDirectory("rehearsal-chromium-");
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile()).addArguments("--headless=new",
                "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--user-data-dir=" + profile, "--window-size=1280,1000");
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        driver.get(report.toUri().toString());
    }

    @BeforeEach
    void requireBrowser() {
        Assumptions.assumeTrue(missingBrowser == null, () -> missingBrowser);
    }

    @AfterAll
    static void closeBrowser() throws IOException {
        if (driver != null) {
            driver.quit();
        }
        if (profile != null) {
            try (var files = Files.walk(profile)) {
                files.sorted(java.util.Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            }
        }
    }

    @Test
    void theVerdictIsReadAtTheTop() {
        assertThat(driver.findElement(By.cssSelector("#verdict .verdict-word")).getText()).isEqualTo("NOT READY");
        assertThat(driver.findElement(By.cssSelector("#verdict .reason")).getText())
                .startsWith("NOT READY on sqlite: 20240102 unify media: rollback restores schema failed");
        List<String> skipped = driver.findElements(By.cssSelector(".skipped-banner li")).stream().map(WebElement::getText).toList();
        assertThat(skipped).containsExactly("postgres SKIPPED: " + ReportSamples.POSTGRES_SKIP,
                "mariadb SKIPPED: " + ReportSamples.MARIADB_SKIP);
        assertThat(driver.findElement(By.cssSelector(".skipped-banner")).isDisplayed()).isTrue();
    }

    @Test
    void expandingAFailedCellShowsItsDiff() {
        WebElement cell = driver.findElement(By.cssSelector("#suite-0-sqlite td.st-failed[data-proof='rollback-schema']"));
        WebElement diff = cell.findElement(By.cssSelector("pre.diff"));
        assertThat(diff.isDisplayed()).isFalse();

        cell.findElement(By.tagName("summary")).click();

        assertThat(diff.isDisplayed()).isTrue();
        assertThat(diff.getText()).contains("~ column users.email: type varchar(255) -> varchar(80)")
                .contains("row users(id=7): email 'a@example.org' -> 'a@exa'");
        cell.findElement(By.tagName("summary")).click();
    }

    @Test
    void aTableNamedLikeMarkupShowsAsTextAndRunsNothing() {
        assertThatThrownBy(() -> driver.switchTo().alert()).isInstanceOf(NoAlertPresentException.class);
        assertThat(driver.findElements(By.cssSelector("img[src='x']"))).isEmpty();
        assertThat(driver.findElements(By.tagName("img"))).isEmpty();
        assertThat(driver.findElements(By.tagName("script"))).hasSize(1);
        String failure = driver.findElement(By.id("f-s0-sqlite-20240102-rollback-schema")).getText();
        assertThat(failure).contains("- table " + ReportSamples.XSS_TABLE + " is missing after rollback")
                .contains("<script>alert(2)</script>");
    }

    @Test
    void screenshotsOnADesktopAndAPhone() throws IOException {
        long height = (Long) driver.executeScript("return document.documentElement.scrollHeight");
        driver.manage().window().setSize(new Dimension(1280, (int) Math.min(height + 140, 6000)));
        Files.copy(((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath(),
                TARGET.resolve("report-screenshot.png"), StandardCopyOption.REPLACE_EXISTING);

        driver.manage().window().setSize(new Dimension(390, 1400));
        long overflow = (Long) driver.executeScript(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth");
        Files.copy(((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath(),
                TARGET.resolve("report-screenshot-phone.png"), StandardCopyOption.REPLACE_EXISTING);
        driver.manage().window().setSize(new Dimension(1280, 1000));

        assertThat(overflow).as("the page itself never scrolls sideways on a phone; wide tables scroll in their box").isLessThanOrEqualTo(0);
        assertThat(TARGET.resolve("report-screenshot.png")).isNotEmptyFile();
    }
}
