package dev.rehearsal.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rehearsal.database.IsolatedDatabase;
import dev.rehearsal.testing.TestDatabases;
import dev.rehearsal.verification.DatabaseSnapshot;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Migrations that cannot run in a transaction run behind a verified safety backup, and say so. */
class SafetyBackupTests {
    private static final Pattern RESTORE = Pattern.compile("rehearsal backup restore (\\S+) --backup-dir (\\S+)");

    @TempDir
    Path dir;

    @Test
    void aFailedMariaDbRunNamesTheSafetyBackupWhoseRestoreBringsBackTheStateBeforeIt() throws Exception {
        Path migrations = failingSecondMigration();
        try (IsolatedDatabase db = TestDatabases.create("mariadb")) {
            String url = db.target().url();
            try (Connection c = db.target().connect()) {
                c.createStatement().execute("create table kept (id int primary key)");
                c.createStatement().execute("insert into kept values (7)");
            }
            DatabaseSnapshot before = state(db);

            CliRun up = CliRun.of("up", "--url", url, "--migrations", migrations.toString(), "--backup-dir",
                    dir.resolve("backups").toString());

            assertThat(up.exitCode()).isEqualTo(1);
            assertThat(up.out()).startsWith("safety backup " + dir.resolve("backups")).contains("(checksum and integrity verified): mariadb"
                    + " commits DDL as it runs");
            assertThat(state(db)).isNotEqualTo(before);
            Matcher restore = RESTORE.matcher(up.err());
            assertThat(restore.find()).as(up.err()).isTrue();

            CliRun restored = CliRun.of("backup", "restore", restore.group(1), "--dir", restore.group(2), "--url", url,
                    "--force");

            assertThat(restored.exitCode()).as(restored.err()).isZero();
            assertThat(state(db)).isEqualTo(before);
        }
    }

    @Test
    void withNoBackupMariaDbRunsWarnAndWriteNothing() throws Exception {
        try (IsolatedDatabase db = TestDatabases.create("mariadb")) {
            CliRun up = CliRun.of("up", "--url", db.target().url(), "--migrations", failingSecondMigration().toString(),
                    "--backup-dir", dir.resolve("backups").toString(), "--no-backup");

            assertThat(up.exitCode()).isEqualTo(1);
            assertThat(up.out()).startsWith("WARNING: --no-backup:").contains("NO BACKUP is taken");
            assertThat(dir.resolve("backups")).doesNotExist();
        }
    }

    @Test
    void nothingToRunTakesNoBackup() throws Exception {
        try (IsolatedDatabase db = TestDatabases.create("mariadb")) {
            Path migrations = Files.createDirectories(dir.resolve("empty-set"));
            Files.writeString(migrations.resolve("001_one.up.sql"), "create table one (id int);\n");
            String[] up = {"up", "--url", db.target().url(), "--migrations", migrations.toString(), "--backup-dir",
                dir.resolve("backups").toString()};
            assertThat(CliRun.of(up).exitCode()).isZero();
            Files.walk(dir.resolve("backups")).sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());

            CliRun again = CliRun.of(up);

            assertThat(again.out()).isEqualTo("nothing to apply: the database is up to date" + System.lineSeparator());
            assertThat(dir.resolve("backups")).doesNotExist();
        }
    }

    @Test
    void sqliteRunsInTransactionsWithoutABackupUnlessAScriptOptsOut() throws IOException {
        Path plain = failingSecondMigration();
        CliRun transactional = CliRun.of("up", "--url", dir.resolve("a.db").toString(), "--migrations", plain.toString(),
                "--backup-dir", dir.resolve("a-backups").toString());
        assertThat(transactional.exitCode()).isEqualTo(1);
        assertThat(transactional.out()).doesNotContain("backup");
        assertThat(transactional.err()).contains("The transaction was rolled back");
        assertThat(dir.resolve("a-backups")).doesNotExist();

        Path optOut = Files.createDirectories(dir.resolve("opt-out"));
        Files.writeString(optOut.resolve("001_vacuum.sql"), "-- +migrate Up notransaction\ncreate table t (id int);\n"
                + "-- +migrate Down\ndrop table t;\n");
        CliRun outside = CliRun.of("up", "--url", dir.resolve("b.db").toString(), "--migrations", optOut.toString(),
                "--backup-dir", dir.resolve("b-backups").toString());

        assertThat(outside.exitCode()).as(outside.err()).isZero();
        assertThat(outside.out()).startsWith("safety backup ").contains("a migration script opts out of its transaction");
        assertThat(dir.resolve("b-backups")).isNotEmptyDirectory();
    }

    @Test
    void anAppliedScriptThatOptedOutDoesNotMakeLaterTransactionalRunsTakeABackup() throws IOException {
        Path migrations = Files.createDirectories(dir.resolve("later"));
        Files.writeString(migrations.resolve("001_vacuum.sql"), "-- +migrate Up notransaction\ncreate table t (id int);\n"
                + "-- +migrate Down\ndrop table t;\n");
        String url = dir.resolve("c.db").toString();
        String backups = dir.resolve("c-backups").toString();
        assertThat(CliRun.of("up", "--url", url, "--migrations", migrations.toString(), "--backup-dir", backups).out())
                .startsWith("safety backup ");
        Files.writeString(migrations.resolve("002_more.sql"), "-- +migrate Up\ncreate table u (id int);\n"
                + "-- +migrate Down\ndrop table u;\n");

        CliRun up = CliRun.of("up", "--url", url, "--migrations", migrations.toString(), "--backup-dir", backups);

        assertThat(up.exitCode()).as(up.err()).isZero();
        assertThat(up.out()).startsWith("applied     002 more").doesNotContain("safety backup");
    }

    /** 001 creates and fills a table; 002 creates one and then fails on its second statement. */
    private Path failingSecondMigration() throws IOException {
        Path migrations = Files.createDirectories(dir.resolve("m"));
        Files.writeString(migrations.resolve("001_one.up.sql"), "create table t (id int primary key);\ninsert into t values (1);\n");
        Files.writeString(migrations.resolve("001_one.down.sql"), "drop table t;\n");
        Files.writeString(migrations.resolve("002_two.up.sql"), "create table u (id int);\ninsert into nosuch values (1);\n");
        Files.writeString(migrations.resolve("002_two.down.sql"), "drop table u;\n");
        return migrations;
    }

    /** Schema and data, Rehearsal's history tables left out (the restore brings back their absence too). */
    private static DatabaseSnapshot state(IsolatedDatabase db) throws SQLException {
        try (Connection c = db.target().connect()) {
            return DatabaseSnapshot.take(c, db.target().dialect(), Set.of());
        }
    }
}
