package dev.rehearsal.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rehearsal.database.IsolatedDatabase;
import dev.rehearsal.snapshot.data.DatabaseFingerprint;
import dev.rehearsal.snapshot.data.Fingerprinter;
import dev.rehearsal.snapshot.schema.SchemaReader;
import dev.rehearsal.snapshot.schema.SchemaSnapshot;
import dev.rehearsal.testing.BadInputCase;
import dev.rehearsal.testing.TestDatabases;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The broken inputs of {@code bad-inputs/} (see {@link BadInputCase}) through the CLI's {@code up}:
 * exit code 2, the message with file and line on stderr, and a database left exactly as it was: the
 * same schema and data as before (it holds a table with a row), and no history table.
 */
class BadInputCommandsTests {
    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void upRefusesABrokenInputAndTouchesNothing(String name) throws Exception {
        BadInputCase expected = BadInputCase.named(name);
        Path migrations = expected.copyTo(Files.createDirectory(dir.resolve("migrations")));
        try (IsolatedDatabase db = TestDatabases.create(expected.dialect())) {
            State before = State.of(db);
            String url = db.target().url();
            if ("directory".equals(expected.url())) {
                url = Files.createDirectory(dir.resolve("app.db")).toString();
            }
            List<String> args = new ArrayList<>(List.of("up", "--url", url, "--migrations", migrations.toString()));
            args.addAll(expected.args());

            CliRun run = CliRun.of(args.toArray(String[]::new));

            assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
            expected.fragments().forEach(fragment -> assertThat(run.err()).contains(fragment));
            assertThat(run.err()).as("one line, no stack trace").hasLineCount(1).doesNotContain("Exception");
            if ("directory".equals(expected.url())) {
                assertThat(run.err()).contains(Path.of(url).toAbsolutePath().toString());
                assertThat(Path.of(url)).isEmptyDirectory();
            }
            assertThat(State.of(db)).isEqualTo(before);
            assertThat(allTables(db)).noneMatch(t -> t.startsWith("rehearsal_"));
        }
    }

    static Stream<String> cases() {
        return BadInputCase.refusedBy("cli");
    }

    /** Schema and data of everything in the database, Rehearsal's own tables included. */
    private record State(SchemaSnapshot schema, DatabaseFingerprint data) {

        /** Seeds a fresh database with a table and a row on first use, so "unchanged" covers existing data. */
        static State of(IsolatedDatabase db) throws Exception {
            try (Connection c = db.target().connect()) {
                if (MigrationCommandsTests.userTables(db).isEmpty()) {
                    try (Statement s = c.createStatement()) {
                        s.execute("create table kept (id integer primary key, name varchar(20))");
                        s.execute("insert into kept (id, name) values (1, 'existing row')");
                    }
                }
                return new State(SchemaReader.read(c, db.target().dialect(), Set.of()),
                        Fingerprinter.fingerprint(c, db.target().dialect(), Set.of()));
            }
        }
    }

    private static List<String> allTables(IsolatedDatabase db) throws Exception {
        try (var c = db.target().connect();
                var rs = c.getMetaData().getTables(c.getCatalog(), null, "rehearsal%", new String[] {"TABLE"})) {
            List<String> names = new ArrayList<>();
            while (rs.next()) {
                names.add(rs.getString("TABLE_NAME").toLowerCase());
            }
            return names;
        }
    }
}
