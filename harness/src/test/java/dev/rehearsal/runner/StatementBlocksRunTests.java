package dev.rehearsal.runner;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rehearsal.database.IsolatedDatabase;
import dev.rehearsal.drill.FaultInjection;
import dev.rehearsal.drill.FaultOptions;
import dev.rehearsal.drill.FaultResult;
import dev.rehearsal.database.Target;
import dev.rehearsal.migration.MigrationLoader;
import dev.rehearsal.migration.MigrationSet;
import dev.rehearsal.testing.TestDatabases;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * goose and sql-migrate StatementBegin ... StatementEnd blocks on every engine: every statement of a
 * block runs (sqlite-jdbc runs only the first statement of a string, MariaDB refuses several), the
 * bodies that must stay whole (triggers, functions, procedures) still do, and the history counts
 * exactly the statements that ran.
 */
class StatementBlocksRunTests {
    private static final String BLOCKS = """
            -- +goose Up
            CREATE TABLE items (id INTEGER PRIMARY KEY, name VARCHAR(20));
            -- +goose StatementBegin
            INSERT INTO items (id, name) VALUES (1, 'one');
            INSERT INTO items (id, name) VALUES (2, 'two');
            -- +goose StatementEnd
            -- +goose StatementBegin
            CREATE TABLE outer_a (id INTEGER);
            -- +goose StatementBegin
            CREATE TABLE inner_b (id INTEGER);
            -- +goose StatementEnd
            CREATE TABLE outer_c (id INTEGER);
            -- +goose StatementEnd
            -- +goose StatementBegin
            CREATE TABLE next_d (id INTEGER);
            -- +goose StatementEnd
            -- +goose StatementBegin
            CREATE TABLE next_e (id INTEGER)
            -- +goose StatementEnd

            -- +goose Down
            -- +goose StatementBegin
            DROP TABLE next_e;
            DROP TABLE next_d;
            DROP TABLE outer_c;
            DROP TABLE inner_b;
            DROP TABLE outer_a;
            -- +goose StatementEnd
            DROP TABLE items;
            """;

    @ParameterizedTest
    @MethodSource("dev.rehearsal.testing.TestDatabases#engines")
    void everyStatementOfEveryBlockRunsAndTheHistoryCountsThemAll(String engine, @TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("00001_blocks.sql"), BLOCKS);
        try (IsolatedDatabase db = TestDatabases.create(engine)) {
            MigrationSet set = MigrationLoader.load(dir, db.target().dialect());
            MigrationRunner runner = new MigrationRunner(db.target(), set.migrations(), RunnerOptions.defaults());

            RunResult up = runner.up(null);

            assertThat(TestDatabases.firstColumn(db.target(), "select name from items order by id"))
                    .containsExactly("one", "two");
            assertThat(tables(db.target())).contains("outer_a", "inner_b", "outer_c", "next_d", "next_e");
            assertThat(set.migrations().get(0).up().statements()).hasSize(8);
            assertThat(up.executed()).extracting(ExecutedMigration::statements).containsExactly(8);
            assertThat(statementsRun(db.target(), runner, set)).isEqualTo("8");

            RunResult down = runner.down(DownScope.last());

            assertThat(down.executed()).extracting(ExecutedMigration::statements).containsExactly(6);
            assertThat(statementsRun(db.target(), runner, set)).isEqualTo("6");
            assertThat(tables(db.target())).doesNotContain("items", "outer_a", "inner_b", "outer_c", "next_d", "next_e");
        }
    }

    @ParameterizedTest
    @MethodSource("dev.rehearsal.testing.TestDatabases#engines")
    void bodiesInsideABlockStayWholeAndTheStatementsAroundThemRun(String engine, @TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("1_bodies.sql"), "-- +migrate Up\n"
                + "CREATE TABLE items (id INTEGER PRIMARY KEY, name VARCHAR(20));\n"
                + "CREATE TABLE audit (item_id INTEGER);\n"
                + "-- +migrate StatementBegin\n" + BODIES.get(engine) + "\n"
                + "INSERT INTO items (id, name) VALUES (1, 'one');\n"
                + "INSERT INTO items (id, name) VALUES (2, 'two');\n"
                + "-- +migrate StatementEnd\n");
        try (IsolatedDatabase db = TestDatabases.create(engine)) {
            MigrationSet set = MigrationLoader.load(dir, db.target().dialect());
            MigrationRunner runner = new MigrationRunner(db.target(), set.migrations(), RunnerOptions.defaults());
            int expected = engine.equals("postgres") ? 6 : 5;

            runner.up(null);

            assertThat(set.migrations().get(0).up().statements()).hasSize(expected);
            assertThat(statementsRun(db.target(), runner, set)).isEqualTo(String.valueOf(expected));
            assertThat(TestDatabases.firstColumn(db.target(), "select name from items order by id"))
                    .containsExactly("ONE", "TWO");
            assertThat(TestDatabases.firstColumn(db.target(), "select item_id from audit order by item_id"))
                    .containsExactly("1", "1", "2", "2");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"sqlite", "postgres"})
    void faultDrillsStopBetweenTheStatementsOfABlockAndRecover(String engine, @TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("00001_blocks.sql"), BLOCKS);
        try (IsolatedDatabase db = TestDatabases.create(engine)) {
            MigrationSet set = MigrationLoader.load(dir, db.target().dialect());

            List<FaultResult> results = FaultInjection.run(db.target(), set, set.migrations().get(0).version(),
                    FaultOptions.defaults());

            assertThat(results).hasSize(8 + 1).extracting(FaultResult::fault)
                    .contains("fail after statement 2", "fail after statement 7", "connection cut after statement 4");
            assertThat(results).allMatch(FaultResult::recovered, "recovered");
        }
    }

    /** A trigger that upper-cases the name and writes two audit rows per insert, as each engine spells it. */
    private static final java.util.Map<String, String> BODIES = java.util.Map.of(
            "sqlite", """
                    CREATE TRIGGER items_upper AFTER INSERT ON items
                    BEGIN
                        UPDATE items SET name = upper(name) WHERE id = NEW.id;
                        INSERT INTO audit VALUES (NEW.id);
                        INSERT INTO audit VALUES (NEW.id);
                    END;""",
            "postgres", """
                    CREATE FUNCTION items_upper() RETURNS trigger AS $$
                    BEGIN
                        NEW.name := upper(NEW.name);
                        INSERT INTO audit VALUES (NEW.id);
                        INSERT INTO audit VALUES (NEW.id);
                        RETURN NEW;
                    END;
                    $$ LANGUAGE plpgsql;
                    CREATE TRIGGER items_upper BEFORE INSERT ON items FOR EACH ROW EXECUTE FUNCTION items_upper();""",
            "mariadb", """
                    CREATE TRIGGER items_upper BEFORE INSERT ON items FOR EACH ROW
                    BEGIN
                        SET NEW.name = upper(NEW.name);
                        INSERT INTO audit VALUES (NEW.id);
                        IF NEW.id > 0 THEN INSERT INTO audit VALUES (NEW.id); END IF;
                    END;""");

    private static String statementsRun(Target target, MigrationRunner runner, MigrationSet set) throws Exception {
        return TestDatabases.firstColumn(target, "select statements_run from " + runner.history().table()
                + " where version = '" + set.migrations().get(0).version().text() + "'").get(0);
    }

    private static List<String> tables(Target target) throws Exception {
        try (var c = target.connect(); var rs = c.getMetaData().getTables(c.getCatalog(), null, "%", new String[] {"TABLE"})) {
            List<String> names = new java.util.ArrayList<>();
            while (rs.next()) {
                names.add(rs.getString("TABLE_NAME").toLowerCase());
            }
            return names;
        }
    }
}
