package dev.rehearsal.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectDirectory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rehearsal.rehearse.results.MigrationResult;
import dev.rehearsal.rehearse.results.ResultsWriter;
import dev.rehearsal.rehearse.results.StepResult;
import dev.rehearsal.rehearse.results.TargetResult;
import dev.rehearsal.rehearse.results.TargetStatus;
import dev.rehearsal.rehearse.results.Verdict;
import dev.rehearsal.report.ReportWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.engine.support.descriptor.FilePosition;
import org.junit.platform.engine.support.descriptor.FileSource;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;

/**
 * Drills as engine tests: the {@code drills} block of rehearsal.yaml adds a backup restore and one
 * step per planned fault under every migration, and the readiness report is written after every run.
 *
 * <p>The {@code drills} set: V1 (2 statements) and V2 (3) with downs, V3 (2) without, declared
 * irreversible; max-faults 2, so each migration gets fail-0, fail-(n-1), cut-(n/2) = 3 faults
 * and a backup restore: 3 x (4 steps + 4 drills) + full chain + history = 26 tests, the three
 * rollback steps of V3 skipped.
 */
class RehearsalEngineDrillTests {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path reports;

    private TargetResult target() {
        return ResultsWriter.read(reports.resolve(Constants.RESULTS_FILE)).suites().get(0).targets().get(0);
    }

    @ParameterizedTest
    @MethodSource("dev.rehearsal.testing.TestDatabases#engines")
    void drillsRunAsStepsUnderEveryMigrationOnEveryEngine(String engine) {
        EngineExecutionResults results = EngineRuns.runSet(reports, "drills", EngineRuns.on(engine));

        assertThat(EngineRuns.failures(results)).isEmpty();
        results.testEvents().assertStatistics(s -> s.started(23).succeeded(23).failed(0).skipped(3).aborted(0));
        results.containerEvents().assertStatistics(s -> s.started(6).succeeded(6).failed(0).skipped(0).aborted(0));
        TargetResult target = target();
        assertThat(target.status()).isEqualTo(TargetStatus.PASSED);
        assertThat(target.migrations().get(1).steps()).extracting(StepResult::step).containsExactly("apply",
                "rollback-schema", "rollback-data", "redo", "backup-restore", "fault-fail-0", "fault-fail-2", "fault-cut-1");
        assertThat(target.migrations().get(1).steps()).extracting(StepResult::name).endsWith("backup restores state",
                "fault before the first statement recovers", "fault after statement 2 recovers",
                "connection cut after statement 1 recovers");
        StepResult backup = target.migrations().get(0).steps().get(4);
        assertThat(backup.verdict()).isEqualTo(Verdict.PASSED);
        assertThat(backup.objectiveMillis()).isEqualTo(15 * 60 * 1000L);
        assertThat(backup.message()).startsWith("restored in ").contains("within the 15m objective");
        assertThat(target.migrations().get(1).steps().get(5).message()).startsWith("recovered by ");
    }

    @Test
    void irreversibleMigrationKeepsItsBackupRestoreAndTheReportCountsIt() throws IOException {
        EngineRuns.runSet(reports, "drills", Map.of());

        MigrationResult v3 = target().migrations().get(2);
        assertThat(v3.needsBackup()).isTrue();
        assertThat(v3.steps().subList(1, 4)).extracting(StepResult::verdict).containsOnly(Verdict.SKIPPED);
        assertThat(v3.steps().get(4).verdict()).isEqualTo(Verdict.PASSED);
        assertThat(v3.steps().get(4).message()).endsWith("the way back for this migration, declared irreversible");
        JsonNode report = JSON.readTree(reports.resolve(ReportWriter.JSON_FILE).toFile());
        assertThat(report.get("readiness").asText()).isEqualTo("READY");
        assertThat(report.at("/suites/0/targets/0/reason").asText()).contains("1 irreversible covered by a verified backup");
    }

    @Test
    void restoreOverItsObjectiveFailsTheDrill() {
        EngineExecutionResults results = EngineRuns.runSet(reports, "drill-objective", Map.of());

        results.testEvents().assertStatistics(s -> s.started(7).succeeded(6).failed(1).skipped(0).aborted(0));
        assertThat(EngineRuns.failures(results)).singleElement().asString()
                .startsWith("V20240101000000 create users: backup restores state (sqlite) -> restoring the pre-migration"
                        + " backup of V20240101000000 create users did not recover:")
                .contains("over the recovery-time objective of 0.001 s");
        StepResult backup = target().migrations().get(0).steps().get(4);
        assertThat(backup.verdict()).isEqualTo(Verdict.FAILED);
        assertThat(backup.objectiveMillis()).isEqualTo(1);
        assertThat(target().status()).isEqualTo(TargetStatus.FAILED);
    }

    @Test
    void failedApplySkipsTheDrillsOfItsMigration() throws IOException {
        Path set = Files.createDirectories(reports.resolve("set"));
        Files.writeString(set.resolve("20240101000000_broken.sql"), "-- +migrate Up\nCREATE TABLE t (id INTEGER);\n"
                + "INSERT INTO missing VALUES (1);\n\n-- +migrate Down\nDROP TABLE t;\n", StandardCharsets.UTF_8);
        Files.writeString(set.resolve("rehearsal.yaml"), "drills:\n  backup: true\n  faults: true\n", StandardCharsets.UTF_8);

        EngineExecutionResults results = EngineRuns.run(reports, Map.of(), selectDirectory(set.toFile()));

        // apply fails; 3 steps and 4 drills (backup, fail-0, fail-1, cut-1) skipped; the full chain and history fail too.
        results.testEvents().assertStatistics(s -> s.started(3).succeeded(0).failed(3).skipped(7).aborted(0));
        assertThat(results.testEvents().skipped().list()).allSatisfy(e -> assertThat(e.getPayload(String.class)
                .orElseThrow()).isEqualTo("skipped: apply of V20240101000000 failed"));
    }

    @Test
    void drillNodesPointAtTheStatementTheirFaultFollows() {
        TestDescriptor engine = EngineTestKit.engine(new RehearsalTestEngine())
                .selectors(selectDirectory(EngineRuns.dir("drills"))).discover().getEngineDescriptor();
        TestDescriptor fault = node(engine, "[migration:20240102000000]/[step:fault-fail-2]");
        TestDescriptor backup = node(engine, "[migration:20240102000000]/[step:backup-restore]");

        assertThat(fault.getDisplayName()).isEqualTo("V20240102000000 create docs: fault after statement 2 recovers (sqlite)");
        assertThat(backup.getDisplayName()).isEqualTo("V20240102000000 create docs: backup restores state (sqlite)");
        FileSource source = (FileSource) fault.getSource().orElseThrow();
        assertThat(source.getFile().getName()).isEqualTo("20240102000000_create_docs.sql");
        assertThat(source.getPosition()).contains(FilePosition.from(7, 1));
        assertThat(((FileSource) backup.getSource().orElseThrow()).getPosition()).contains(FilePosition.from(2));
    }

    @Test
    void reportIsWrittenNextToTheResultsWithTheDrillColumnsFilled() throws IOException {
        EngineExecutionResults results = EngineRuns.runSet(reports, "drills", Map.of());

        assertThat(reports.resolve(Constants.RESULTS_FILE)).exists();
        Path html = reports.resolve(ReportWriter.HTML_FILE);
        assertThat(results.allEvents().reportingEntryPublished().list()).anySatisfy(e -> assertThat(
                e.getPayload(ReportEntry.class).orElseThrow().getKeyValuePairs())
                .containsEntry("report", html.toAbsolutePath().toString()).containsEntry("readiness", "READY"));
        JsonNode row = JSON.readTree(reports.resolve(ReportWriter.JSON_FILE).toFile())
                .at("/suites/0/targets/0/migrations/1");
        assertThat(cell(row, "fault-drills").get("status").asText()).isEqualTo("PASSED");
        assertThat(cell(row, "backup-restore").get("status").asText()).isEqualTo("PASSED");
        assertThat(row.at("/timings/objectiveMillis").asLong()).isEqualTo(15 * 60 * 1000L);
        assertThat(row.at("/timings/recoveryMillis").isIntegralNumber()).isTrue();
        assertThat(row.at("/timings/restoreMillis").asLong()).isEqualTo(row.at("/timings/recoveryMillis").asLong());
        assertThat(Files.readString(html)).contains("fault drills", "backup restore");
    }

    @Test
    void reportThatCannotBeWrittenKeepsTheResultsAndSaysSo() throws IOException {
        Files.createDirectories(reports.resolve(ReportWriter.HTML_FILE)); // a directory where the file should go

        EngineExecutionResults results = EngineRuns.runSet(reports, "good", Map.of());

        results.testEvents().assertStatistics(s -> s.started(14).succeeded(14).failed(0));
        results.containerEvents().assertStatistics(s -> s.started(6).succeeded(6).failed(0));
        assertThat(ResultsWriter.read(reports.resolve(Constants.RESULTS_FILE)).suites()).hasSize(1);
        assertThat(results.allEvents().reportingEntryPublished().list()).anySatisfy(e -> assertThat(
                e.getPayload(ReportEntry.class).orElseThrow().getKeyValuePairs().get("report-error"))
                .startsWith("Rehearsal readiness report could not be written: cannot write the report into " + reports)
                .contains(reports.resolve(Constants.RESULTS_FILE).toAbsolutePath().toString()));
    }

    @Test
    void reportWithoutDrillsLeavesTheirColumnsNotRun() throws IOException {
        EngineRuns.runSet(reports, "good", Map.of());

        JsonNode row = JSON.readTree(reports.resolve(ReportWriter.JSON_FILE).toFile()).at("/suites/0/targets/0/migrations/0");
        assertThat(cell(row, "fault-drills").get("status").asText()).isEqualTo("NOT_RUN");
        assertThat(cell(row, "rollback-schema").get("status").asText()).isEqualTo("PASSED");
    }

    private static JsonNode cell(JsonNode row, String proof) {
        for (JsonNode cell : row.get("proofs")) {
            if (cell.get("proof").asText().equals(proof)) {
                return cell;
            }
        }
        throw new AssertionError("no " + proof + " cell in " + row);
    }

    private static TestDescriptor node(TestDescriptor engine, String suffix) {
        return engine.getDescendants().stream().filter(d -> d.getUniqueId().toString().endsWith(suffix)).findFirst()
                .orElseThrow();
    }
}
