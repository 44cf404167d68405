package dev.rehearsal.cli;

import static org.assertj.core.api.Assertions.assertThat;

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
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code up} killed with SIGKILL (the JVM alone, or its process group) while its safety backup is
 * being dumped, on the engines where it takes one: MariaDB (DDL commits implicitly) and PostgreSQL
 * (a script that opts out of its transaction). The dump tool stops with it, no partial backup is
 * listed or restored as {@code latest}, no readable copy of the data stays behind, the database is
 * unchanged, and the next {@code up} runs.
 */
class SafetyBackupCrashTests {
    private static final int ROWS = 100_000;

    @TempDir
    Path dir;

    /** The children's output, outside the backup directory. */
    @TempDir
    Path logs;

    @ParameterizedTest(name = "{0}, kill -9 of the {1}")
    @CsvSource({"mariadb, mariadb-dump, JVM", "mariadb, mariadb-dump, PROCESS_GROUP", "postgres, pg_dump, JVM",
        "postgres, pg_dump, PROCESS_GROUP"})
    void upKilledWhileItsSafetyBackupIsDumpedLeavesNoUsableOrReadablePartialBackupAndChangesNothing(String engine,
            String dumpTool, String kill) throws Exception {
        try (IsolatedDatabase db = TestDatabases.create(engine)) {
            Target target = db.target();
            Path migrations = migrations();
            Path backups = dir.resolve("backups");
            CliRun first = CliRun.of("up", "--url", target.url(), "--migrations", migrations.toString(), "--to", "001",
                    "--no-backup");
            assertThat(first.exitCode()).as(first.toString()).isZero();
            execute(target, engine.equals("mariadb")
                    ? "insert into big select seq, repeat('x', 150) from seq_1_to_" + ROWS
                    : "insert into big select g, repeat('x', 150) from generate_series(1, " + ROWS + ") g");
            DatabaseSnapshot before = snapshot(target);

            ChildCli child = ChildCli.start(logs, "up", Map.of(), "up", "--url", target.url(), "--migrations",
                    migrations.toString(), "--backup-dir", backups.toString());
            assertThat(child.await(() -> child.descendant(dumpTool).isPresent())).as("the dump started:\n" + child)
                    .isTrue();
            ProcessHandle dump = child.descendant(dumpTool).orElseThrow();
            if (kill.equals("JVM")) {
                child.killJvm();
            } else {
                child.killProcessGroup();
            }
            dump.onExit().get(30, TimeUnit.SECONDS);
            assertThat(dump.isAlive()).as("the dump tool stops with the JVM").isFalse();
            assertThat(child.out()).doesNotContain("safety backup ");

            CliRun list = CliRun.of("backup", "list", "--dir", backups.toString());
            assertThat(list.exitCode()).as(list.toString()).isZero();
            assertThat(list.out()).doesNotContain("db_backup_");
            CliRun latest = CliRun.of("backup", "restore", "latest", "--dir", backups.toString(), "--url", target.url(),
                    "--force");
            assertThat(latest.exitCode()).as(latest.toString()).isNotZero();
            assertThat(dataFiles(backups)).as("no readable copy of the data").allSatisfy(f ->
                    assertThat(Files.getPosixFilePermissions(f)).as(f.toString())
                            .doesNotContain(PosixFilePermission.GROUP_READ, PosixFilePermission.OTHERS_READ));
            assertThat(DatabaseSnapshot.compare(before, snapshot(target), "before", "after the kill").render())
                    .isEqualTo("no differences between before and after the kill");

            CliRun again = CliRun.of("up", "--url", target.url(), "--migrations", migrations.toString(), "--backup-dir",
                    backups.toString());
            assertThat(again.exitCode()).as(again.toString()).isZero();
            assertThat(again.out()).contains("safety backup " + backups, "applied     002 added");
            assertThat(CliRun.of("backup", "list", "--dir", backups.toString()).out()).containsOnlyOnce("db_backup_");
            assertThat(dataFiles(backups).stream().filter(f -> !f.getFileName().toString().endsWith(".json")))
                    .as("the partial dump was removed by the next command").hasSize(1);
        }
    }

    /** 001 creates big (filled by the test); 002 runs without a transaction, so up takes a safety backup. */
    private Path migrations() throws Exception {
        Path migrations = Files.createDirectories(dir.resolve("m"));
        Files.writeString(migrations.resolve("001_big.sql"), "-- +migrate Up\ncreate table big (id integer primary key,"
                + " body varchar(200));\n-- +migrate Down\ndrop table big;\n");
        Files.writeString(migrations.resolve("002_added.sql"), "-- +migrate Up notransaction\ncreate table added"
                + " (id integer);\n-- +migrate Down\ndrop table added;\n");
        return migrations;
    }

    private static List<Path> dataFiles(Path backups) throws Exception {
        if (!Files.exists(backups)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(backups)) {
            return files.filter(Files::isRegularFile).toList();
        }
    }

    /** Schema and data, Rehearsal's history included: nothing may have changed. */
    private static DatabaseSnapshot snapshot(Target target) throws Exception {
        try (Connection c = target.connect()) {
            return DatabaseSnapshot.take(c, target.dialect(), Set.of());
        }
    }

    private static void execute(Target target, String sql) throws Exception {
        try (Connection c = target.connect(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
