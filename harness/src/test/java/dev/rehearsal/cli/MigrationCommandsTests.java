package dev.rehearsal.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rehearsal.database.IsolatedDatabase;
import dev.rehearsal.database.Target;
import dev.rehearsal.testing.TestDatabases;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;

class MigrationCommandsTests {

    @ParameterizedTest
    @MethodSource("dev.rehearsal.testing.TestDatabases#engines")
    void theExampleMediaMigrationsGoUpAndComeBackDownOnEveryEngine(String engine, @TempDir Path backups) throws Exception {
        try (IsolatedDatabase db = TestDatabases.create(engine)) {
            String url = db.target().url();
            String dir = ProjectFiles.migrations("media").toString();

            CliRun up = CliRun.of("up", "--url", url, "--migrations", dir, "--backup-dir", backups.toString());
            assertThat(up.exitCode()).as(up.toString()).isZero();
            assertThat(up.out()).contains("applied     20240215000000 unify media");
            assertThat(up.out()).contains(engine.equals("mariadb")
                    ? "no transaction: DDL commits implicitly on mariadb" : "in one transaction");
            // Only MariaDB, whose DDL cannot run in a transaction, needs the safety backup.
            assertThat(up.out().startsWith("safety backup " + backups)).isEqualTo(engine.equals("mariadb"));

            CliRun status = CliRun.of("status", "--url", url, "--migrations", dir);
            assertThat(status.out()).containsPattern("VERSION\\s+STATUS\\s+NAME\\s+LAST RUN \\(UTC\\)\\s+EXECUTION TIME");
            assertThat(status.out().lines().filter(l -> l.contains(" applied ")).count()).isEqualTo(4);

            assertThat(CliRun.of("version", "--url", url, "--migrations", dir).out().trim()).isEqualTo("20240215000000");
            assertThat(CliRun.of("validate", "--url", url, "--migrations", dir).exitCode()).isZero();

            CliRun reset = CliRun.of("reset", "--url", url, "--migrations", dir, "--backup-dir", backups.toString());
            assertThat(reset.exitCode()).as(reset.toString()).isZero();
            assertThat(reset.out().lines().filter(l -> l.startsWith("rolled back")).count()).isEqualTo(4);
            assertThat(userTables(db)).isEmpty();
        }
    }

    @Test
    void productionTargetsRefuseMutationsWithoutForce(@TempDir Path dir) throws Exception {
        Path db = dir.resolve("prod.db");
        String migrations = ProjectFiles.migrations("media").toString();

        CliRun refused = CliRun.of("up", "--url", db.toString(), "--migrations", migrations, "--env", "production");

        assertThat(refused.exitCode()).isEqualTo(2);
        assertThat(refused.err()).contains("refusing to run 'up' against a production target").contains("--force");
        assertThat(db).doesNotExist();

        CliRun forced = CliRun.of("up", "--url", db.toString(), "--migrations", migrations, "--env", "production", "--force");
        assertThat(forced.exitCode()).as(forced.toString()).isZero();
    }

    @Test
    void anUnreachableDatabaseIsReportedWithTheUrlMasked() {
        CliRun run = CliRun.of("status", "--url", "jdbc:postgresql://127.0.0.1:1/app?user=ops&password=hunter2",
                "--migrations", ProjectFiles.migrations("media").toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("cannot connect to jdbc:postgresql://127.0.0.1:1/app?user=ops&password=****");
        assertThat(run.out() + run.err()).doesNotContain("hunter2");
    }

    @Test
    void aMissingMigrationsDirectoryIsBadInput(@TempDir Path dir) {
        CliRun run = CliRun.of("up", "--url", dir.resolve("x.db").toString(), "--migrations", dir.resolve("nope").toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("nope");
        assertThat(dir.resolve("x.db")).doesNotExist();
    }

    @Test
    void aSqliteFileInAMissingDirectoryIsBadInputNamingTheDirectory(@TempDir Path dir) {
        Path missing = dir.resolve("no-such-dir");
        CliRun run = CliRun.of("up", "--url", missing.resolve("app.db").toString(), "--migrations",
                ProjectFiles.migrations("media").toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("directory " + missing + " does not exist");
        assertThat(missing).doesNotExist();
    }

    @Test
    void unknownOptionsAreUsageErrors() {
        CliRun run = CliRun.of("up", "--url", "unused.db", "--frobnicate");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("Unknown option: '--frobnicate'");
    }

    @Test
    void commandsThatDoNotMigrateUpRefuseAMistypedSqlitePathInsteadOfCreatingIt(@TempDir Path dir) {
        Path typo = dir.resolve("ap.db");
        String migrations = ProjectFiles.migrations("media").toString();

        for (String command : List.of("status", "version", "validate", "down", "redo", "reset", "refresh", "repair",
                "snapshot")) {
            CliRun run = command.equals("snapshot") ? CliRun.of(command, "--url", typo.toString())
                    : CliRun.of(command, "--url", typo.toString(), "--migrations", migrations);
            assertThat(run.exitCode()).as(command).isEqualTo(2);
            assertThat(run.err()).as(command).startsWith("error: no SQLite database at " + typo.toAbsolutePath());
            assertThat(typo).as(command).doesNotExist();
        }
        assertThat(CliRun.of("up", "--url", typo.toString(), "--migrations", migrations).exitCode()).isZero();
        assertThat(typo).exists();
    }

    @Test
    void everyCommandAndSubcommandAnswersHelpAndVersion() {
        List<String[]> commands = new ArrayList<>();
        collect(RehearsalCommand.commandLine(name -> true), new ArrayList<>(), commands);
        assertThat(commands).hasSizeGreaterThan(20);

        for (String[] path : commands) {
            String name = String.join(" ", path);
            CliRun help = CliRun.of(append(path, "--help"));
            assertThat(help.exitCode()).as(name + " --help: " + help.err()).isZero();
            assertThat(help.out()).as(name).contains("Usage: rehearsal " + name);
            CliRun version = CliRun.of(append(path, "--version"));
            assertThat(version.exitCode()).as(name + " --version").isZero();
            assertThat(version.out().strip()).as(name + " --version").isEqualTo("rehearsal 0.1.0");
        }
    }

    private static void collect(CommandLine command, List<String> path, List<String[]> into) {
        command.getSubcommands().forEach((name, sub) -> {
            if (name.equals("help") || !sub.getCommandName().equals(name)) {
                return; // picocli's help command, and aliases
            }
            List<String> subPath = new ArrayList<>(path);
            subPath.add(name);
            into.add(subPath.toArray(String[]::new));
            collect(sub, subPath, into);
        });
    }

    private static String[] append(String[] path, String last) {
        String[] all = java.util.Arrays.copyOf(path, path.length + 1);
        all[path.length] = last;
        return all;
    }

    @Test
    void aModifiedMigrationFailsValidationNamingItsFileAndBothChecksums(@TempDir Path dir) throws Exception {
        Path migrations = dir.resolve("m");
        Files.createDirectories(migrations);
        Path file = migrations.resolve("20240101123456_create_notes.sql");
        Files.writeString(file, "-- +migrate Up\ncreate table notes (id integer primary key);\n-- +migrate Down\ndrop table notes;\n");
        String url = dir.resolve("app.db").toString();
        assertThat(CliRun.of("up", "--url", url, "--migrations", migrations.toString()).exitCode()).isZero();

        Files.writeString(file, "-- +migrate Up\ncreate table notes (id integer primary key, body text);\n-- +migrate Down\ndrop table notes;\n");
        CliRun validate = CliRun.of("validate", "--url", url, "--migrations", migrations.toString());

        assertThat(validate.exitCode()).isEqualTo(1);
        assertThat(validate.err()).containsPattern("invalid: migration 20240101123456 was modified after it was"
                + " applied: 20240101123456_create_notes.sql \\(its up section\\) changed \\(up checksum now [0-9a-f]{64},"
                + " recorded [0-9a-f]{64}\\);"
                + " restore the files as applied, or run `rehearsal repair` to accept the change");
    }

    /** The media set applied on SQLite, with one user and one image; returns the --url/--migrations options. */
    private static String[] mediaApplied(Path dir) throws Exception {
        Path migrations = Files.createDirectories(dir.resolve("m"));
        try (var files = Files.list(ProjectFiles.migrations("media"))) {
            for (Path file : files.toList()) {
                Files.copy(file, migrations.resolve(file.getFileName()));
            }
        }
        String url = dir.resolve("app.db").toString();
        String[] target = {"--url", url, "--migrations", migrations.toString()};
        assertThat(run("up", target).exitCode()).isZero();
        sql(url, "insert into users (id, email, created_at) values (1, 'a@example.com', '2024-01-01')",
                "insert into images (id, owner_id, path, mime_type, size_bytes, created_at)"
                        + " values (1, 1, 'a.png', 'image/png', 10, '2024-01-01')");
        return target;
    }

    @Test
    void anEditedUpScriptIsRefusedByEveryCommandThatRunsScriptsUntilRepair(@TempDir Path dir) throws Exception {
        String[] target = mediaApplied(dir);
        String url = target[1];
        Path up = Path.of(target[3]).resolve("20240215000000_unify_media.up.sql");
        Files.writeString(up, Files.readString(up) + "\n-- reviewed\n");
        List<String> before = history(url);

        for (String command : List.of("up", "down", "redo", "reset", "refresh")) {
            CliRun refused = run(command, target);

            assertThat(refused.exitCode()).as(refused.toString()).isEqualTo(1);
            assertThat(refused.err()).as(command).startsWith("error: refusing to ").contains(
                    "migration 20240215000000 was modified after it was applied: 20240215000000_unify_media.up.sql"
                            + " changed (up checksum now ", "run `rehearsal repair`");
            assertThat(refused.out()).as(command).doesNotContain("rolled back");
            assertThat(history(url)).as(command).isEqualTo(before);
            assertThat(query(url, "select path from images")).as(command).containsExactly("a.png");
        }
        CliRun validate = run("validate", target);
        assertThat(validate.exitCode()).isEqualTo(1);
        assertThat(validate.err()).contains("20240215000000_unify_media.up.sql changed");

        CliRun repair = run("repair", target);
        assertThat(repair.exitCode()).as(repair.toString()).isZero();
        assertThat(run("validate", target).exitCode()).isZero();
        CliRun rolledBack = run("down", target);
        assertThat(rolledBack.exitCode()).as(rolledBack.toString()).isZero();
        assertThat(rolledBack.out()).contains("rolled back 20240215000000 unify media").doesNotContain("WARNING");
    }

    @Test
    void anEditedDownScriptIsAWarningAndDownRunsItAsItIsNow(@TempDir Path dir) throws Exception {
        String[] target = mediaApplied(dir);
        String url = target[1];
        Path down = Path.of(target[3]).resolve("20240215000000_unify_media.down.sql");
        Files.writeString(down, "DELETE FROM images;\n" + Files.readString(down));
        String warning = "WARNING: the down script of migration 20240215000000 changed since it was applied:"
                + " 20240215000000_unify_media.down.sql changed; `down` runs it as it is now";

        CliRun validate = run("validate", target);
        assertThat(validate.exitCode()).as(validate.toString()).isZero();
        assertThat(validate.out()).contains(warning, "valid: the history matches the migration files");
        CliRun status = run("status", target);
        assertThat(status.exitCode()).as(status.toString()).isZero();
        assertThat(status.out()).contains(warning);

        CliRun rolledBack = run("down", target);
        assertThat(rolledBack.exitCode()).as(rolledBack.toString()).isZero();
        assertThat(rolledBack.out()).contains(warning, "rolled back 20240215000000 unify media (3 statements");
        assertThat(rolledBack.out().indexOf(warning)).as("said before it ran")
                .isLessThan(rolledBack.out().indexOf("rolled back"));
        assertThat(query(url, "select path from images")).as("the edited down ran").isEmpty();
        CliRun up = run("up", target);
        assertThat(up.exitCode()).as(up.toString()).isZero();
        assertThat(up.out()).contains("applied     20240215000000 unify media");
        assertThat(run("status", target).out()).as("the history holds the new down").doesNotContain("WARNING");
    }

    private static CliRun run(String command, String... options) {
        List<String> args = new ArrayList<>(List.of(command));
        args.addAll(List.of(options));
        return CliRun.of(args.toArray(String[]::new));
    }

    private static List<String> history(String url) throws Exception {
        return query(url, "select version || ' ' || status || ' ' || checksum || ' ' || batch || ' ' || applied_at"
                + " from rehearsal_history order by version");
    }

    private static List<String> query(String url, String sql) throws Exception {
        List<String> rows = new ArrayList<>();
        try (Connection c = Target.of(url).connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                rows.add(rs.getString(1));
            }
        }
        return rows;
    }

    private static void sql(String url, String... statements) throws Exception {
        try (Connection c = Target.of(url).connect(); Statement s = c.createStatement()) {
            for (String statement : statements) {
                s.execute(statement);
            }
        }
    }

    @Test
    void createWritesANewMigrationInTheDirectorysFormat(@TempDir Path dir) throws Exception {
        Path migrations = dir.resolve("m");
        Files.createDirectories(migrations);
        Files.writeString(migrations.resolve("20240101123456_create_notes.sql"),
                "-- +migrate Up\ncreate table notes (id integer primary key);\n-- +migrate Down\ndrop table notes;\n");

        CliRun created = CliRun.of("create", "add_note_index", "--migrations", migrations.toString());

        assertThat(created.exitCode()).as(created.toString()).isZero();
        assertThat(created.out()).containsPattern("created .*\\d{14}_add_note_index\\.sql");
        try (var files = Files.list(migrations)) {
            Path newFile = files.filter(p -> p.getFileName().toString().contains("add_note_index")).findFirst().orElseThrow();
            assertThat(Files.readString(newFile)).contains("-- +migrate Up").contains("-- +migrate Down");
        }
    }

    static List<String> userTables(IsolatedDatabase db) throws Exception {
        List<String> names = new ArrayList<>();
        try (Connection c = db.target().connect();
                ResultSet rs = c.getMetaData().getTables(c.getCatalog(), null, "%", new String[] {"TABLE"})) {
            while (rs.next()) {
                String name = rs.getString("TABLE_NAME").toLowerCase();
                String schema = rs.getString("TABLE_SCHEM");
                boolean visible = schema == null || schema.equals("public") || db.target().dialect().name().equals("mariadb");
                if (visible && !name.startsWith("rehearsal_")) {
                    names.add(name);
                }
            }
        }
        return names;
    }

    @ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"-1", "86401", "9223372036854775807",
        "99999999999999999999", "ten"})
    void aLockTimeoutOutOfRangeIsBadInputNamingTheOptionAndTheRange(String seconds, @TempDir Path dir) throws Exception {
        Path db = dir.resolve("app.db");
        Path migrations = Files.createDirectories(dir.resolve("m"));
        Files.writeString(migrations.resolve("001_one.up.sql"), "create table one (id integer);\n");

        CliRun up = CliRun.of("up", "--url", db.toString(), "--migrations", migrations.toString(), "--lock-timeout", seconds);

        assertThat(up.exitCode()).as(up.toString()).isEqualTo(2);
        assertThat(up.err()).contains("--lock-timeout", "'" + seconds + "'", "whole seconds from 0 to 86400")
                .doesNotContain("Exception");
        assertThat(db).doesNotExist();
    }
}
