package dev.rehearsal.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rehearsal.backup.Backup;
import dev.rehearsal.backup.BackupService;
import dev.rehearsal.database.IsolatedDatabase;
import dev.rehearsal.database.Target;
import dev.rehearsal.testing.ChildCli;
import dev.rehearsal.testing.TestDatabases;
import dev.rehearsal.verification.DatabaseSnapshot;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@code backup restore} killed with SIGKILL at several points, in a child JVM (alone, or with its
 * process group): the client tools stop with it, nothing is committed unchecked, the next command
 * says what happened and how to recover, and no readable copy of the data stays behind.
 */
class RestoreCrashTests {
    private static final Set<String> EXCLUDED = Set.of("rehearsal_history", "rehearsal_history_lock");
    private static final Pattern RESTORE_HINT = Pattern.compile(
            "restore it with: rehearsal backup restore (\\S+) --backup-dir (\\S+) --url '([^']+)'");
    private static final int ROWS = 100_000;

    enum Kill { JVM, PROCESS_GROUP }

    private final BackupService backups = new BackupService();

    @TempDir
    Path dir;

    /** Where the children's output goes: outside the backup directory, whose files must all be private. */
    @TempDir
    Path logs;

    @ParameterizedTest
    @EnumSource(Kill.class)
    void aMariaDbRestoreKilledWhileTheClientRunsIsMarkedAndTheNextCommandNamesTheSafetyBackup(Kill kill)
            throws Exception {
        try (IsolatedDatabase db = TestDatabases.create("mariadb")) {
            Target target = db.target();
            Backup backup = backupOfBigTable(target, "insert into big select seq, repeat('x', 150) from seq_1_to_" + ROWS);
            DatabaseSnapshot before = snapshot(target);

            ChildCli child = restoreInChild(backup, target);
            assertThat(child.await(() -> child.descendant("mariadb").isPresent())).as("the client started").isTrue();
            ProcessHandle client = child.descendant("mariadb").orElseThrow();
            kill(child, kill);
            client.onExit().get(30, TimeUnit.SECONDS);
            assertThat(client.isAlive()).as("the client stops with the JVM").isFalse();
            assertThat(rowsOfBig(target)).as("it read end-of-file instead of the rest of the dump").isLessThan(ROWS - 10);

            CliRun status = CliRun.of("status", "--url", target.url(), "--migrations",
                    ProjectFiles.migrations("media").toString());
            assertThat(status.exitCode()).as(status.toString()).isEqualTo(1);
            assertThat(status.err()).contains("is marked by an unfinished restore (table rehearsal_restore_marker)",
                    "an interrupted `rehearsal backup restore` of " + backup.name(), "the safety backup " + dir);
            assertThat(status.out()).doesNotContain("pending");
            Matcher hint = RESTORE_HINT.matcher(status.err());
            assertThat(hint.find()).as(status.err()).isTrue();
            assertOnlyOwnerCanRead(dir);

            CliRun recover = CliRun.of("backup", "restore", hint.group(1), "--dir", hint.group(2), "--url", hint.group(3),
                    "--force");
            assertThat(recover.exitCode()).as(recover.toString()).isZero();
            assertThat(DatabaseSnapshot.compare(before, snapshot(target), "before", "after recovery").render())
                    .isEqualTo("no differences between before and after recovery");
            CliRun statusAgain = CliRun.of("status", "--url", target.url(), "--migrations",
                    ProjectFiles.migrations("media").toString());
            assertThat(statusAgain.exitCode()).as(statusAgain.toString()).isZero();
        }
    }

    @Test
    void aMariaDbRestoreKilledDuringItsSafetyBackupLeavesTheDatabaseUntouchedAndUnmarked() throws Exception {
        try (IsolatedDatabase db = TestDatabases.create("mariadb")) {
            Target target = db.target();
            Backup backup = backupOfBigTable(target, "insert into big select seq, repeat('x', 150) from seq_1_to_" + ROWS);
            DatabaseSnapshot before = snapshot(target);

            ChildCli child = restoreInChild(backup, target);
            assertThat(child.await(() -> child.descendant("mariadb-dump").isPresent())).as("the safety dump started")
                    .isTrue();
            kill(child, Kill.JVM);

            assertThat(DatabaseSnapshot.compare(before, snapshot(target), "before", "after").isEmpty()).isTrue();
            CliRun snapshotCommand = CliRun.of("snapshot", "--url", target.url(), "--out", dir.resolve("s.json").toString());
            assertThat(snapshotCommand.exitCode()).as(snapshotCommand.toString()).isZero();
            assertOnlyOwnerCanRead(dir);
        }
    }

    @ParameterizedTest
    @EnumSource(Kill.class)
    void aPostgresRestoreKilledBeforeCommitIsRolledBackAndPsqlStops(Kill kill) throws Exception {
        try (IsolatedDatabase db = TestDatabases.create("postgres")) {
            Target target = db.target();
            Backup backup = backupOfBigTable(target,
                    "insert into big select g, repeat('x', 150) from generate_series(1, " + ROWS + ") g");
            DatabaseSnapshot before = snapshot(target);

            ChildCli child = restoreInChild(backup, target);
            assertThat(child.await(() -> child.descendant("psql").isPresent())).as("psql started").isTrue();
            ProcessHandle psql = child.descendant("psql").orElseThrow();
            Thread.sleep(300); // well into the replay of the dump
            kill(child, kill);
            psql.onExit().get(30, TimeUnit.SECONDS);

            assertThat(psql.isAlive()).isFalse();
            assertThat(DatabaseSnapshot.compare(before, snapshot(target), "before", "after").render())
                    .isEqualTo("no differences between before and after");
            assertThat(CliRun.of("backup", "list", "--dir", dir.toString()).exitCode()).isZero();
            assertOnlyOwnerCanRead(dir);
        }
    }

    @Test
    void aSqliteRestoreKilledMidWayLeavesTheFileAsItWasAndTheNextCommandRemovesItsPrivateCopy() throws Exception {
        try (IsolatedDatabase db = TestDatabases.create("sqlite")) {
            Target target = db.target();
            Backup backup = backupOfBigTable(target, "with recursive c(x) as (select 1 union all select x + 1 from c"
                    + " where x < " + ROWS + ") insert into big select x, printf('%.150c', 'x') from c");
            DatabaseSnapshot before = snapshot(target);

            ChildCli child = restoreInChild(backup, target);
            assertThat(child.await(() -> workDirectories().findAny().isPresent())).as("the private copy was made")
                    .isTrue();
            kill(child, Kill.PROCESS_GROUP);
            assertThat(workDirectories()).as("a kill -9 skips every cleanup").isNotEmpty();

            assertThat(DatabaseSnapshot.compare(before, snapshot(target), "before", "after").render())
                    .isEqualTo("no differences between before and after");
            assertThat(CliRun.of("backup", "list", "--dir", dir.toString()).exitCode()).isZero();
            assertThat(workDirectories()).as("removed by the next command, as its process is gone").isEmpty();
            assertOnlyOwnerCanRead(dir);
        }
    }

    /** A table big enough that a restore takes a while, backed up, then changed (so a restore would change it). */
    private Backup backupOfBigTable(Target target, String fill) throws Exception {
        execute(target, "create table big (id integer primary key, body varchar(200))", fill);
        Backup backup = backups.create(target, dir, EXCLUDED);
        execute(target, "delete from big where id <= 10", "create table added_later (id integer primary key)");
        return backup;
    }

    private ChildCli restoreInChild(Backup backup, Target target) throws Exception {
        return ChildCli.start(logs, "restore-" + System.nanoTime(), Map.of(), "backup", "restore",
                backup.name(), "--dir", dir.toString(), "--url", target.url(), "--force");
    }

    private static void kill(ChildCli child, Kill kill) throws Exception {
        if (kill == Kill.JVM) {
            child.killJvm();
        } else {
            child.killProcessGroup();
        }
    }

    private Stream<Path> workDirectories() {
        try {
            return Files.list(dir).filter(f -> f.getFileName().toString().startsWith(".rehearsal-restore-")).toList()
                    .stream();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Nothing in the backup directory (backups, manifests, leftovers) is readable by group or others. */
    private void assertOnlyOwnerCanRead(Path directory) throws Exception {
        List<Path> files;
        try (Stream<Path> all = Files.walk(directory)) {
            files = all.filter(Files::isRegularFile).filter(f -> !f.getFileName().toString().endsWith(".json")
                    || f.getFileName().toString().endsWith(".manifest.json")).toList();
        }
        assertThat(files).isNotEmpty().allSatisfy(f -> assertThat(Files.getPosixFilePermissions(f))
                .as(f.toString()).doesNotContain(PosixFilePermission.GROUP_READ, PosixFilePermission.OTHERS_READ));
    }

    /** Rows in the restored table so far; 0 while it does not exist. */
    private static long rowsOfBig(Target target) throws Exception {
        try (Connection c = target.connect(); Statement s = c.createStatement();
                java.sql.ResultSet rs = s.executeQuery("select count(*) from information_schema.tables"
                        + " where table_schema = database() and table_name = 'big'")) {
            rs.next();
            if (rs.getLong(1) == 0) {
                return 0;
            }
        }
        return Long.parseLong(TestDatabases.firstColumn(target, "select count(*) from big").get(0));
    }

    private static DatabaseSnapshot snapshot(Target target) throws Exception {
        try (Connection c = target.connect()) {
            return DatabaseSnapshot.take(c, target.dialect(), EXCLUDED);
        }
    }

    private static void execute(Target target, String... statements) throws Exception {
        try (Connection c = target.connect(); Statement s = c.createStatement()) {
            for (String sql : statements) {
                s.execute(sql);
            }
        }
    }

}
