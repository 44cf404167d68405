package dev.rehearsal.drill;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rehearsal.ErrorCode;
import dev.rehearsal.RehearsalException;
import dev.rehearsal.database.IsolatedDatabase;
import dev.rehearsal.database.Target;
import dev.rehearsal.migration.MigrationLoader;
import dev.rehearsal.migration.MigrationSet;
import dev.rehearsal.migration.MigrationVersion;
import dev.rehearsal.runner.MigrationRunner;
import dev.rehearsal.runner.RunnerOptions;
import dev.rehearsal.stage.StageFixtures;
import dev.rehearsal.testing.TestDatabases;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The drills (of the CLI, the engine and the Java API alike) refuse a target that an unfinished
 * change marks, with the message the migration commands give, instead of drilling on top of it:
 * a fault drill's repair would otherwise clear a real failed migration's mark.
 */
class UnfinishedTargetDrillTests {
    private static final MigrationVersion SECOND = MigrationVersion.parse(StageFixtures.SECOND);
    private static final String NOTE = "an interrupted `rehearsal backup restore` of db_backup_x left the database"
            + " partly restored; what it held before is in the safety backup /b/db_backup_y.sql; restore it with:"
            + " rehearsal backup restore db_backup_y --dir /b --url 'jdbc:mariadb://h/d'";

    @TempDir
    Path dir;

    @Test
    void aFailedMigrationsMarkIsNeverRepairedAwayByADrill() throws Exception {
        try (IsolatedDatabase db = TestDatabases.create("mariadb")) {
            Target target = db.target();
            MigrationSet set = MigrationLoader.load(StageFixtures.migrations(dir, StageFixtures.failingSecond()),
                    target.dialect());
            MigrationRunner runner = new MigrationRunner(target, set.migrations(), RunnerOptions.defaults());
            assertThatThrownBy(() -> runner.up(null)).isInstanceOf(RehearsalException.class);
            String needsRepair = runner.repairNeeded().get(0);
            Path backups = dir.resolve("drill-backups");

            assertThatThrownBy(() -> FaultInjection.run(target, set, SECOND, FaultOptions.defaults().withBackupDir(backups)))
                    .isInstanceOf(RehearsalException.class).hasMessage(needsRepair)
                    .extracting(e -> ((RehearsalException) e).code()).isEqualTo(ErrorCode.NEEDS_REPAIR);
            assertThatThrownBy(() -> RollbackDrill.run(target, set, SECOND, DrillOptions.defaults().withBackupDir(backups)))
                    .isInstanceOf(RehearsalException.class).hasMessage(needsRepair);

            assertThat(runner.repairNeeded()).as("the mark stays for the operator").containsExactly(needsRepair);
            assertThat(TestDatabases.firstColumn(target, "select name from teams where id = 2")).containsExactly("broken");
            assertThat(!Files.exists(backups) || Files.list(backups).findAny().isEmpty()).as("no backup taken").isTrue();
        }
    }

    @Test
    void aDatabaseMarkedByAnInterruptedRestoreIsRefusedWithTheSafetyBackupToRestore() throws Exception {
        try (IsolatedDatabase db = TestDatabases.create("mariadb")) {
            Target target = db.target();
            MigrationSet set = MigrationLoader.load(StageFixtures.migrations(dir, StageFixtures.goodSecond()),
                    target.dialect());
            markHalfRestored(target);

            assertThatThrownBy(() -> FaultInjection.run(target, set, SECOND, FaultOptions.defaults()))
                    .isInstanceOf(RehearsalException.class)
                    .hasMessageContaining("is marked by an unfinished restore (table rehearsal_restore_marker)")
                    .hasMessageContaining("restore it with: rehearsal backup restore db_backup_y --dir /b");
            assertThatThrownBy(() -> RollbackDrill.run(target, set, SECOND, DrillOptions.defaults()))
                    .isInstanceOf(RehearsalException.class)
                    .hasMessageContaining("is marked by an unfinished restore (table rehearsal_restore_marker)");
            assertThat(TestDatabases.firstColumn(target, "show tables")).containsExactly("rehearsal_restore_marker");
        }
    }

    /** What a restore cut off by kill -9 leaves (RestoreCrashTests kills one for real). */
    static void markHalfRestored(Target target) throws Exception {
        try (Connection c = target.connect(); PreparedStatement s = c.prepareStatement("create table"
                + " rehearsal_restore_marker as select cast(? as char(4000)) as note, cast(? as char(40)) as placed_at")) {
            s.setString(1, NOTE);
            s.setString(2, "2026-12-05T07:00:00Z");
            s.execute();
        }
    }
}
