package dev.rehearsal.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClasspathResource;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectFile;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectUniqueId;

import dev.rehearsal.rehearse.results.MigrationResult;
import dev.rehearsal.rehearse.results.RehearsalResults;
import dev.rehearsal.rehearse.results.ResultsWriter;
import dev.rehearsal.rehearse.results.StepResult;
import dev.rehearsal.rehearse.results.TargetResult;
import dev.rehearsal.rehearse.results.TargetStatus;
import dev.rehearsal.rehearse.results.Verdict;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.engine.support.descriptor.FileSource;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;

/** The engine on SQLite: what passes, what is skipped, how it is selected, what it writes. */
class RehearsalEngineTests {
    @TempDir
    Path reports;

    @Test
    void goodSetPassesEveryStepOnSqlite() {
        EngineExecutionResults results = EngineRuns.runSet(reports, "good", Map.of());

        results.testEvents().assertStatistics(s -> s.started(14).succeeded(14).failed(0).skipped(0).aborted(0));
        results.containerEvents().assertStatistics(s -> s.started(6).succeeded(6).failed(0).skipped(0).aborted(0));
        RehearsalResults json = ResultsWriter.read(reports.resolve(Constants.RESULTS_FILE));
        TargetResult sqlite = json.suites().get(0).targets().get(0);
        assertThat(sqlite.status()).isEqualTo(TargetStatus.PASSED);
        assertThat(sqlite.serverVersion()).isNotBlank();
        assertThat(sqlite.migrations()).extracting(MigrationResult::version)
                .containsExactly("20240101000000", "20240102000000", "20240103000000");
        assertThat(sqlite.migrations().get(0).steps()).extracting(StepResult::step)
                .containsExactly("apply", "rollback-schema", "rollback-data", "redo");
        assertThat(sqlite.setSteps()).extracting(StepResult::verdict).containsExactly(Verdict.PASSED, Verdict.PASSED);
    }

    @Test
    void stepDisplayNamesReadWellAndPointAtTheMigrationFiles() {
        TestDescriptor engine = EngineTestKit.engine(new RehearsalTestEngine())
                .selectors(org.junit.platform.engine.discovery.DiscoverySelectors.selectDirectory(EngineRuns.dir("good")))
                .discover().getEngineDescriptor();
        TestDescriptor rollback = engine.getDescendants().stream()
                .filter(d -> d.getUniqueId().toString().endsWith("[migration:20240102000000]/[step:rollback-schema]"))
                .findFirst().orElseThrow();

        assertThat(rollback.getDisplayName()).isEqualTo("V20240102000000 create docs: rollback restores schema (sqlite)");
        FileSource source = (FileSource) rollback.getSource().orElseThrow();
        assertThat(source.getFile().getName()).isEqualTo("20240102000000_create_docs.sql");
        assertThat(source.getPosition()).isPresent();
        assertThat(engine.getDescendants()).allSatisfy(d -> assertThat(d.getSource()).isPresent());
    }

    @Test
    void annotatedClassIsClaimedAsASuite() {
        EngineExecutionResults results = EngineRuns.run(reports,
                Map.of(Constants.PROJECT_ROOT, Path.of("").toAbsolutePath().getParent().toString()),
                selectClass(GoodSetRehearsal.class));

        results.testEvents().assertStatistics(s -> s.started(14).succeeded(14).failed(0).skipped(0).aborted(0));
        assertThat(results.containerEvents().started().list().get(1).getTestDescriptor().getSource())
                .containsInstanceOf(ClassSource.class);
    }

    @Test
    void annotatedClassFindsItsMigrationsByWalkingUpFromTheWorkingDirectory() {
        EngineExecutionResults results = EngineRuns.run(reports, Map.of(), selectClass(GoodSetRehearsal.class));

        results.testEvents().assertStatistics(s -> s.started(14).succeeded(14).failed(0).skipped(0).aborted(0));
    }

    @Test
    void classpathResourceSelectsTheDirectory() {
        EngineExecutionResults results = EngineRuns.run(reports, Map.of(), selectClasspathResource("engine/good"));

        results.testEvents().assertStatistics(s -> s.started(14).succeeded(14).failed(0).skipped(0).aborted(0));
    }

    @Test
    void suiteEngineRunsTheRehearsalEngine() {
        EngineExecutionResults results = EngineTestKit.engine("junit-platform-suite")
                .selectors(selectClass(GoodSetSuite.class)).execute();

        results.testEvents().assertStatistics(s -> s.started(14).succeeded(14).failed(0).skipped(0).aborted(0));
    }

    @Test
    void declarationsFileSelectsItsSet() {
        EngineExecutionResults results = EngineRuns.run(reports, Map.of(),
                selectFile(EngineRuns.set("forgotten-index").resolve("rehearsal.yaml").toFile()));

        // The forgotten index is a declared defect: detecting it passes; redo after it is skipped.
        results.testEvents().assertStatistics(s -> s.started(9).succeeded(9).failed(0).skipped(1).aborted(0));
        StepResult rollback = ResultsWriter.read(reports.resolve(Constants.RESULTS_FILE)).suites().get(0).targets().get(0)
                .migrations().get(1).steps().get(1);
        assertThat(rollback.expectedDefect()).isTrue();
        assertThat(rollback.diffText()).contains("index idx_users_name on users");
    }

    @Test
    void failedApplySkipsTheRestOfTheMigrationAndLaterMigrations() {
        EngineExecutionResults results = EngineRuns.runSet(reports, "failing-apply", Map.of());

        results.testEvents().assertStatistics(s -> s.started(7).succeeded(4).failed(3).skipped(3).aborted(0));
        results.containerEvents().assertStatistics(s -> s.started(5).succeeded(5).failed(0).skipped(1).aborted(0));
        assertThat(results.testEvents().skipped().list())
                .allSatisfy(e -> assertThat(e.getPayload(String.class).orElseThrow())
                        .isEqualTo("skipped: apply of V20240102000000 failed"));
        assertThat(results.containerEvents().skipped().list().get(0).getPayload(String.class).orElseThrow())
                .isEqualTo("skipped: apply of V20240102000000 failed");
        MigrationResult third = ResultsWriter.read(reports.resolve(Constants.RESULTS_FILE)).suites().get(0).targets()
                .get(0).migrations().get(2);
        assertThat(third.steps()).extracting(StepResult::verdict).containsOnly(Verdict.SKIPPED);
    }

    @Test
    void lossyRollbackIsAWarningAndIrreversibleMigrationNeedsABackup() {
        EngineExecutionResults results = EngineRuns.runSet(reports, "irreversible", Map.of());

        results.testEvents().assertStatistics(s -> s.started(10).succeeded(10).failed(0).skipped(4).aborted(0));
        assertThat(results.allEvents().reportingEntryPublished().list()).anySatisfy(e -> assertThat(
                e.getPayload(org.junit.platform.engine.reporting.ReportEntry.class).orElseThrow().getKeyValuePairs())
                .containsKey("warning"));
        TargetResult sqlite = ResultsWriter.read(reports.resolve(Constants.RESULTS_FILE)).suites().get(0).targets().get(0);
        assertThat(sqlite.migrations().get(1).steps().get(2).verdict()).isEqualTo(Verdict.WARNING);
        assertThat(sqlite.migrations().get(1).steps().get(2).diffText()).contains("users");
        assertThat(sqlite.migrations().get(2).needsBackup()).isTrue();
        assertThat(sqlite.migrations().get(2).steps().get(1).message()).contains("declared irreversible");
    }

    @Test
    void oneSelectedStepRunsItsPrefixSilently() {
        Path good = EngineRuns.set("good").toAbsolutePath().normalize();
        String id = "[engine:rehearsal]/[suite:" + good.toString().replace("/", "%2F")
                + "]/[target:sqlite]/[migration:20240103000000]/[step:redo]";
        EngineExecutionResults results = EngineRuns.run(reports, Map.of(),
                selectUniqueId(org.junit.platform.engine.UniqueId.parse(id)));

        results.testEvents().assertStatistics(s -> s.started(1).succeeded(1).failed(0).skipped(0).aborted(0));
    }
}
