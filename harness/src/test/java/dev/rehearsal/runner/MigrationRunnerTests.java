package dev.rehearsal.runner;

import static dev.rehearsal.testing.TestMigrations.migration;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rehearsal.ErrorCode;
import dev.rehearsal.RehearsalException;
import dev.rehearsal.database.IsolatedDatabase;
import dev.rehearsal.database.Target;
import dev.rehearsal.migration.Migration;
import dev.rehearsal.migration.MigrationVersion;
import dev.rehearsal.runner.history.HistoryStatus;
import dev.rehearsal.testing.TestDatabases;
import dev.rehearsal.testing.TestMigrations;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class MigrationRunnerTests {

    private static final List<Migration> LIBRARY = List.of(
            migration("1", "users", List.of("create table users (id integer primary key, email varchar(100) not null)"),
                    List.of("drop table users")),
            migration("2", "docs", List.of(
                    "create table docs (id integer primary key, owner_id integer not null references users(id), title varchar(100))",
                    "create index idx_docs_owner on docs (owner_id)"),
                    List.of("drop index idx_docs_owner" + "", "drop table docs")),
            migration("10", "images", List.of("create table images (id integer primary key, path varchar(200))"),
                    List.of("drop table images")));

    private static MigrationRunner runner(Target target, List<Migration> migrations) {
        return new MigrationRunner(target, migrations, RunnerOptions.defaults());
    }

    private static List<Migration> library(String engine) {
        if (!engine.equals("mariadb")) {
            return LIBRARY;
        }
        // MariaDB keeps the index for the foreign key: dropping the table drops both.
        List<Migration> adjusted = new ArrayList<>(LIBRARY);
        Migration docs = LIBRARY.get(1);
        adjusted.set(1, migration("2", "docs", docs.up().statements().stream().map(s -> s.sql()).toList(),
                List.of("drop table docs")));
        return adjusted;
    }

    @ParameterizedTest
    @MethodSource("dev.rehearsal.testing.TestDatabases#engines")
    void upAppliesEverythingInNumericOrderAndDownRollsBackNewestFirst(String engine) throws Exception {
        try (IsolatedDatabase db = TestDatabases.create(engine)) {
            MigrationRunner runner = runner(db.target(), library(engine));

            RunResult up = runner.up(null);

            assertThat(up.executed()).extracting(e -> e.migration().version().text()).containsExactly("1", "2", "10");
            assertThat(tables(db.target())).contains("users", "docs", "images");
            assertThat(runner.currentVersion()).contains(MigrationVersion.parse("10"));
            assertThat(runner.status()).extracting(MigrationStatus::state).containsOnly("applied");

            RunResult down = runner.down(DownScope.last());
            assertThat(down.executed()).extracting(e -> e.migration().version().text()).containsExactly("10");
            assertThat(tables(db.target())).doesNotContain("images").contains("docs");

            runner.down(DownScope.to(MigrationVersion.parse("1")));
            assertThat(tables(db.target())).doesNotContain("docs").contains("users");
            assertThat(runner.status()).extracting(MigrationStatus::state)
                    .containsExactly("applied", "rolled_back", "rolled_back");

            runner.refresh();
            assertThat(tables(db.target())).contains("users", "docs", "images");
            assertThat(runner.redo().executed()).extracting(ExecutedMigration::direction)
                    .containsExactly(Direction.DOWN, Direction.UP);
            runner.reset();
            assertThat(tables(db.target())).doesNotContain("users", "docs", "images");
        }
    }

    @ParameterizedTest
    @MethodSource("dev.rehearsal.testing.TestDatabases#engines")
    void upToStopsAtTheVersionAndDownBatchUndoesOneRun(String engine) throws Exception {
        try (IsolatedDatabase db = TestDatabases.create(engine)) {
            MigrationRunner runner = runner(db.target(), library(engine));
            runner.up(MigrationVersion.parse("1"));
            assertThat(tables(db.target())).contains("users").doesNotContain("docs");

            runner.up(null);
            assertThat(runner.status()).extracting(MigrationStatus::batch).containsExactly(1, 2, 2);

            RunResult down = runner.down(DownScope.lastBatch());
            assertThat(down.executed()).extracting(e -> e.migration().version().text()).containsExactly("10", "2");
            assertThat(tables(db.target())).contains("users").doesNotContain("docs", "images");
        }
    }

    @ParameterizedTest
    @MethodSource("dev.rehearsal.testing.TestDatabases#engines")
    void aFailingStatementNamesFileAndLineAndRecordsFailure(String engine) throws Exception {
        try (IsolatedDatabase db = TestDatabases.create(engine)) {
            List<Migration> broken = List.of(LIBRARY.get(0), migration("2", "broken", List.of(
                    "create table half (id integer primary key)",
                    "insert into no_such_table values (1)"), List.of("drop table half")));
            MigrationRunner runner = runner(db.target(), broken);

            assertThatThrownBy(() -> runner.up(null))
                    .isInstanceOf(RehearsalException.class)
                    .hasMessageContaining("migration 2 broken failed at 2_broken.sql:3:1 (statement 2 of 2)")
                    .satisfies(e -> assertThat(((RehearsalException) e).code()).isEqualTo(ErrorCode.MIGRATION_FAILED));

            assertThat(runner.status()).extracting(MigrationStatus::state).containsExactly("applied", "failed");
            if (engine.equals("mariadb")) {
                // DDL committed implicitly: the first statement stays, and the runner refuses until repair.
                assertThat(tables(db.target())).contains("half");
                assertThatThrownBy(() -> runner.up(null)).hasMessageContaining("rehearsal repair")
                        .satisfies(e -> assertThat(((RehearsalException) e).code()).isEqualTo(ErrorCode.NEEDS_REPAIR));
                assertThat(runner.validate().problems()).anyMatch(p -> p.contains("failed part-way"));
                assertThat(runner.repair()).containsExactly("removed failed entry 2 broken");
                assertThat(runner.status()).extracting(MigrationStatus::state).containsExactly("applied", "pending");
            } else {
                assertThat(tables(db.target())).doesNotContain("half");
                // Nothing stayed behind, so a fixed migration simply runs next time.
                MigrationRunner fixed = runner(db.target(), List.of(LIBRARY.get(0),
                        migration("2", "broken", List.of("create table half (id integer primary key)"),
                                List.of("drop table half"))));
                fixed.up(null);
                assertThat(fixed.status()).extracting(MigrationStatus::state).containsExactly("applied", "applied");
            }
        }
    }

    @ParameterizedTest
    @MethodSource("dev.rehearsal.testing.TestDatabases#engines")
    void downRefusesBeforeTouchingAnythingWhenARollbackIsMissing(String engine) throws Exception {
        try (IsolatedDatabase db = TestDatabases.create(engine)) {
            List<Migration> set = List.of(LIBRARY.get(0),
                    migration("2", "irreversible", List.of("create table audit (id integer primary key)"), null),
                    migration("3", "notes", List.of("create table notes (id integer primary key)"),
                            List.of("drop table notes")));
            MigrationRunner runner = runner(db.target(), set);
            runner.up(null);

            assertThatThrownBy(() -> runner.down(DownScope.all()))
                    .hasMessageContaining("migration 2 has no down script; nothing was rolled back")
                    .satisfies(e -> assertThat(((RehearsalException) e).code()).isEqualTo(ErrorCode.NO_ROLLBACK));
            assertThat(tables(db.target())).contains("users", "audit", "notes");
        }
    }

    @ParameterizedTest
    @MethodSource("dev.rehearsal.testing.TestDatabases#engines")
    void validateFindsModifiedMissingAndOutOfOrderMigrations(String engine) throws Exception {
        try (IsolatedDatabase db = TestDatabases.create(engine)) {
            Migration one = LIBRARY.get(0);
            Migration three = migration("3", "notes", List.of("create table notes (id integer primary key)"),
                    List.of("drop table notes"));
            runner(db.target(), List.of(one, three)).up(null);

            Migration oneEdited = migration("1", "users", List.of("create table users (id integer primary key)"),
                    List.of("drop table users"));
            Migration two = migration("2", "late", List.of("create table late (id integer primary key)"),
                    List.of("drop table late"));
            MigrationRunner changed = runner(db.target(), List.of(oneEdited, two));

            assertThat(changed.validate().problems()).containsExactlyInAnyOrder(
                    "migration 1 was modified after it was applied: 1_users.sql (its up section) changed (up checksum now "
                            + oneEdited.upChecksum() + ", recorded " + one.upChecksum() + "); restore the files as"
                            + " applied, or run `rehearsal repair` to accept the change",
                    "applied migration 3 (notes) is missing from disk",
                    "pending migration 2 is older than the newest applied one (3): out of order; apply it with"
                            + " --allow-out-of-order");
            assertThatThrownBy(() -> changed.up(null)).hasMessageContaining("refusing to migrate");
            assertThat(tables(db.target())).doesNotContain("late");

            MigrationRunner outOfOrder = new MigrationRunner(db.target(), List.of(one, two, three),
                    RunnerOptions.defaults().withAllowOutOfOrder(true));
            outOfOrder.up(null);
            assertThat(tables(db.target())).contains("late");
        }
    }

    @ParameterizedTest
    @MethodSource("dev.rehearsal.testing.TestDatabases#engines")
    void historyWrittenByANewerRehearsalIsRefused(String engine) throws Exception {
        try (IsolatedDatabase db = TestDatabases.create(engine)) {
            MigrationRunner runner = runner(db.target(), List.of(LIBRARY.get(0)));
            runner.up(null);
            try (Connection c = db.target().connect(); Statement s = c.createStatement()) {
                s.execute("update rehearsal_history set format_version = 99");
            }
            assertThatThrownBy(runner::status).hasMessageContaining("written by a newer Rehearsal (format 99");
            assertThatThrownBy(() -> runner.up(null))
                    .satisfies(e -> assertThat(((RehearsalException) e).code()).isEqualTo(ErrorCode.HISTORY_TOO_NEW));
        }
    }

    @ParameterizedTest
    @MethodSource("dev.rehearsal.testing.TestDatabases#engines")
    void historyRowsCarryChecksumBatchAndInstaller(String engine) throws Exception {
        try (IsolatedDatabase db = TestDatabases.create(engine)) {
            MigrationRunner runner = runner(db.target(), List.of(LIBRARY.get(0)));
            runner.up(null);
            try (Connection c = db.target().connect()) {
                var rows = runner.history().rows(c);
                assertThat(rows).hasSize(1);
                assertThat(rows.get(0).checksum()).isEqualTo(LIBRARY.get(0).checksum()).hasSize(64);
                assertThat(rows.get(0).status()).isEqualTo(HistoryStatus.APPLIED);
                assertThat(rows.get(0).batch()).isEqualTo(1);
                assertThat(rows.get(0).installedBy()).isEqualTo(System.getProperty("user.name"));
            }
        }
    }

    @ParameterizedTest
    @MethodSource("dev.rehearsal.testing.TestDatabases#engines")
    void aRunnerCutOffMidScriptLeavesNoSilentHalfAppliedMigration(String engine) throws Exception {
        try (IsolatedDatabase db = TestDatabases.create(engine)) {
            List<Migration> set = List.of(LIBRARY.get(0), migration("2", "two tables", List.of(
                    "create table first_half (id integer primary key)",
                    "create table second_half (id integer primary key)"), List.of("drop table second_half",
                    "drop table first_half")));
            StatementHook cut = (migration, direction, index, statement, connection) -> {
                if (migration.version().text().equals("2") && index == 1) {
                    connection.close();
                }
            };
            MigrationRunner cutOff = new MigrationRunner(db.target(), set, RunnerOptions.defaults().withHook(cut));
            assertThatThrownBy(() -> cutOff.up(null)).isInstanceOf(RehearsalException.class);

            // The lock is gone with the cut connection: the next runner does not wait for it.
            MigrationRunner next = new MigrationRunner(db.target(), set,
                    RunnerOptions.defaults().withLockTimeout(java.time.Duration.ofSeconds(2)));
            if (engine.equals("mariadb")) {
                assertThat(tables(db.target())).contains("first_half").doesNotContain("second_half");
                assertThatThrownBy(() -> next.up(null))
                        .hasMessageContaining("interrupted; an unknown number of statements stayed applied")
                        .satisfies(e -> assertThat(((RehearsalException) e).code()).isEqualTo(ErrorCode.NEEDS_REPAIR));
            } else {
                assertThat(tables(db.target())).doesNotContain("first_half", "second_half");
                next.up(null);
                assertThat(next.status()).extracting(MigrationStatus::state).containsExactly("applied", "applied");
            }
        }
    }

    static List<String> tables(Target target) throws SQLException {
        List<String> names = new ArrayList<>();
        try (Connection c = target.connect();
                ResultSet rs = c.getMetaData().getTables(c.getCatalog(), null, "%", new String[] {"TABLE"})) {
            while (rs.next()) {
                String schema = rs.getString("TABLE_SCHEM");
                if (schema == null || schema.equals("public") || target.dialect().name().equals("mariadb")) {
                    names.add(rs.getString("TABLE_NAME").toLowerCase());
                }
            }
        }
        return names;
    }
}
