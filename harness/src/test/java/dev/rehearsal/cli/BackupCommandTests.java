package dev.rehearsal.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rehearsal.database.IsolatedDatabase;
import dev.rehearsal.testing.TestDatabases;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class BackupCommandTests {
    private static final Pattern WRITTEN = Pattern.compile("written to (\\S+) in");

    @TempDir
    Path dir;

    @ParameterizedTest
    @MethodSource("dev.rehearsal.testing.TestDatabases#engines")
    void createVerifyRestoreAndDeleteThroughTheCommandLine(String engine) throws Exception {
        try (IsolatedDatabase db = TestDatabases.create(engine)) {
            String url = db.target().url();
            String backups = dir.resolve("backups").toString();
            execute(db, "create table notes (id integer primary key, body varchar(20))", "insert into notes values (1, 'kept')");

            CliRun create = CliRun.of("backup", "create", "--url", url, "--dir", backups);
            assertThat(create.exitCode()).as(create.toString()).isZero();
            String name = backupName(create);
            execute(db, "delete from notes", "create table extra (id integer primary key)");

            CliRun verify = CliRun.of("backup", "verify", name, "--dir", backups, "--trial-restore");
            assertThat(verify.exitCode()).as(verify.toString()).isZero();
            assertThat(verify.out()).contains("backup " + name + ": OK", "trial restore reproduces");

            CliRun restore = CliRun.of("backup", "restore", name, "--url", url, "--dir", backups, "--force");
            assertThat(restore.exitCode()).as(restore.toString()).isZero();
            assertThat(restore.out()).contains("restored " + name, "matches the manifest",
                    engine.equals("mariadb") ? "behind the verified safety backup " + backups : "in one transaction");
            assertThat(tables(db)).containsExactly("notes");
            assertThat(count(db, "notes")).isEqualTo(1);

            CliRun delete = CliRun.of("backup", "delete", name, "--dir", backups, "--force");
            assertThat(delete.exitCode()).isZero();
            CliRun list = CliRun.of("backup", "list", "--dir", backups);
            if (engine.equals("mariadb")) {
                // The safety backup of what the restore replaced (the emptied notes, the extra table) stays.
                assertThat(list.out()).doesNotContain(name).contains("db_backup_");
            } else {
                assertThat(list.out()).contains("no backups in");
            }
        }
    }

    @Test
    void aBackupDirectoryOthersCanWriteIsBadInputForEveryBackupCommand() throws Exception {
        Path db = Files.createFile(dir.resolve("app.db"));
        String backups = dir.resolve("b").toString();
        CliRun create = CliRun.of("backup", "create", "--url", db.toString(), "--dir", backups);
        String name = backupName(create);
        Files.setPosixFilePermissions(Path.of(backups), java.nio.file.attribute.PosixFilePermissions.fromString("rwxrwxrwx"));
        long modified = Files.getLastModifiedTime(db).toMillis();

        for (String[] args : List.of(new String[] {"backup", "list", "--dir", backups},
                new String[] {"backup", "verify", name, "--dir", backups},
                new String[] {"backup", "restore", name, "--dir", backups, "--url", db.toString(), "--force"},
                new String[] {"backup", "create", "--url", db.toString(), "--dir", backups})) {
            CliRun run = CliRun.of(args);
            assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
            assertThat(run.err()).contains("is writable by other users", "chmod o-w " + Path.of(backups).toAbsolutePath());
        }
        assertThat(Files.getLastModifiedTime(db).toMillis()).isEqualTo(modified);
    }

    @Test
    void listShowsTheManifestsNewestFirstWithoutPasswords() throws Exception {
        Path db = Files.createFile(dir.resolve("app.db"));
        String url = "jdbc:sqlite:" + db + "?password=secret";
        String backups = dir.resolve("b").toString();
        CliRun first = CliRun.of("backup", "create", "--url", url, "--dir", backups);
        Thread.sleep(1100);
        CliRun second = CliRun.of("backup", "create", "--url", url, "--dir", backups);

        CliRun list = CliRun.of("backup", "list", "--dir", backups);

        assertThat(list.exitCode()).isZero();
        List<String> lines = list.out().lines().toList();
        assertThat(lines.get(0)).containsPattern("NAME\\s+CREATED \\(UTC\\)\\s+ENGINE\\s+SERVER VERSION\\s+SIZE");
        assertThat(lines.get(1)).startsWith(backupName(second));
        assertThat(lines.get(2)).startsWith(backupName(first));
        assertThat(lines.get(1)).contains("sqlite", "password=****");
        for (CliRun run : List.of(first, second, list)) {
            assertThat(run.out() + run.err()).doesNotContain("secret");
        }
    }

    @Test
    void restoreWithoutForceAsksAndNoAnswerMeansNo() throws Exception {
        Path db = Files.createFile(dir.resolve("app.db"));
        String backups = dir.resolve("b").toString();
        String name = backupName(CliRun.of("backup", "create", "--url", db.toString(), "--dir", backups));
        Files.writeString(dir.resolve("marker"), "");

        CliRun refused = withStdin("", () -> CliRun.of("backup", "restore", name, "--url", db.toString(), "--dir", backups));
        CliRun declined = withStdin("no\n", () -> CliRun.of("backup", "restore", name, "--url", db.toString(), "--dir", backups));
        CliRun accepted = withStdin("yes\n", () -> CliRun.of("backup", "restore", name, "--url", db.toString(), "--dir", backups));

        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(refused.out()).contains("Type 'yes' to go on");
        assertThat(refused.err()).contains("restore cancelled");
        assertThat(declined.exitCode()).isEqualTo(1);
        assertThat(accepted.exitCode()).as(accepted.toString()).isZero();
    }

    @Test
    void deleteAsksUnlessForcedAndRefusesAProductionShellWithoutForce() throws Exception {
        Path db = Files.createFile(dir.resolve("app.db"));
        String backups = dir.resolve("b").toString();
        String name = backupName(CliRun.of("backup", "create", "--url", db.toString(), "--dir", backups));
        Path file = dir.resolve("b").resolve(name);

        CliRun production = CliRun.of("backup", "delete", name, "--dir", backups, "--env", "production");
        CliRun refused = withStdin("", () -> CliRun.of("backup", "delete", name, "--dir", backups));
        CliRun declined = withStdin("no\n", () -> CliRun.of("backup", "delete", name, "--dir", backups));

        assertThat(production.exitCode()).isEqualTo(2);
        assertThat(production.err()).contains("refusing to run 'backup delete' against a production target");
        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(refused.out()).contains("delete " + file, "It cannot be undone. Type 'yes' to go on");
        assertThat(refused.err()).contains("delete cancelled: " + file + " was kept");
        assertThat(declined.exitCode()).isEqualTo(1);
        assertThat(file).exists();

        CliRun accepted = withStdin("yes\n", () -> CliRun.of("backup", "delete", name, "--dir", backups));

        assertThat(accepted.exitCode()).as(accepted.toString()).isZero();
        assertThat(file).doesNotExist();
    }

    @Test
    void aCorruptedBackupIsReportedByVerifyAndRefusedByRestore() throws Exception {
        Path db = dir.resolve("app.db");
        String backups = dir.resolve("b").toString();
        CliRun.of("up", "--url", db.toString(), "--migrations", ProjectFiles.migrations("media").toString());
        String name = backupName(CliRun.of("backup", "create", "--url", db.toString(), "--dir", backups));
        try (RandomAccessFile file = new RandomAccessFile(dir.resolve("b").resolve(name).toFile(), "rw")) {
            file.setLength(file.length() - 100);
        }

        CliRun verify = CliRun.of("backup", "verify", name, "--dir", backups);
        CliRun restore = CliRun.of("backup", "restore", name, "--url", db.toString(), "--dir", backups, "--force");

        assertThat(verify.exitCode()).isEqualTo(1);
        assertThat(verify.err()).contains("FAILED", "size is", "sha256");
        assertThat(restore.exitCode()).isEqualTo(1);
        assertThat(restore.err()).contains("refusing to restore " + name, "was not touched");
    }

    @Test
    void anUnknownBackupNameIsBadInput() {
        CliRun run = CliRun.of("backup", "verify", "db_backup_nope.db", "--dir", dir.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("no backup db_backup_nope.db");
    }

    private static String backupName(CliRun create) {
        Matcher m = WRITTEN.matcher(create.out());
        assertThat(m.find()).as(create.toString()).isTrue();
        return Path.of(m.group(1)).getFileName().toString();
    }

    private static CliRun withStdin(String input, java.util.function.Supplier<CliRun> run) {
        InputStream original = System.in;
        System.setIn(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)));
        try {
            return run.get();
        } finally {
            System.setIn(original);
        }
    }

    @Test
    void backingUpAMistypedSqlitePathIsBadInputAndCreatesNothing() {
        Path typo = dir.resolve("ap.db");

        CliRun run = CliRun.of("backup", "create", "--url", typo.toString(), "--backup-dir", dir.resolve("b").toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).startsWith("error: no SQLite database at " + typo.toAbsolutePath());
        assertThat(typo).doesNotExist();
        assertThat(dir.resolve("b")).doesNotExist();
    }

    private static void execute(IsolatedDatabase db, String... statements) throws Exception {
        try (Connection c = db.target().connect(); Statement s = c.createStatement()) {
            for (String sql : statements) {
                s.execute(sql);
            }
        }
    }

    private static List<String> tables(IsolatedDatabase db) throws Exception {
        try (Connection c = db.target().connect()) {
            return dev.rehearsal.snapshot.schema.SchemaReader.read(c, db.target().dialect(), java.util.Set.of())
                    .tables().stream().map(t -> t.name()).toList();
        }
    }

    private static long count(IsolatedDatabase db, String table) throws Exception {
        try (Connection c = db.target().connect(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select count(*) from " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
