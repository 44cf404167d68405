package dev.rehearsal.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rehearsal.rehearse.results.ResultsWriter;
import dev.rehearsal.rehearse.results.StepResult;
import dev.rehearsal.rehearse.results.Verdict;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.platform.testkit.engine.EngineExecutionResults;

/** Each defect kind, detected on every engine (an unreachable local server aborts the test). */
class RehearsalEngineDefectTests {
    @TempDir
    Path reports;

    private StepResult step(int migration, int step) {
        return ResultsWriter.read(reports.resolve(Constants.RESULTS_FILE)).suites().get(0).targets().get(0)
                .migrations().get(migration).steps().get(step);
    }

    @ParameterizedTest
    @MethodSource("dev.rehearsal.testing.TestDatabases#engines")
    void goodSetPassesOnEveryEngine(String engine) {
        EngineExecutionResults results = EngineRuns.runSet(reports, "good", EngineRuns.on(engine));

        assertThat(EngineRuns.failures(results)).isEmpty();
        results.testEvents().assertStatistics(s -> s.started(14).succeeded(14).failed(0).skipped(0).aborted(0));
    }

    @ParameterizedTest
    @MethodSource("dev.rehearsal.testing.TestDatabases#engines")
    void rollbackThatForgetsAnIndexIsReported(String engine) {
        EngineExecutionResults results = EngineRuns.runSet(reports, "forgotten-index", EngineRuns.on(engine));

        results.testEvents().assertStatistics(s -> s.started(9).succeeded(9).failed(0).skipped(1).aborted(0));
        StepResult rollback = step(1, 1);
        assertThat(rollback.expectedDefect()).isTrue();
        assertThat(rollback.diffText()).contains("index idx_users_name on users: not there before up");
    }

    @ParameterizedTest
    @MethodSource("dev.rehearsal.testing.TestDatabases#engines")
    void rollbackThatLosesAColumnsDataIsReported(String engine) {
        EngineExecutionResults results = EngineRuns.runSet(reports, "lost-column-data", EngineRuns.on(engine));

        results.testEvents().assertStatistics(s -> s.started(9).succeeded(8).failed(1).skipped(1).aborted(0));
        assertThat(EngineRuns.failures(results)).singleElement().asString()
                .startsWith("V20240102000000 drop bio: rollback preserves data (" + engine + ") -> rollback of V20240102000000 drop bio"
                        + " did not preserve the data")
                .contains("users");
        assertThat(step(1, 2).verdict()).isEqualTo(Verdict.FAILED);
        // The rows behind it, from the state before up rebuilt on a scratch database.
        assertThat(step(1, 2).diffText()).contains("table users: 2 rows before up, 2 after rollback; changed id=1: bio 'counts' -> NULL");
    }

    @ParameterizedTest
    @MethodSource("dev.rehearsal.testing.TestDatabases#engines")
    void rollbackThatFailsIsReported(String engine) {
        EngineExecutionResults results = EngineRuns.runSet(reports, "failing-down", EngineRuns.on(engine));

        results.testEvents().assertStatistics(s -> s.started(8).succeeded(6).failed(2).skipped(2).aborted(0));
        assertThat(EngineRuns.failures(results)).first().asString()
                .startsWith("V20240102000000 create tags: rollback restores schema (" + engine + ") -> rollback of V20240102000000"
                        + " create tags failed")
                .contains("tagz");
    }

    @ParameterizedTest
    @MethodSource("dev.rehearsal.testing.TestDatabases#engines")
    void migrationWithoutDownFailsItsRollback(String engine) {
        EngineExecutionResults results = EngineRuns.runSet(reports, "missing-down", EngineRuns.on(engine));

        // One failure: the full chain stops at the migration without a down instead of refusing to start.
        results.testEvents().assertStatistics(s -> s.started(8).succeeded(7).failed(1).skipped(2).aborted(0));
        assertThat(EngineRuns.failures(results)).singleElement().asString()
                .isEqualTo("V20240102000000 create tags: rollback restores schema (" + engine + ") -> migration 20240102000000 has no"
                        + " down script; add a down script, or declare the migration irreversible in rehearsal.yaml");
        assertThat(step(1, 2).message()).startsWith("skipped: no rollback to rehearse");
    }

    @ParameterizedTest
    @MethodSource("dev.rehearsal.testing.TestDatabases#engines")
    void rollbackThatDeletesRowsOfAFixtureLoadedAfterThePreviousRedoIsReported(String engine) {
        EngineExecutionResults results = EngineRuns.runSet(reports, "fixture-after-redo/migrations", EngineRuns.on(engine));

        results.testEvents().assertStatistics(s -> s.started(9).succeeded(8).failed(1).skipped(1).aborted(0));
        assertThat(EngineRuns.failures(results)).singleElement().asString()
                .startsWith("V20240102000000 add doc title: rollback preserves data (" + engine + ") -> rollback of"
                        + " V20240102000000 add doc title did not preserve the data");
        assertThat(step(1, 2).diffText()).contains("docs").contains("3 rows before up, 1 after rollback");
        assertThat(step(0, 3).verdict()).isEqualTo(Verdict.PASSED);
    }
}
