package dev.rehearsal.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rehearsal.database.IsolatedDatabase;
import dev.rehearsal.stage.StageFixtures;
import dev.rehearsal.testing.TestDatabases;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class StageCommandTests {
    @TempDir
    Path dir;

    @ParameterizedTest
    @MethodSource("dev.rehearsal.testing.TestDatabases#engines")
    void aFailedStagedMigrationSaysWhetherItWasRolledBackOrRestored(String engine) throws Exception {
        try (IsolatedDatabase db = TestDatabases.create(engine)) {
            String url = db.target().url();
            Path migrations = StageFixtures.migrations(dir, StageFixtures.failingSecond());
            assertThat(CliRun.of("up", "--url", url, "--migrations", migrations.toString(), "--to", StageFixtures.FIRST,
                    "--backup-dir", dir.resolve("up-backups").toString()).exitCode()).isZero();

            CliRun run = CliRun.of("stage", "--url", url, "--migrations", migrations.toString(),
                    "--dir", dir.resolve("backups").toString());

            assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
            assertThat(run.out()).containsPattern("\\[1/4\\] backup \\.\\.\\. done in \\d+ ms \\(.*db_backup_.*, verified\\)")
                    .containsPattern("\\[3/4\\] migrate \\.\\.\\. FAILED in \\d+ ms\\R");
            if (engine.equals("mariadb")) {
                assertThat(run.out()).containsPattern("\\[recovery\\] restore \\.\\.\\. done in \\d+ ms \\(data checksum"
                        + " [0-9a-f]{32}, behind the verified safety backup .*db_backup_.*\\.sql \\(kept\\)\\)");
                assertThat(run.err()).contains("staged migration FAILED", "restored from", "(identical)")
                        .doesNotContain("rehearsal repair");
            } else {
                assertThat(run.out()).containsPattern("\\[recovery\\] check \\.\\.\\. done in \\d+ ms \\(equal to the capture,"
                        + " data checksum [0-9a-f]{32}\\)").doesNotContain("restore ...");
                assertThat(run.err()).contains("staged migration FAILED", "rolled back by its transaction; database checked"
                        + " equal to the capture", "backup not needed: " + dir.resolve("backups")).doesNotContain("..");
            }
            assertThat(CliRun.of("version", "--url", url, "--migrations", migrations.toString()).out().trim())
                    .isEqualTo(StageFixtures.FIRST);
        }
    }

    @Test
    void aFailingErrorCheckRestoresAndExitsOne() throws Exception {
        Path db = dir.resolve("app.db");
        Path migrations = StageFixtures.migrations(dir, StageFixtures.goodSecond());
        CliRun.of("up", "--url", db.toString(), "--migrations", migrations.toString(), "--to", StageFixtures.FIRST);
        Path suite = StageFixtures.suite(dir, "strict", StageFixtures.failingChecks());

        CliRun run = CliRun.of("stage", "--url", db.toString(), "--migrations", migrations.toString(),
                "--suite", suite.toString(), "--dir", dir.resolve("b").toString());

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
        assertThat(run.out()).contains("suite strict: FAILED", "[4/4] verify ... FAILED");
        assertThat(run.err()).contains("verification suite strict failed", "restored from");
    }

    @Test
    void successNothingToDoAndRollbackAreReported() throws Exception {
        Path db = dir.resolve("app.db");
        Path migrations = StageFixtures.migrations(dir, StageFixtures.goodSecond());
        String[] stage = {"stage", "--url", db.toString(), "--migrations", migrations.toString(),
                "--dir", dir.resolve("b").toString()};

        CliRun first = CliRun.of(stage);
        CliRun again = CliRun.of(stage);
        CliRun rollback = CliRun.of(concat(stage, "--rollback"));

        assertThat(first.exitCode()).as(first.toString()).isZero();
        assertThat(first.out()).contains("[4/4] verify ... done in 0 ms (skipped: no --suite given)",
                "staged migration succeeded: applied 2 migration(s), now at " + StageFixtures.SECOND, "backup kept at");
        assertThat(again.exitCode()).isZero();
        assertThat(again.out().trim()).isEqualTo("nothing to migrate: already at " + StageFixtures.SECOND);
        assertThat(rollback.exitCode()).as(rollback.toString()).isZero();
        assertThat(rollback.out()).contains("[3/4] rollback ... done", "rolled back 1 migration(s), now at "
                + StageFixtures.FIRST);
    }

    @Test
    void skipBackupWarnsLoudly() throws Exception {
        Path db = dir.resolve("app.db");
        Path migrations = StageFixtures.migrations(dir, StageFixtures.failingSecond());

        CliRun run = CliRun.of("stage", "--url", db.toString(), "--migrations", migrations.toString(), "--skip-backup",
                "--dir", dir.resolve("b").toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("WARNING: --skip-backup: NO BACKUP is taken",
                "The database was NOT restored (--skip-backup was given)");
        assertThat(dir.resolve("b")).doesNotExist();
    }

    @Test
    void anUnwritableBackupDirectoryStopsTheStageBeforeTheMigration() throws Exception {
        Path db = dir.resolve("app.db");
        Path migrations = StageFixtures.migrations(dir, StageFixtures.goodSecond());
        Path blocker = Files.writeString(dir.resolve("file"), "x");

        CliRun run = CliRun.of("stage", "--url", db.toString(), "--migrations", migrations.toString(),
                "--dir", blocker.resolve("backups").toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).contains("[1/4] backup ... FAILED").doesNotContain("[3/4]");
        assertThat(run.err()).contains("cannot create the backup directory", "the database was not touched");
        assertThat(CliRun.of("version", "--url", db.toString(), "--migrations", migrations.toString()).out())
                .contains("none: no migration is applied");
    }

    @Test
    void productionGuardAndBadInputExitTwo() throws Exception {
        Path db = dir.resolve("app.db");
        Path migrations = StageFixtures.migrations(dir, StageFixtures.goodSecond());

        CliRun guarded = CliRun.of("stage", "--url", db.toString(), "--migrations", migrations.toString(),
                "--env", "production");
        CliRun unknown = CliRun.of("stage", "--url", db.toString(), "--migrations", migrations.toString(),
                "--to", "99990101000000", "--dir", dir.resolve("b").toString());

        assertThat(guarded.exitCode()).isEqualTo(2);
        assertThat(guarded.err()).contains("refusing to run 'stage' against a production target");
        assertThat(unknown.exitCode()).as(unknown.toString()).isEqualTo(2);
        assertThat(unknown.err()).contains("no migration with version 99990101000000");
        assertThat(dir.resolve("b")).doesNotExist();
    }

    private static String[] concat(String[] args, String extra) {
        String[] all = java.util.Arrays.copyOf(args, args.length + 1);
        all[args.length] = extra;
        return all;
    }

    @Test
    void aVersionThatFailedPartWayIsNeverNothingToMigrate() throws Exception {
        try (IsolatedDatabase db = TestDatabases.create("mariadb")) {
            String url = db.target().url();
            Path migrations = StageFixtures.migrations(dir, StageFixtures.failingSecond());
            CliRun failed = CliRun.of("up", "--url", url, "--migrations", migrations.toString(), "--no-backup");
            assertThat(failed.exitCode()).as(failed.toString()).isEqualTo(1);

            CliRun stage = CliRun.of("stage", "--url", url, "--migrations", migrations.toString(), "--to",
                    StageFixtures.SECOND, "--dir", dir.resolve("backups").toString());

            assertThat(stage.exitCode()).as(stage.toString()).isEqualTo(1);
            assertThat(stage.out() + stage.err()).doesNotContain("nothing to migrate");
            assertThat(stage.err()).contains("refusing to stage: migration " + StageFixtures.SECOND
                    + " create accounts failed part-way", "3 statement(s) stayed applied", "no_such_table",
                    "rehearsal repair", "Nothing was backed up or changed by this command");
            assertThat(dir.resolve("backups")).doesNotExist();
        }
    }

    @ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"sqlite", "postgres"})
    void aVersionThatFailedInATransactionIsStagedAgainAndItsFailureGivesTheReason(String engine) throws Exception {
        try (IsolatedDatabase db = TestDatabases.create(engine)) {
            String url = db.target().url();
            Path migrations = StageFixtures.migrations(dir, StageFixtures.failingSecond());
            assertThat(CliRun.of("up", "--url", url, "--migrations", migrations.toString()).exitCode()).isEqualTo(1);

            CliRun stage = CliRun.of("stage", "--url", url, "--migrations", migrations.toString(), "--to",
                    StageFixtures.SECOND, "--dir", dir.resolve("backups").toString());

            assertThat(stage.exitCode()).as(stage.toString()).isEqualTo(1);
            assertThat(stage.out()).doesNotContain("nothing to migrate").contains("[3/4] migrate ... FAILED");
            assertThat(stage.err()).containsPattern("staged migration FAILED: migration failed: migration "
                    + StageFixtures.SECOND + " create accounts failed at " + StageFixtures.SECOND
                    + "_create_accounts.up.sql:4:1 \\(statement 4 of 4\\): \\S.*no_such_table");
        }
    }
}
