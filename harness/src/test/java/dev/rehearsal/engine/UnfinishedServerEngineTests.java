package dev.rehearsal.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rehearsal.RehearsalException;
import dev.rehearsal.database.IsolatedDatabase;
import dev.rehearsal.database.Target;
import dev.rehearsal.migration.MigrationLoader;
import dev.rehearsal.runner.MigrationRunner;
import dev.rehearsal.runner.RunnerOptions;
import dev.rehearsal.stage.StageFixtures;
import dev.rehearsal.testing.TestDatabases;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineExecutionResults;

/**
 * The engine pointed at a database an interrupted restore left half-restored, or a migration left
 * half-applied, refuses with the message the command line gives (the safety backup and the command
 * that restores it; what to repair), instead of rehearsing beside it as if it were whole.
 */
class UnfinishedServerEngineTests {
    @TempDir
    Path reports;

    @TempDir
    Path dir;

    @Test
    void aConfiguredDatabaseMarkedByAnInterruptedRestoreFailsTheTargetWithTheSafetyBackupToRestore() throws Exception {
        try (IsolatedDatabase db = TestDatabases.create("mariadb")) {
            Target target = db.target();
            try (Connection c = target.connect(); Statement s = c.createStatement()) {
                s.execute("create table rehearsal_restore_marker as select 'an interrupted `rehearsal backup restore`"
                        + " of db_backup_x left it partly restored; restore it with: rehearsal backup restore db_backup_y"
                        + " --dir /b' as note, '2026-12-05T07:00:00Z' as placed_at");
            }

            List<String> failures = targetFailures(target);

            assertThat(failures).hasSize(1);
            assertThat(failures.get(0)).contains("is marked by an unfinished restore (table rehearsal_restore_marker)",
                    "restore it with: rehearsal backup restore db_backup_y --dir /b");
        }
    }

    @Test
    void aConfiguredDatabaseWhoseMigrationFailedPartWayFailsTheTargetWithTheRepairMessage() throws Exception {
        try (IsolatedDatabase db = TestDatabases.create("mariadb")) {
            Target target = db.target();
            MigrationRunner runner = new MigrationRunner(target, MigrationLoader.load(StageFixtures.migrations(dir,
                    StageFixtures.failingSecond()), target.dialect()).migrations(), RunnerOptions.defaults());
            assertThatThrownBy(() -> runner.up(null)).isInstanceOf(RehearsalException.class);

            List<String> failures = targetFailures(target);

            assertThat(failures).hasSize(1);
            assertThat(failures.get(0)).isEqualTo(runner.repairNeeded().get(0));
        }
    }

    /** Runs the "good" set with {@code target} as the configured MariaDB URL: no test may start. */
    private List<String> targetFailures(Target target) {
        Map<String, String> config = new HashMap<>(EngineRuns.on("mariadb"));
        config.put(Constants.MARIADB_URL, target.url());

        EngineExecutionResults results = EngineRuns.runSet(reports, "good", config);

        results.testEvents().assertStatistics(s -> s.started(0));
        return results.containerEvents().failed().list().stream()
                .map(e -> e.getPayload(TestExecutionResult.class).flatMap(TestExecutionResult::getThrowable)
                        .map(Throwable::getMessage).orElse(""))
                .toList();
    }
}
