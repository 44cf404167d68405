package dev.rehearsal.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rehearsal.database.IsolatedDatabase;
import dev.rehearsal.testing.ChildCli;
import dev.rehearsal.testing.TestDatabases;
import dev.rehearsal.verification.DatabaseSnapshot;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * MariaDB commits DDL as it goes: the safety backup is all there is. It must be taken under the
 * lock, never for a refused run, and a runner killed mid-script must leave a state the next
 * command reports, with the backup to restore.
 */
class MariaDbRecoveryTests {
    private static final Pattern RESTORE = Pattern.compile("rehearsal backup restore (\\S+) --backup-dir (\\S+)");

    @TempDir
    Path dir;

    @Test
    void anUnknownTargetVersionIsRefusedBeforeAnyBackup() throws Exception {
        try (IsolatedDatabase db = TestDatabases.create("mariadb")) {
            CliRun up = CliRun.of("up", "--url", db.target().url(), "--migrations", migrations(0).toString(), "--to", "99",
                    "--backup-dir", backups().toString());

            assertThat(up.exitCode()).as(up.toString()).isEqualTo(2);
            assertThat(up.err()).contains("no migration with version 99");
            assertThat(up.out()).doesNotContain("safety backup");
            assertThat(backups()).doesNotExist();
            assertThat(TestDatabases.firstColumn(db.target(), "show tables")).isEmpty();
        }
    }

    @Test
    void concurrentUpsApplyOnceAndOnlyTheWinnerTakesASafetyBackup() throws Exception {
        try (IsolatedDatabase db = TestDatabases.create("mariadb")) {
            String url = db.target().url();
            Path migrations = migrations(2);
            seedFirstMigration(url, migrations);
            ExecutorService pool = Executors.newFixedThreadPool(4);
            List<Future<CliRun>> runs = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                runs.add(pool.submit(() -> CliRun.of("up", "--url", url, "--migrations", migrations.toString(),
                        "--backup-dir", backups().toString())));
            }
            List<CliRun> done = new ArrayList<>();
            for (Future<CliRun> run : runs) {
                done.add(run.get());
            }
            pool.shutdown();

            assertThat(done).allSatisfy(run -> assertThat(run.exitCode()).as(run.toString()).isZero());
            assertThat(done).filteredOn(run -> run.out().contains("applied     002 two")).hasSize(1);
            assertThat(done).filteredOn(run -> run.out().equals("nothing to apply: the database is up to date"
                    + System.lineSeparator())).hasSize(3);
            assertThat(backupFiles()).hasSize(1);
            assertThat(TestDatabases.firstColumn(db.target(), "select count(*) from t")).containsExactly("3");
        }
    }

    @Test
    void concurrentStagersMigrateOnceAndOnlyTheWinnerTakesABackupUnderTheLock() throws Exception {
        try (IsolatedDatabase db = TestDatabases.create("mariadb")) {
            String url = db.target().url();
            Path migrations = migrations(2);
            seedFirstMigration(url, migrations);
            ExecutorService pool = Executors.newFixedThreadPool(4);
            List<Future<CliRun>> runs = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                runs.add(pool.submit(() -> CliRun.of("stage", "--url", url, "--migrations", migrations.toString(),
                        "--dir", backups().toString())));
            }
            List<CliRun> done = new ArrayList<>();
            for (Future<CliRun> run : runs) {
                done.add(run.get());
            }
            pool.shutdown();

            assertThat(done).allSatisfy(run -> assertThat(run.exitCode()).as(run.toString()).isZero());
            assertThat(done).allSatisfy(run -> assertThat(run.toString()).doesNotContain("Table definition has changed"));
            assertThat(done).filteredOn(run -> run.out().contains("staged migration succeeded: applied 1 migration(s)"))
                    .hasSize(1);
            assertThat(done).filteredOn(run -> run.out().equals("nothing to migrate: already at 002"
                    + System.lineSeparator())).as("the losers waited for the lock, then found nothing to do").hasSize(3);
            assertThat(backupFiles()).as("only the winner backed up, under the lock").hasSize(1);
            assertThat(TestDatabases.firstColumn(db.target(), "select count(*) from t")).containsExactly("3");
        }
    }

    @Test
    void aRunnerKilledMidMigrationIsReportedWithTheBackupToRestoreAndLosesNoData() throws Exception {
        try (IsolatedDatabase db = TestDatabases.create("mariadb")) {
            String url = db.target().url();
            Path migrations = migrations(5);
            seedFirstMigration(url, migrations);
            DatabaseSnapshot before = state(db);

            ChildCli child = ChildCli.start(dir, "killed-up", Map.of(), "up", "--url", url, "--migrations",
                    migrations.toString(), "--backup-dir", backups().toString());
            awaitTable(db, "a", child);
            child.killProcessGroup();

            assertThat(child.out()).startsWith("safety backup " + backups());
            CliRun status = CliRun.of("status", "--url", url, "--migrations", migrations.toString());
            assertThat(status.exitCode()).as("needs repair: " + status).isEqualTo(1);
            assertThat(status.out()).containsPattern("002\\s+interrupted\\s+two")
                    .contains("NEEDS REPAIR: migration 002 two was interrupted part-way", "rehearsal repair");
            Matcher named = RESTORE.matcher(status.out());
            assertThat(named.find()).as(status.out()).isTrue();

            CliRun up = CliRun.of("up", "--url", url, "--migrations", migrations.toString(), "--backup-dir",
                    backups().toString());
            assertThat(up.exitCode()).as(up.toString()).isEqualTo(1);
            assertThat(up.err()).contains("migration 002 two was interrupted part-way", "rehearsal repair",
                    "rehearsal backup restore " + named.group(1));
            assertThat(up.out()).doesNotContain("safety backup");
            assertThat(backupFiles()).hasSize(1);
            assertThat(TestDatabases.firstColumn(db.target(), "select count(*) from t")).containsExactly("3");

            CliRun restored = CliRun.of("backup", "restore", named.group(1), "--dir", named.group(2), "--url", url,
                    "--force");
            assertThat(restored.exitCode()).as(restored.toString()).isZero();
            assertThat(state(db)).isEqualTo(before);
            CliRun again = CliRun.of("up", "--url", url, "--migrations", migrations.toString(), "--no-backup");
            assertThat(again.exitCode()).as(again.toString()).isZero();
            assertThat(again.out()).contains("applied     002 two");
        }
    }

    @Test
    void aRunnerKilledWhileWaitingForTheLockLeavesNoBackupAndNoMark() throws Exception {
        try (IsolatedDatabase db = TestDatabases.create("mariadb")) {
            String url = db.target().url();
            Path migrations = migrations(5);
            seedFirstMigration(url, migrations);
            ChildCli holder = ChildCli.start(dir, "holder", Map.of(), "up", "--url", url, "--migrations",
                    migrations.toString(), "--backup-dir", backups().toString());
            awaitTable(db, "a", holder);

            ChildCli waiter = ChildCli.start(dir, "waiter", Map.of(), "up", "--url", url, "--migrations",
                    migrations.toString(), "--backup-dir", backups().toString());
            awaitLockWaiter(db, waiter);
            waiter.killProcessGroup();

            assertThat(holder.waitFor()).as(holder.toString()).isZero();
            assertThat(waiter.out()).doesNotContain("safety backup");
            assertThat(backupFiles()).hasSize(1);
            CliRun status = CliRun.of("status", "--url", url, "--migrations", migrations.toString());
            assertThat(status.out()).containsPattern("002\\s+applied\\s+two").doesNotContain("NEEDS REPAIR");
            assertThat(TestDatabases.firstColumn(db.target(), "select count(*) from t")).containsExactly("3");
        }
    }

    @Test
    void aRunnerKilledMidRollbackIsReportedAndNothingMigratesUntilRepaired() throws Exception {
        try (IsolatedDatabase db = TestDatabases.create("mariadb")) {
            String url = db.target().url();
            Path migrations = migrations(5);
            seedFirstMigration(url, migrations);
            assertThat(CliRun.of("up", "--url", url, "--migrations", migrations.toString(), "--no-backup").exitCode())
                    .isZero();

            ChildCli child = ChildCli.start(dir, "killed-down", Map.of(), "down", "--url", url, "--migrations",
                    migrations.toString(), "--backup-dir", backups().toString());
            awaitNoTable(db, "b", child);
            child.killProcessGroup();

            CliRun status = CliRun.of("status", "--url", url, "--migrations", migrations.toString());
            assertThat(status.exitCode()).as("needs repair: " + status).isEqualTo(1);
            assertThat(status.out()).containsPattern("002\\s+interrupted\\s+two")
                    .contains("NEEDS REPAIR: migration 002 two was interrupted part-way", "before rolling back",
                            "rehearsal backup restore ");
            for (String command : List.of("up", "down", "redo", "reset", "refresh")) {
                CliRun refused = CliRun.of(command, "--url", url, "--migrations", migrations.toString(), "--backup-dir",
                        backups().toString());
                assertThat(refused.exitCode()).as(command + ": " + refused).isEqualTo(1);
                assertThat(refused.err()).as(command).contains("was interrupted part-way", "rehearsal repair");
            }
            assertThat(backupFiles()).hasSize(1);
            assertThat(TestDatabases.firstColumn(db.target(), "select count(*) from t")).containsExactly("3");
        }
    }

    /** 001 creates t; 002 creates a, waits {@code sleepSeconds} (the window for a race or a kill), creates b. */
    private Path migrations(int sleepSeconds) throws IOException {
        Path migrations = Files.createDirectories(dir.resolve("m"));
        Files.writeString(migrations.resolve("001_one.up.sql"), "create table t (id int primary key);\n");
        Files.writeString(migrations.resolve("001_one.down.sql"), "drop table t;\n");
        Files.writeString(migrations.resolve("002_two.up.sql"), "create table a (id int);\nselect sleep(" + sleepSeconds
                + ");\ncreate table b (id int);\n");
        Files.writeString(migrations.resolve("002_two.down.sql"), "drop table b;\nselect sleep(" + sleepSeconds
                + ");\ndrop table a;\n");
        return migrations;
    }

    /** Applies 001 and gives t three rows that no later step may lose. */
    private void seedFirstMigration(String url, Path migrations) throws Exception {
        CliRun first = CliRun.of("up", "--url", url, "--migrations", migrations.toString(), "--to", "001", "--no-backup");
        assertThat(first.exitCode()).as(first.toString()).isZero();
        try (Connection c = dev.rehearsal.database.Target.of(url).connect()) {
            c.createStatement().execute("insert into t values (1), (2), (3)");
        }
    }

    private Path backups() {
        return dir.resolve("backups");
    }

    private List<Path> backupFiles() throws IOException {
        if (!Files.exists(backups())) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(backups())) {
            return files.filter(f -> f.getFileName().toString().startsWith("db_backup_"))
                    .filter(f -> !f.getFileName().toString().endsWith(".manifest.json")).toList();
        }
    }

    private static void awaitTable(IsolatedDatabase db, String table, ChildCli child) throws Exception {
        for (int i = 0; i < 600; i++) {
            if (TestDatabases.firstColumn(db.target(), "show tables").contains(table)) {
                return;
            }
            Thread.sleep(100);
        }
        child.killProcessGroup();
        throw new AssertionError("the child never created table " + table + ":\n" + child);
    }

    /** Until a session waits in GET_LOCK: the holder's call returned long ago, so it is the waiter's. */
    private static void awaitLockWaiter(IsolatedDatabase db, ChildCli waiter) throws Exception {
        for (int i = 0; i < 600; i++) {
            if (!TestDatabases.firstColumn(db.target(), "select id from information_schema.processlist"
                    + " where info like 'select get_lock(%'").isEmpty()) {
                return;
            }
            Thread.sleep(100);
        }
        waiter.killProcessGroup();
        throw new AssertionError("the waiter never blocked on the migration lock:\n" + waiter);
    }

    private static void awaitNoTable(IsolatedDatabase db, String table, ChildCli child) throws Exception {
        for (int i = 0; i < 600; i++) {
            if (!TestDatabases.firstColumn(db.target(), "show tables").contains(table)) {
                return;
            }
            Thread.sleep(100);
        }
        child.killProcessGroup();
        throw new AssertionError("the child never dropped table " + table + ":\n" + child);
    }

    /** Schema and data, Rehearsal's history tables included: the restore brings them back too. */
    private static DatabaseSnapshot state(IsolatedDatabase db) throws SQLException {
        try (Connection c = db.target().connect()) {
            return DatabaseSnapshot.take(c, db.target().dialect(), Set.of());
        }
    }
}
