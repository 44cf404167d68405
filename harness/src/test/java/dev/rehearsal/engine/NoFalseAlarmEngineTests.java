package dev.rehearsal.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rehearsal.rehearse.results.ResultsWriter;
import dev.rehearsal.rehearse.results.StepResult;
import dev.rehearsal.rehearse.results.TargetResult;
import dev.rehearsal.rehearse.results.Verdict;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.testkit.engine.EngineExecutionResults;

/**
 * The sets of {@code realistic-sets/}, each one class of what real migration sets do, rehearsed through
 * the engine on every engine (an unreachable local server aborts the test).
 */
class NoFalseAlarmEngineTests {
    @TempDir
    Path reports;

    private EngineExecutionResults run(String set, Map<String, String> config) {
        return EngineRuns.run(reports, config, DiscoverySelectors.selectDirectory(EngineRuns.realistic(set).toFile()));
    }

    private TargetResult target() {
        return ResultsWriter.read(reports.resolve(Constants.RESULTS_FILE)).suites().get(0).targets().get(0);
    }

    private StepResult step(int migration, int step) {
        return target().migrations().get(migration).steps().get(step);
    }

    @ParameterizedTest
    @MethodSource("dev.rehearsal.testing.TestDatabases#engines")
    void placeholderMigrationsWithoutADownAreReversible(String engine) {
        EngineExecutionResults results = run("noop-placeholder", EngineRuns.on(engine));

        assertThat(EngineRuns.failures(results)).isEmpty();
        results.testEvents().assertStatistics(s -> s.started(18).succeeded(18).failed(0).skipped(0).aborted(0));
        for (int placeholder : new int[] {1, 2}) {
            for (int step = 1; step <= 3; step++) {
                assertThat(step(placeholder, step).verdict()).isEqualTo(Verdict.PASSED);
                assertThat(step(placeholder, step).message()).startsWith("the up changed nothing (schema and data"
                        + " measured before and after it); a missing or empty down is correct");
            }
        }
        assertThat(target().setSteps().get(0).message()).isEqualTo("rolled back to V3, the newest migration that cannot"
                + " be rolled back (the down script of migration 3 is empty (3_reserved.down.sql))");
    }

    @ParameterizedTest
    @MethodSource("dev.rehearsal.testing.TestDatabases#engines")
    void rollbackThatOnlyMovesAColumnIsAWarning(String engine) {
        EngineExecutionResults results = run("column-order", EngineRuns.on(engine));

        assertThat(EngineRuns.failures(results)).isEmpty();
        results.testEvents().assertStatistics(s -> s.started(10).succeeded(10).failed(0).skipped(0).aborted(0));
        StepResult rollback = step(1, 1);
        assertThat(rollback.verdict()).isEqualTo(Verdict.WARNING);
        assertThat(rollback.message()).startsWith("column order changed: rollback of V2 rename name restores every column,"
                + " in another order");
        assertThat(rollback.diffText()).isEqualTo("column order users: (id, name, email) before up, (id, email, name)"
                + " after rollback");
        assertThat(step(1, 2).verdict()).isEqualTo(Verdict.PASSED);
        assertThat(step(1, 3).verdict()).isEqualTo(Verdict.PASSED);
    }

    @Test
    void sqliteExpressionsSpelledDifferentlyAreTheSame() {
        EngineExecutionResults results = run("expression-spelling", EngineRuns.on("sqlite"));

        assertThat(EngineRuns.failures(results)).isEmpty();
        results.testEvents().assertStatistics(s -> s.started(10).succeeded(10).failed(0).skipped(0).aborted(0));
    }

    @ParameterizedTest
    @MethodSource("dev.rehearsal.testing.TestDatabases#engines")
    void strictColumnOrderMakesItAFailure(String engine) {
        EngineExecutionResults results = run("column-order-strict", EngineRuns.on(engine));

        results.testEvents().assertStatistics(s -> s.started(9).succeeded(8).failed(1).skipped(1).aborted(0));
        assertThat(EngineRuns.failures(results)).singleElement().asString()
                .startsWith("V2 rename name: rollback restores schema (" + engine + ") -> column order changed: rollback of"
                        + " V2 rename name restores every column, in another order, and column order is strict");
    }

    @Test
    void postgresDownThatLeavesAnExtensionASchemaOrACommentFails() {
        EngineExecutionResults results = run("left-behind-postgres", EngineRuns.on("postgres"));

        results.testEvents().assertStatistics(s -> s.started(12).succeeded(9).failed(3).skipped(2).aborted(0));
        // the full chain fails too: it ends with the leftovers of both
        assertThat(EngineRuns.failures(results)).last().asString().startsWith("full chain (postgres) -> ")
                .contains("extension pgcrypto").contains("schema reporting");
        assertThat(step(1, 1).diffText()).isEqualTo("extension pgcrypto: not there before up, present after rollback"
                + " (version 1.3 in schema public)");
        assertThat(step(2, 1).diffText()).isEqualTo("schema reporting: not there before up, present after rollback (schema)\n"
                + "comment on users.name: not there before up, present after rollback (shown to others)");
    }

    @Test
    void mariadbDownThatLeavesAnEventOrACommentFails() {
        EngineExecutionResults results = run("left-behind-mariadb", EngineRuns.on("mariadb"));

        results.testEvents().assertStatistics(s -> s.started(9).succeeded(7).failed(2).skipped(1).aborted(0));
        assertThat(EngineRuns.failures(results)).last().asString().startsWith("full chain (mariadb) -> ");
        assertThat(step(1, 1).diffText()).isEqualTo("comment on users.name: not there before up, present after rollback"
                + " (shown to others)\nevent purge_idle_users: not there before up, present after rollback (RECURRING every"
                + " 1 DAY ENABLED on completion NOT PRESERVE do DELETE FROM users WHERE last_seen < NOW() - INTERVAL 1 YEAR)");
    }

    @Test
    void failuresShowTheirDiffAndDatabaseErrorWithoutAJavaStackTrace() {
        EngineExecutionResults findings = run("left-behind-postgres", EngineRuns.on("sqlite"));
        EngineExecutionResults sqlError = EngineRuns.runSet(reports, "failing-down", EngineRuns.on("sqlite"));

        for (EngineExecutionResults results : List.of(findings, sqlError)) {
            List<Throwable> thrown = results.testEvents().failed().list().stream()
                    .map(e -> e.getPayload(TestExecutionResult.class).flatMap(TestExecutionResult::getThrowable).orElseThrow())
                    .toList();
            assertThat(thrown).isNotEmpty().allSatisfy(t -> {
                assertThat(t.getStackTrace()).isEmpty();
                assertThat(t.getCause()).isNull();
            });
        }
        assertThat(EngineRuns.failures(sqlError)).first().asString().contains("tagz");
    }

    @ParameterizedTest
    @MethodSource("dev.rehearsal.testing.TestDatabases#engines")
    void redoDifferenceFromARandomValueTheUpWroteNamesTheStatementAndTheEntry(String engine) {
        EngineExecutionResults results = run("volatile-writes", EngineRuns.on(engine));

        results.testEvents().assertStatistics(s -> s.started(10).succeeded(9).failed(1).skipped(0).aborted(0));
        String file = engine.equals("mariadb") ? "2_score_users.mysql.up.sql" : "2_score_users.up.sql";
        assertThat(step(1, 3).diffText()).contains("users.score written by the UPDATE at " + file + ":2, which draws"
                + " random values: its values are random, so redo cannot reproduce them\n"
                + "if the migration is right, declare the column volatile in rehearsal.yaml to leave it out of the redo"
                + " comparison: volatile: [\"users.score\"]");
    }
}
