package dev.rehearsal.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rehearsal.database.IsolatedDatabase;
import dev.rehearsal.migration.MigrationLoader;
import dev.rehearsal.migration.MigrationVersion;
import dev.rehearsal.runner.MigrationRunner;
import dev.rehearsal.runner.RunnerOptions;
import dev.rehearsal.testing.TestDatabases;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** verify, snapshot and diff through picocli, as the launcher runs them. */
class VerificationCommandsTests {
    static final Path ROOT = Path.of(System.getProperty("rehearsal.projectRoot", ".."));
    static final Path MEDIA_SUITE = ROOT.resolve("verification-suites/media.yaml");

    @TempDir
    Path dir;

    static CliRun run(String command, String... args) {
        String[] all = new String[args.length + 1];
        all[0] = command;
        System.arraycopy(args, 0, all, 1, args.length);
        return CliRun.of(all);
    }

    static MigrationRunner media(IsolatedDatabase db) {
        return new MigrationRunner(db.target(),
                MigrationLoader.load(ROOT.resolve("migrations/media"), db.target().dialect()).migrations(),
                RunnerOptions.defaults());
    }

    static void sql(IsolatedDatabase db, String... statements) throws SQLException {
        try (Connection c = db.target().connect(); Statement s = c.createStatement()) {
            for (String statement : statements) {
                s.execute(statement);
            }
        }
    }

    @ParameterizedTest
    @MethodSource("dev.rehearsal.testing.TestDatabases#engines")
    void verifyCapturesBeforeAndChecksAfterTheMigration(String engine) throws SQLException {
        try (IsolatedDatabase db = TestDatabases.create(engine)) {
            String url = db.target().url();
            media(db).up(MigrationVersion.parse("20240120000000"));
            sql(db, "insert into users (id, email, created_at) values (1, 'a@x', '2024-01-01')",
                    "insert into images (id, owner_id, path, mime_type, size_bytes, created_at)"
                            + " values (1, 1, '/i/1.png', 'image/png', 100, '2024-01-02')",
                    "insert into docs (id, owner_id, path, title, size_bytes, created_at)"
                            + " values (1, 1, '/d/1.pdf', 'Manual', 1000, '2024-01-03')");
            Path captures = dir.resolve("captures.json");

            CliRun capture = run("verify", "--url", url, "--suite", MEDIA_SUITE.toString(), "--capture-pre",
                    "--out", captures.toString());
            assertThat(capture.exitCode()).as(capture.err()).isZero();
            assertThat(capture.out()).contains("captured 3 table(s) for suite media unification", "pre.images: images, 1 rows");

            media(db).up(null);
            CliRun verify = run("verify", "--url", url, "--suite", MEDIA_SUITE.toString(), "--pre",
                    captures.toString());
            assertThat(verify.exitCode()).as(verify.out() + verify.err()).isZero();
            assertThat(verify.out()).startsWith("suite media unification: passed (18 passed, 0 failed, 0 warnings)")
                    .contains("  PASS row_count_equals media == pre.images + pre.docs: media has 2 rows,"
                            + " pre.images + pre.docs = 2 (pre.images 1, pre.docs 1)");

            sql(db, "delete from media where kind = 'doc'");
            CliRun failing = run("verify", "--url", url, "--suite", MEDIA_SUITE.toString(), "--pre",
                    captures.toString());
            assertThat(failing.exitCode()).isEqualTo(1);
            assertThat(failing.out()).contains("  FAIL row_count_equals media == pre.images + pre.docs: media has 1 row,");

            CliRun withoutPre = run("verify", "--url", url, "--suite", MEDIA_SUITE.toString());
            assertThat(withoutPre.exitCode()).isEqualTo(2);
            assertThat(withoutPre.err()).contains("pass --pre FILE");
        }
    }

    @Test
    void aBadSuiteFileExitsTwoWithFileAndLine() {
        Path bad = Path.of("src/test/resources/suites/bad/unknown-check.yaml");

        CliRun run = run("verify", "--url", dir.resolve("x.db").toString(), "--suite", bad.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).startsWith("error: " + bad + ":5:5: unknown check type 'table_exist'");
    }

    static Stream<Path> badSuites() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("src/test/resources/suites/bad"))) {
            return files.sorted().toList().stream();
        }
    }

    /** Each bad suite (first line {@code # expect: ...}) through the CLI: exit 2, file:line, no trace, nothing changed. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("badSuites")
    void everyBadSuiteFileExitsTwoThroughTheCliAndChangesNothing(Path bad) throws Exception {
        String expected = Files.readAllLines(bad).get(0).replaceFirst("^# expect: ", "");
        try (IsolatedDatabase db = TestDatabases.create("sqlite")) {
            sql(db, "create table media (id integer primary key)", "insert into media (id) values (1), (2)");
            List<String> before = TestDatabases.firstColumn(db.target(), "select sql || count(*) from sqlite_master");

            CliRun run = run("verify", "--url", db.target().url(), "--suite", bad.toString());

            assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
            assertThat(run.err()).as(run.toString()).startsWith("error: " + bad.getParent()).contains(expected)
                    .doesNotContain("Exception", "\tat ");
            assertThat(run.err().lines().count()).as(run.toString()).isLessThanOrEqualTo(3);
            assertThat(TestDatabases.firstColumn(db.target(), "select sql || count(*) from sqlite_master"))
                    .isEqualTo(before);
            assertThat(TestDatabases.firstColumn(db.target(), "select id from media order by id"))
                    .containsExactly("1", "2");
        }
    }

    @ParameterizedTest
    @MethodSource("dev.rehearsal.testing.TestDatabases#engines")
    void aCheckThatDeletesFailsAsReadOnlyAndEveryRowStays(String engine) throws Exception {
        try (IsolatedDatabase db = TestDatabases.create(engine)) {
            sql(db, "create table media (id integer primary key)", "insert into media (id) values (1), (2)");
            Path suite = dir.resolve("deletes.yaml");
            Files.writeString(suite, "post:\n  - query: {sql: \"delete from media\", expect: 0}\n"
                    + "  - row_count: {table: media, exact: 2}\n");

            CliRun run = run("verify", "--url", db.target().url(), "--suite", suite.toString());

            assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
            assertThat(run.out()).as(run.toString()).contains("FAIL query delete from media expect 0: refused: checks"
                    + " run read-only and this one tried to write; nothing was changed",
                    "PASS row_count media = 2");
            assertThat(TestDatabases.firstColumn(db.target(), "select id from media order by id"))
                    .containsExactly("1", "2");
        }
    }

    @Test
    void verifyWithoutThePreCapturesTheSuiteNeedsIsBadInputNotAFailedCheck() {
        Path database = dir.resolve("never-opened.db");

        CliRun run = run("verify", "--url", database.toString(), "--suite", MEDIA_SUITE.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).startsWith("error: " + MEDIA_SUITE + ": suite 'media unification' compares with")
                .contains("pass --pre FILE").contains("--capture-pre");
        assertThat(database).doesNotExist();
    }

    @Test
    void aPreFileWithoutTheSuitesCapturesOrTogetherWithCapturePreIsBadInput() throws IOException {
        Path other = Files.writeString(dir.resolve("other.json"), "{\"tables\": {}}");
        Path database = dir.resolve("never-opened.db");

        CliRun wrongFile = run("verify", "--url", database.toString(), "--suite", MEDIA_SUITE.toString(), "--pre",
                other.toString());
        CliRun both = run("verify", "--url", database.toString(), "--suite", MEDIA_SUITE.toString(), "--pre",
                other.toString(), "--capture-pre");

        assertThat(wrongFile.exitCode()).isEqualTo(2);
        assertThat(wrongFile.err()).startsWith("error: " + other + " has no capture images, docs, users").contains("it holds none");
        assertThat(both.exitCode()).isEqualTo(2);
        assertThat(both.err()).contains("give one of them");
        CliRun outWithoutCapture = run("verify", "--url", database.toString(), "--suite", MEDIA_SUITE.toString(), "--out",
                dir.resolve("x.json").toString());
        assertThat(outWithoutCapture.exitCode()).isEqualTo(2);
        assertThat(outWithoutCapture.err()).contains("--out names the captures file of --capture-pre");
        assertThat(database).doesNotExist();
    }

    @Test
    void aBrokenCapturesFileExitsTwo() throws IOException {
        Path captures = Files.writeString(dir.resolve("captures.json"), "{ nope");

        CliRun run = run("verify", "--url", dir.resolve("x.db").toString(), "--suite", MEDIA_SUITE.toString(),
                "--pre", captures.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains(captures + ":1:").contains("not a captures file");
    }

    @ParameterizedTest
    @MethodSource("dev.rehearsal.testing.TestDatabases#engines")
    void snapshotThenDiffExitsZeroWhenEqualAndOneWhenNot(String engine) throws SQLException, IOException {
        try (IsolatedDatabase db = TestDatabases.create(engine)) {
            String url = db.target().url();
            media(db).up(null);
            Path before = dir.resolve("before.json");
            Path after = dir.resolve("after.json");

            CliRun snapshot = run("snapshot", "--url", url, "--out", before.toString());
            assertThat(snapshot.exitCode()).as(snapshot.err()).isZero();
            assertThat(snapshot.out()).contains("5 tables, written to " + before);
            CliRun printed = run("snapshot", "--url", url);
            assertThat(printed.out()).contains("\"schema\"", "\"data\"", "\"media\"");
            assertThat(Files.readString(before).strip()).isEqualTo(printed.out().strip());

            CliRun same = run("diff", before.toString(), before.toString());
            assertThat(same.exitCode()).isZero();
            assertThat(same.out().strip()).isEqualTo("no differences between before.json and before.json");

            sql(db, "insert into users (id, email, created_at) values (1, 'a@x', '2024-01-01')",
                    "create index idx_users_created on users (created_at)");
            run("snapshot", "--url", url, "--out", after.toString());
            CliRun diff = run("diff", before.toString(), after.toString());
            assertThat(diff.exitCode()).isEqualTo(1);
            assertThat(diff.out()).contains("index idx_users_created on users: not there in before.json, present in"
                    + " after.json", "table data users: 0 rows in before.json, 1 in after.json");
        }
    }

    @ParameterizedTest
    @MethodSource("dev.rehearsal.testing.TestDatabases#engines")
    void diffOfTwoLiveDatabasesNamesTheDifferingRowsByKey(String engine) throws SQLException {
        try (IsolatedDatabase one = TestDatabases.create(engine); IsolatedDatabase two = TestDatabases.create(engine)) {
            for (IsolatedDatabase db : List.of(one, two)) {
                sql(db, "create table users (id integer primary key, email varchar(50))",
                        "insert into users (id, email) values (1, 'a@x'), (2, 'b@x'), (3, 'c@x')");
            }
            sql(two, "update users set email = 'zz' where id = 2", "delete from users where id = 3");

            CliRun diff = run("diff", "--before-url", one.target().url(), "--after-url", two.target().url());
            CliRun same = run("diff", "--before-url", one.target().url(), "--after-url", one.target().url());
            CliRun mixed = run("diff", "a.json", "--after-url", two.target().url());
            CliRun extra = run("diff", "a.json", "--before-url", one.target().url(), "--after-url", two.target().url());

            assertThat(diff.exitCode()).as(diff.err()).isEqualTo(1);
            assertThat(diff.out()).contains("table data users: 3 rows before, 2 after",
                    "table users: 3 rows before, 2 after; missing id=3; changed id=2: email 'b@x' -> 'zz'");
            assertThat(same.exitCode()).isZero();
            assertThat(same.out()).startsWith("no differences between ");
            assertThat(mixed.exitCode()).isEqualTo(2);
            assertThat(extra.exitCode()).isEqualTo(2);
            assertThat(extra.err()).contains("not a mix");
        }
    }

    @Test
    void diffOfAFileThatIsNoSnapshotExitsTwo() throws IOException {
        Path notASnapshot = Files.writeString(dir.resolve("other.json"), "{\"tables\": []}");

        CliRun run = run("diff", notASnapshot.toString(), notASnapshot.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("other.json: not a Rehearsal snapshot");
    }

    @Test
    void anOutFileInAMissingDirectoryExitsTwoBeforeReadingTheDatabase() {
        Path database = dir.resolve("never-opened.db");
        Path out = dir.resolve("no-such-dir/s.json");

        CliRun snapshot = run("snapshot", "--url", database.toString(), "--out", out.toString());
        CliRun capture = run("verify", "--url", database.toString(), "--suite", MEDIA_SUITE.toString(), "--capture-pre",
                "--out", out.toString());

        for (CliRun run : List.of(snapshot, capture)) {
            assertThat(run.exitCode()).isEqualTo(2);
            assertThat(run.err()).startsWith("error: cannot write " + out + ": directory " + out.getParent().toAbsolutePath()
                    + " does not exist");
        }
        assertThat(database).doesNotExist();
    }
}
