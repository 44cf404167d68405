package dev.rehearsal.drill;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rehearsal.database.IsolatedDatabase;
import dev.rehearsal.database.Target;
import dev.rehearsal.migration.MigrationLoader;
import dev.rehearsal.migration.MigrationSet;
import dev.rehearsal.migration.MigrationVersion;
import dev.rehearsal.runner.MigrationRunner;
import dev.rehearsal.runner.RunnerOptions;
import dev.rehearsal.runner.history.SchemaHistory;
import dev.rehearsal.testing.TestDatabases;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class RollbackDrillTests {
    private static final DrillOptions SEEDED = DrillOptions.defaults().withFixtures(MediaSet.fixtures());

    @ParameterizedTest
    @MethodSource("dev.rehearsal.testing.TestDatabases#engines")
    void builtInRollbackOfMediaUnificationBringsBackIdenticalSchemaAndData(String engine) throws Exception {
        try (IsolatedDatabase db = TestDatabases.create(engine)) {
            RollbackDrillResult result = RollbackDrill.run(db.target(), MediaSet.load(db.target()), MediaSet.UNIFY, SEEDED);

            assertThat(result.migration().version()).isEqualTo(MediaSet.UNIFY);
            assertThat(result.options()).extracting(RecoveryOption::name)
                    .containsExactly(RollbackDrill.BUILT_IN_ROLLBACK, RollbackDrill.RESTORE_FROM_BACKUP);
            RecoveryOption rollback = result.option(RollbackDrill.BUILT_IN_ROLLBACK);
            assertThat(rollback.diff()).isEmpty();
            assertThat(rollback.passed()).isTrue();
            assertThat(rollback.objective()).isEqualTo(Duration.ofMinutes(15));
            assertThat(rollback.recoveryTime()).isPositive().isLessThan(rollback.objective());
            assertThat(rows(db.target(), "images") + rows(db.target(), "docs")).as("the seeded rows").isEqualTo(48);
        }
    }

    @ParameterizedTest
    @MethodSource("dev.rehearsal.testing.TestDatabases#engines")
    void restoringThePreMigrationBackupBringsBackIdenticalSchemaAndData(String engine) {
        try (IsolatedDatabase db = TestDatabases.create(engine)) {
            RollbackDrillResult result = RollbackDrill.run(db.target(), MediaSet.load(db.target()), MediaSet.UNIFY, SEEDED);

            RecoveryOption restore = result.option(RollbackDrill.RESTORE_FROM_BACKUP);
            assertThat(restore.diff()).isEmpty();
            assertThat(restore.passed()).isTrue();
            assertThat(result.passed()).isTrue();
            assertThat(DrillPreparation.historyStatus(db.target(), history(db.target()), MediaSet.UNIFY))
                    .as("the restored history predates the migration").isEqualTo(DrillPreparation.NOT_APPLIED);
        }
    }

    @ParameterizedTest
    @MethodSource("dev.rehearsal.testing.TestDatabases#engines")
    void rollbackThatLosesRowsFailsTheBuiltInOptionWithTheDiff(String engine, @TempDir Path dir) throws IOException {
        writeLossyMigrations(dir);
        try (IsolatedDatabase db = TestDatabases.create(engine)) {
            MigrationSet set = MigrationLoader.load(dir, db.target().dialect());
            RollbackDrillResult result = RollbackDrill.run(db.target(), set, MigrationVersion.parse("2"),
                    DrillOptions.defaults());

            RecoveryOption rollback = result.option(RollbackDrill.BUILT_IN_ROLLBACK);
            assertThat(rollback.passed()).isFalse();
            assertThat(rollback.diff()).contains("table data items").contains("3 rows before the migration")
                    .contains("2 after the built-in rollback");
            assertThat(result.passed()).isFalse();
        }
    }

    @ParameterizedTest
    @MethodSource("dev.rehearsal.testing.TestDatabases#engines")
    void backupRestoreIsTriedOnItsOwnWhenTheBrokenDownLeavesAStateTheUpCannotRunOn(String engine, @TempDir Path dir)
            throws IOException {
        Files.writeString(dir.resolve("1_create_items.up.sql"), "CREATE TABLE items (id INTEGER PRIMARY KEY);\n");
        Files.writeString(dir.resolve("1_create_items.down.sql"), "DROP TABLE items;\n");
        Files.writeString(dir.resolve("2_create_tags.up.sql"), "CREATE TABLE tags (id INTEGER PRIMARY KEY);\n");
        Files.writeString(dir.resolve("2_create_tags.down.sql"), "SELECT 1;\n"); // forgets the table
        try (IsolatedDatabase db = TestDatabases.create(engine)) {
            MigrationSet set = MigrationLoader.load(dir, db.target().dialect());
            RollbackDrillResult result = RollbackDrill.run(db.target(), set, MigrationVersion.parse("2"),
                    DrillOptions.defaults());

            assertThat(result.option(RollbackDrill.BUILT_IN_ROLLBACK).passed()).isFalse();
            RecoveryOption restore = result.option(RollbackDrill.RESTORE_FROM_BACKUP);
            assertThat(restore.passed()).as(restore.diff()).isTrue();
            assertThat(restore.diff()).startsWith("applying the migration again before the restore failed: ")
                    .endsWith("so option 2 started on its own: the backup restored, the migration applied again,"
                            + " then the backup restored as the recovery");
        }
    }

    @Test
    void recoverySlowerThanTheObjectiveFails() {
        try (IsolatedDatabase db = TestDatabases.create("sqlite")) {
            RollbackDrillResult result = RollbackDrill.run(db.target(), MediaSet.load(db.target()), MediaSet.UNIFY,
                    SEEDED.withObjective(Duration.ZERO));

            RecoveryOption rollback = result.option(RollbackDrill.BUILT_IN_ROLLBACK);
            assertThat(rollback.passed()).isFalse();
            assertThat(rollback.withinObjective()).isFalse();
            assertThat(rollback.diff()).startsWith("took ").endsWith("over the recovery-time objective of 0.000 s");
        }
    }

    @Test
    void drillStartsFromATargetBeyondTheDrilledVersion() throws Exception {
        try (IsolatedDatabase db = TestDatabases.create("sqlite")) {
            MigrationSet set = MediaSet.load(db.target());
            new MigrationRunner(db.target(), set.migrations(), RunnerOptions.defaults()).up(null);

            RollbackDrillResult result = RollbackDrill.run(db.target(), set, MediaSet.INDEX_CREATED_AT,
                    DrillOptions.defaults());

            assertThat(result.option(RollbackDrill.BUILT_IN_ROLLBACK).passed()).isTrue();
            assertThat(DrillPreparation.historyStatus(db.target(), history(db.target()), MediaSet.UNIFY))
                    .as("the newer migration was rolled back to reach V-1").isEqualTo("rolled_back");
        }
    }

    /** Version 1 creates and fills items; version 2's rollback deletes a row it never added. */
    static void writeLossyMigrations(Path dir) throws IOException {
        Files.writeString(dir.resolve("1_create_items.up.sql"), "CREATE TABLE items (id INTEGER PRIMARY KEY, name VARCHAR(50) NOT NULL);\n"
                + "INSERT INTO items (id, name) VALUES (1, 'a'), (2, 'b'), (3, 'c');\n");
        Files.writeString(dir.resolve("1_create_items.down.sql"), "DROP TABLE items;\n");
        Files.writeString(dir.resolve("2_archive_items.up.sql"), "CREATE TABLE items_archive (id INTEGER PRIMARY KEY);\n");
        Files.writeString(dir.resolve("2_archive_items.down.sql"), "DROP TABLE items_archive;\nDELETE FROM items WHERE id = 3;\n");
    }

    static SchemaHistory history(Target target) {
        return new SchemaHistory(target.dialect(), SchemaHistory.DEFAULT_TABLE);
    }

    static long rows(Target target, String table) throws Exception {
        try (Connection c = target.connect(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select count(*) from " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
