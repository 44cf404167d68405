package dev.rehearsal.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectDirectory;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectUniqueId;

import dev.rehearsal.report.ReportWriter;
import dev.rehearsal.rehearse.results.MigrationResult;
import dev.rehearsal.rehearse.results.ResultsWriter;
import dev.rehearsal.rehearse.results.TargetResult;
import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;

/**
 * The {@code realistic-sets/} corpus through the engine, with exact statistics: every layout loads,
 * is discovered, and rehearses on the engines its class concerns.
 */
class RealisticSetsEngineTests {
    @TempDir
    Path reports;

    /** 4 steps per migration and 2 set steps, all passing; containers: engine, suite, target, migrations. */
    @ParameterizedTest(name = "{0} on {1}")
    @CsvSource({"diesel-dates, sqlite, 4", "diesel-dates, postgres, 4", "paired-by-version, sqlite, 2",
            "v-prefix, sqlite, 2", "popx-dialects, postgres, 4"})
    void setRehearsesCompletely(String set, String engine, int migrations) {
        EngineExecutionResults results = EngineRuns.run(reports, EngineRuns.on(engine), selectDirectory(dir(set)));

        int tests = migrations * 4 + 2;
        results.testEvents().assertStatistics(s -> s.started(tests).succeeded(tests).failed(0).skipped(0).aborted(0));
        results.containerEvents().assertStatistics(s -> s.started(migrations + 3).succeeded(migrations + 3).failed(0)
                .skipped(0).aborted(0));
    }

    /**
     * Each no-op migration (an empty or comment-only up, with an empty down) loads, applies, and
     * passes its rollback steps: the up changed nothing (measured), so an empty down is correct.
     */
    @ParameterizedTest(name = "{0} on {1}")
    @CsvSource({"golang-migrate-placeholders, sqlite, 4", "diesel-placeholders, sqlite, 2",
            "popx-dialects, sqlite, 4", "popx-dialects, mariadb, 4"})
    void placeholderMigrationsLoadApplyAndRollBack(String set, String engine, int migrations) {
        EngineExecutionResults results = EngineRuns.run(reports, EngineRuns.on(engine), selectDirectory(dir(set)));

        int planned = migrations * 4 + 2;
        results.testEvents().assertStatistics(s -> s.started(planned).succeeded(planned).failed(0).skipped(0).aborted(0));
        results.containerEvents().assertStatistics(s -> s.started(migrations + 3).succeeded(migrations + 3).failed(0)
                .skipped(0).aborted(0));
        assertThat(results.testEvents().succeeded().list().stream().map(e -> e.getTestDescriptor().getDisplayName())
                .filter(n -> n.contains(": apply (")).count()).isEqualTo(migrations);
    }

    @Test
    void dieselVersionsReachTheResultsAndTheReportAsWritten() throws IOException {
        EngineRuns.run(reports, Map.of(), selectDirectory(dir("diesel-dates")));

        TargetResult sqlite = ResultsWriter.read(reports.resolve(Constants.RESULTS_FILE)).suites().get(0).targets().get(0);
        assertThat(sqlite.migrations()).extracting(MigrationResult::version)
                .containsExactly("00000000000000", "2022-04-26-153628", "2024-03-06-170000", "2024-03-13");
        String report = Files.readString(reports.resolve(ReportWriter.JSON_FILE));
        assertThat(report).contains("\"2022-04-26-153628\"").contains("\"2024-03-13\"");
    }

    /** suite, target, 4 migrations, their 4 x 4 steps and 2 set steps: every id selects exactly its node. */
    @Test
    void everyDieselUniqueIdSelectsExactlyItsNode() {
        TestDescriptor engine = discover(selectDirectory(dir("diesel-dates")));
        Set<? extends TestDescriptor> all = engine.getDescendants();
        assertThat(all).hasSize(24);
        assertThat(all.stream().map(d -> d.getUniqueId().getLastSegment().getValue()))
                .contains("2022-04-26-153628", "2024-03-13", "00000000000000");

        for (TestDescriptor node : all) {
            TestDescriptor selected = discover(selectUniqueId(node.getUniqueId()));
            Set<UniqueId> ids = selected.getDescendants().stream().map(TestDescriptor::getUniqueId)
                    .collect(Collectors.toSet());
            assertThat(ids).as("selected by %s", node.getUniqueId()).contains(node.getUniqueId());
            assertThat(ids).containsAll(node.getDescendants().stream().map(TestDescriptor::getUniqueId).toList());
            assertThat(selected.findByUniqueId(node.getUniqueId()).orElseThrow().getDisplayName())
                    .isEqualTo(node.getDisplayName());
        }
    }

    @Test
    void oneDieselStepRunsBySelectingItsUniqueId() {
        TestDescriptor redo = discover(selectDirectory(dir("diesel-dates"))).getDescendants().stream()
                .filter(d -> d.getUniqueId().toString().endsWith("[migration:2024-03-13]/[step:redo]"))
                .findFirst().orElseThrow();

        EngineExecutionResults results = EngineRuns.run(reports, Map.of(), selectUniqueId(redo.getUniqueId()));

        results.testEvents().assertStatistics(s -> s.started(1).succeeded(1).failed(0).skipped(0).aborted(0));
        assertThat(results.testEvents().succeeded().list()).extracting(e -> e.getTestDescriptor().getDisplayName())
                .isEqualTo(List.of("V2024-03-13 170000 add age: redo (sqlite)"));
    }

    /**
     * A defect declared under {@code expect:} by its diesel version is that migration's. The forgotten
     * index also breaks the chain one migration further down, named by its folder and line.
     */
    @Test
    void rehearsalYamlNamesDieselVersionsAsWritten() throws IOException {
        Path copy = reports.resolve("diesel");
        for (String folder : List.of("00000000000000_create_settings", "2022-04-26-153628_create_users",
                "2024-03-06-170000_add_email", "2024-03-13_170000_add_age")) {
            Files.createDirectories(copy.resolve(folder));
            for (String file : List.of("up.sql", "down.sql")) {
                Files.copy(dir("diesel-dates").toPath().resolve(folder).resolve(file), copy.resolve(folder).resolve(file));
            }
        }
        Files.writeString(copy.resolve("2024-03-13_170000_add_age/down.sql"), "ALTER TABLE users DROP COLUMN age;\n");
        Files.writeString(copy.resolve("rehearsal.yaml"), "expect:\n  - migration: \"2024-03-13\"\n"
                + "    step: rollback restores schema\n    fails-with: \"index users_email on users\"\n");

        EngineExecutionResults results = EngineRuns.run(reports, Map.of(), selectDirectory(copy.toFile()));

        assertThat(EngineRuns.failures(results)).singleElement().asString().startsWith("full chain (sqlite) -> rollback of"
                + " migration 2024-03-06-170000 add email failed at 2024-03-06-170000_add_email/down.sql:1:1");
        // As for the project's own forgotten-index drill, one step after the expected defect is skipped.
        results.testEvents().assertStatistics(s -> s.started(17).succeeded(16).failed(1).skipped(1).aborted(0));
        TargetResult sqlite = ResultsWriter.read(reports.resolve(Constants.RESULTS_FILE)).suites().get(0).targets().get(0);
        assertThat(sqlite.migrations().get(3).steps().get(1).expectedDefect()).isTrue();
    }

    private static TestDescriptor discover(org.junit.platform.engine.DiscoverySelector selector) {
        return EngineTestKit.engine(new RehearsalTestEngine()).selectors(selector).discover().getEngineDescriptor();
    }

    static File dir(String set) {
        try {
            return Path.of(RealisticSetsEngineTests.class.getResource("/realistic-sets/" + set).toURI()).toFile();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
