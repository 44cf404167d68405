package dev.rehearsal.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectDirectory;

import dev.rehearsal.rehearse.results.ResultsWriter;
import dev.rehearsal.rehearse.results.StepResult;
import dev.rehearsal.rehearse.results.Verdict;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.platform.testkit.engine.EngineExecutionResults;

/**
 * A redo that does not reproduce the state after up: the differing rows by primary key, why a
 * column's values could not come back (a counter, the clock, a random source), and the
 * {@code volatile} declaration that leaves clock and random columns out of the comparison.
 */
class RehearsalEngineRedoTests {
    private static final String V2_REDO = "V20240102000000 second: redo";

    @TempDir
    Path reports;

    /** V1 creates roles (counter-numbered) with 'viewer'; V2 inserts 'admin' and its down deletes it by name. */
    @ParameterizedTest
    @MethodSource("dev.rehearsal.testing.TestDatabases#engines")
    void redoThatRenumbersARowShowsTheRowsAndTheCounterBehindThem(String engine) throws IOException {
        String id = engine.equals("sqlite") ? "id INTEGER PRIMARY KEY AUTOINCREMENT"
                : engine.equals("postgres") ? "id SERIAL PRIMARY KEY" : "id INTEGER PRIMARY KEY AUTO_INCREMENT";
        Path set = set("CREATE TABLE roles (" + id + ", name VARCHAR(50));\nINSERT INTO roles (name) VALUES ('viewer');",
                "DROP TABLE roles;",
                "INSERT INTO roles (name) VALUES ('admin');", "DELETE FROM roles WHERE name = 'admin';", null);

        EngineExecutionResults results = EngineRuns.run(reports, EngineRuns.on(engine), selectDirectory(set.toFile()));

        results.testEvents().assertStatistics(s -> s.started(10).succeeded(9).failed(1).skipped(0).aborted(0));
        String counter = engine.equals("sqlite") ? "is AUTOINCREMENT"
                : engine.equals("postgres") ? "defaults to nextval('roles_id_seq'::regclass)" : "is AUTO_INCREMENT";
        assertThat(EngineRuns.failures(results)).singleElement().asString().isEqualTo(V2_REDO + " (" + engine + ") ->"
                + " redo of V20240102000000 second did not reproduce the state after up:\n"
                + "table data roles: 2 rows after up and after redo; values changed in id\n"
                + "table roles: 2 rows after up, 2 after redo; missing id=2; added id=3\n"
                + "roles.id " + counter + ": its values come from a counter that the rollback does not reset,"
                + " so redo cannot reproduce them\n"
                + "rows the rollback deletes come back from the redo with new numbers: insert them with explicit ids"
                + " in the up, or reset the counter in the down");
        StepResult redo = redoStep();
        assertThat(redo.verdict()).isEqualTo(Verdict.FAILED);
        assertThat(redo.diffText()).contains("table roles: 2 rows after up, 2 after redo; missing id=2; added id=3");
    }

    /**
     * A correct migration whose new column reads the clock (PostgreSQL, MariaDB: added to rows that
     * exist) or a random source (SQLite, which adds no column with such a default: a new table).
     */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "sqlite   | sessions.token defaults to random(): its values are random",
        "postgres | users.created_at defaults to CURRENT_TIMESTAMP: its values come from the clock",
        "mariadb  | users.created_at defaults to current_timestamp(6): its values come from the clock"})
    void redoOfAColumnFedByTheClockOrChanceSaysSoAndHowToDeclareIt(String engine, String why) throws IOException {
        Path set = unrepeatableColumnSet(engine, null);

        EngineExecutionResults results = EngineRuns.run(reports, EngineRuns.on(engine), selectDirectory(set.toFile()));

        results.testEvents().assertStatistics(s -> s.started(10).succeeded(9).failed(1).skipped(0).aborted(0));
        String column = engine.equals("sqlite") ? "sessions.token" : "users.created_at";
        String table = column.substring(0, column.indexOf('.'));
        assertThat(EngineRuns.failures(results)).singleElement().asString().isEqualTo(V2_REDO + " (" + engine + ") ->"
                + " redo of V20240102000000 second did not reproduce the state after up:\n"
                + "table data " + table + ": 2 rows after up and after redo; values changed in " + column.substring(table.length() + 1) + "\n"
                + why + ", so redo cannot reproduce them\n"
                + "if the migration is right, declare the column volatile in rehearsal.yaml to leave it out of the"
                + " redo comparison: volatile: [\"" + column + "\"]");
    }

    @ParameterizedTest
    @MethodSource("dev.rehearsal.testing.TestDatabases#engines")
    void columnDeclaredVolatileIsLeftOutOfTheRedoComparison(String engine) throws IOException {
        String column = engine.equals("sqlite") ? "sessions.token" : "USERS.created_at"; // names match ignoring case
        Path set = unrepeatableColumnSet(engine, "volatile: [\"" + column + "\"]\n");

        EngineExecutionResults results = EngineRuns.run(reports, EngineRuns.on(engine), selectDirectory(set.toFile()));

        assertThat(EngineRuns.failures(results)).isEmpty();
        results.testEvents().assertStatistics(s -> s.started(10).succeeded(10).failed(0).skipped(0).aborted(0));
    }

    /**
     * A volatile column does not hide another change in its table, and does not stop the row sample:
     * the rebuilt state after up is accepted when only its volatile column differs.
     */
    @Test
    void volatileColumnHidesNoOtherChangeAndTheRowsAreStillShown() throws IOException {
        Path set = set("CREATE TABLE events (id INTEGER PRIMARY KEY AUTOINCREMENT, name TEXT,"
                        + " token INTEGER NOT NULL DEFAULT (random()));\nINSERT INTO events (name) VALUES ('created');",
                "DROP TABLE events;",
                "INSERT INTO events (name) VALUES ('renamed');", "DELETE FROM events WHERE name = 'renamed';",
                "volatile: [\"events.token\"]\n");

        EngineExecutionResults results = EngineRuns.run(reports, Map.of(), selectDirectory(set.toFile()));

        results.testEvents().assertStatistics(s -> s.started(10).succeeded(9).failed(1).skipped(0).aborted(0));
        assertThat(EngineRuns.failures(results)).singleElement().asString()
                .startsWith(V2_REDO + " (sqlite) -> redo of V20240102000000 second did not reproduce the state after up:\n"
                        + "table data events: 2 rows after up and after redo; values changed in id, token\n"
                        + "table events: 2 rows after up, 2 after redo; missing id=2; added id=3")
                .contains("events.id is AUTOINCREMENT: its values come from a counter")
                .doesNotContain("no row sample").doesNotContain("events.token defaults");
    }

    private StepResult redoStep() {
        return ResultsWriter.read(reports.resolve(Constants.RESULTS_FILE)).suites().get(0).targets().get(0)
                .migrations().get(1).steps().get(3);
    }

    /** V1 creates users with two rows; V2 adds a column fed by the clock or chance, its down drops it again. */
    private Path unrepeatableColumnSet(String engine, String declarations) throws IOException {
        String users = "CREATE TABLE users (id INTEGER PRIMARY KEY, name VARCHAR(50));\n"
                + "INSERT INTO users (id, name) VALUES (1, 'ada'), (2, 'bob');";
        if (engine.equals("sqlite")) {
            return set(users, "DROP TABLE users;",
                    "CREATE TABLE sessions (id INTEGER PRIMARY KEY, token INTEGER NOT NULL DEFAULT (random()));\n"
                            + "INSERT INTO sessions (id) VALUES (1), (2);",
                    "DROP TABLE sessions;", declarations);
        }
        String type = engine.equals("postgres") ? "TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP"
                : "DATETIME(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6)"; // microseconds: a redo never lands on the same value
        return set(users, "DROP TABLE users;", "ALTER TABLE users ADD COLUMN created_at " + type + ";",
                "ALTER TABLE users DROP COLUMN created_at;", declarations);
    }

    /** A two-migration set in sql-migrate format, with {@code rehearsal.yaml} when {@code declarations} is not null. */
    private Path set(String firstUp, String firstDown, String secondUp, String secondDown, String declarations)
            throws IOException {
        Path set = Files.createDirectories(reports.resolve("set"));
        write(set.resolve("20240101000000_first.sql"), firstUp, firstDown);
        write(set.resolve("20240102000000_second.sql"), secondUp, secondDown);
        if (declarations != null) {
            Files.writeString(set.resolve(Constants.DECLARATIONS_FILE), declarations, StandardCharsets.UTF_8);
        }
        return set;
    }

    private static void write(Path file, String up, String down) throws IOException {
        Files.writeString(file, "-- +migrate Up\n" + up + "\n\n-- +migrate Down\n" + down + "\n", StandardCharsets.UTF_8);
    }
}
