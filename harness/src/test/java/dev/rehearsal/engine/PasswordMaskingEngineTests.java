package dev.rehearsal.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectDirectory;

import dev.rehearsal.rehearse.results.ResultsWriter;
import dev.rehearsal.rehearse.results.TargetResult;
import dev.rehearsal.rehearse.results.TargetStatus;
import dev.rehearsal.report.ReportOptions;
import dev.rehearsal.report.ReportWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.platform.engine.DiscoveryIssue;
import org.junit.platform.testkit.engine.EngineDiscoveryResults;
import org.junit.platform.testkit.engine.EngineExecutionResults;

/**
 * A server URL whose password the driver quotes in its failure leaves no trace of it in the results
 * or the report, whether the target is skipped or required.
 */
class PasswordMaskingEngineTests {
    private static final String MARIADB_USER_INFO = "jdbc:mariadb://root:hunter2@127.0.0.1:3306/";
    private static final String POSTGRES_SLASH = "jdbc:postgresql://postgres:hun/ter2@127.0.0.1:5432/postgres";

    @TempDir
    Path reports;

    @ParameterizedTest
    @CsvSource({"mariadb, false, SKIPPED", "mariadb, true, FAILED", "postgres, false, SKIPPED", "postgres, true, FAILED"})
    void aPasswordInTheServerUrlIsInNoResultOrReportFile(String target, boolean required, TargetStatus status)
            throws IOException {
        String url = target.equals("mariadb") ? MARIADB_USER_INFO : POSTGRES_SLASH;
        String secret = target.equals("mariadb") ? "hunter2" : "ter2";
        EngineExecutionResults results = EngineRuns.runSet(reports, "good", Map.of(Constants.TARGETS, target,
                target.equals("mariadb") ? Constants.MARIADB_URL : Constants.POSTGRES_URL, url,
                Constants.REQUIRE_TARGETS, String.valueOf(required)));

        results.containerEvents().assertStatistics(s -> s.skipped(required ? 0 : 1).failed(required ? 1 : 0));
        TargetResult result = ResultsWriter.read(reports.resolve(Constants.RESULTS_FILE)).suites().get(0).targets().get(0);
        assertThat(result.status()).isEqualTo(status);
        assertThat(result.reason()).startsWith(target + ": cannot connect to jdbc:").contains(":****@127.0.0.1");
        Path rerendered = reports.resolve("again");
        ReportWriter.write(ResultsWriter.read(reports.resolve(Constants.RESULTS_FILE)), rerendered, ReportOptions.defaults());
        for (Path file : new Path[] {reports.resolve(Constants.RESULTS_FILE), reports.resolve(ReportWriter.JSON_FILE),
                reports.resolve(ReportWriter.HTML_FILE), rerendered.resolve(ReportWriter.JSON_FILE),
                rerendered.resolve(ReportWriter.HTML_FILE)}) {
            assertThat(Files.readString(file)).as(file.toString()).contains("****").doesNotContain(secret);
        }
    }

    @Test
    void aServerPasswordComesFromTheEnvironmentVariableTheConfigurationNamesAndStaysOutOfTheReports()
            throws IOException {
        // MariaDB's root has no password here, so the server refuses any password it is given: the refusal
        // proves the variable's value reached the driver. HOME is set on every machine that runs Maven.
        String password = System.getenv("HOME");
        EngineExecutionResults results = EngineRuns.runSet(reports, "good", Map.of(Constants.TARGETS, "mariadb",
                Constants.MARIADB_URL, "jdbc:mariadb://127.0.0.1:3306/?user=root", Constants.MARIADB_PASSWORD_ENV, "HOME"));

        results.containerEvents().assertStatistics(s -> s.skipped(1).failed(0));
        TargetResult result = ResultsWriter.read(reports.resolve(Constants.RESULTS_FILE)).suites().get(0).targets().get(0);
        assertThat(result.reason()).contains("Access denied for user 'root'").contains("using password: YES");
        for (Path file : new Path[] {reports.resolve(Constants.RESULTS_FILE), reports.resolve(ReportWriter.HTML_FILE)}) {
            assertThat(Files.readString(file)).as(file.toString()).doesNotContain("PASSWORD_ENV")
                    .doesNotContain("'" + password + "'");
        }
    }

    @ParameterizedTest
    @CsvSource({
        "rehearsal.postgres.url, jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres&password=hunter2, REHEARSAL_POSTGRES_PASSWORD",
        "rehearsal.mariadb.url, jdbc:mariadb://root:hunter2@127.0.0.1:3306/, REHEARSAL_MARIADB_PASSWORD"})
    void aPasswordInAServerUrlIsAWarningThatNamesTheVariableToUseInstead(String key, String url, String variable) {
        EngineDiscoveryResults discovery = EngineRuns.engine(reports, Map.of(key, url))
                .selectors(selectDirectory(EngineRuns.dir("good"))).discover();

        assertThat(discovery.getDiscoveryIssues()).singleElement().satisfies(issue -> {
            assertThat(issue.severity()).isEqualTo(DiscoveryIssue.Severity.WARNING);
            assertThat(issue.message()).isEqualTo(key + " holds a password, and Surefire copies configuration parameters"
                    + " verbatim into its TEST-*.xml reports: take it out of the URL (keep the user as ?user=NAME) and"
                    + " set the environment variable " + variable + " instead");
            assertThat(issue.toString()).doesNotContain("hunter2");
        });
    }

    @Test
    void aPasswordInEachServerUrlIsWarnedOfOncePerRunHoweverManySetsRun() {
        EngineDiscoveryResults discovery = EngineRuns.engine(reports, Map.of(
                        Constants.POSTGRES_URL, POSTGRES_SLASH, Constants.POSTGRES_PASSWORD_ENV, "PG_SECRET",
                        Constants.MARIADB_URL, "jdbc:mariadb://127.0.0.1:3306/?user=root&password=hunter2"))
                .selectors(selectDirectory(EngineRuns.dir("good")), selectDirectory(EngineRuns.dir("forgotten-index")))
                .discover();

        assertThat(discovery.getEngineDescriptor().getChildren()).hasSize(2);
        assertThat(discovery.getDiscoveryIssues()).extracting(DiscoveryIssue::message).satisfiesExactlyInAnyOrder(
                m -> assertThat(m).startsWith(Constants.POSTGRES_URL + " holds a password").endsWith("PG_SECRET instead"),
                m -> assertThat(m).startsWith(Constants.MARIADB_URL + " holds a password")
                        .endsWith("REHEARSAL_MARIADB_PASSWORD instead"));
    }

    @Test
    void aServerUrlWithoutAPasswordRaisesNoIssue() {
        EngineDiscoveryResults discovery = EngineRuns.engine(reports, Map.of(
                        Constants.POSTGRES_URL, "jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres",
                        Constants.MARIADB_URL, "jdbc:mariadb://127.0.0.1:3306/?user=root"))
                .selectors(selectDirectory(EngineRuns.dir("good"))).discover();

        assertThat(discovery.getDiscoveryIssues()).isEmpty();
    }
}
