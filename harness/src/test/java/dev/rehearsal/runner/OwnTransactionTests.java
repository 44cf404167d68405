package dev.rehearsal.runner;

import static dev.rehearsal.testing.TestMigrations.migration;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rehearsal.database.IsolatedDatabase;
import dev.rehearsal.migration.Migration;
import dev.rehearsal.testing.TestDatabases;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Scripts with their own BEGIN/COMMIT, and the "as it was before" claim, on the engines with transactional DDL. */
class OwnTransactionTests {
    private static final Migration USERS = migration("1", "users",
            List.of("create table users (id integer primary key)"), List.of("drop table users"));

    private static boolean tableExists(IsolatedDatabase db, String table) throws Exception {
        try (Connection c = db.target().connect(); ResultSet rs = c.getMetaData().getTables(null, null, table, null)) {
            return rs.next();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"sqlite", "postgres"})
    void scriptWithItsOwnTransactionRunsAsWrittenAndNeverClaimsARollback(String engine) throws Exception {
        Migration audit = migration("2", "audit", List.of("BEGIN", "create table audit (id integer primary key)", "COMMIT",
                "insert into no_such_table values (1)"), List.of("drop table audit"));
        try (IsolatedDatabase db = TestDatabases.create(engine)) {
            MigrationRunner runner = new MigrationRunner(db.target(), List.of(USERS, audit), RunnerOptions.defaults());
            assertThat(new PlannedScript(audit, Direction.UP).transactional(db.target().dialect())).isFalse();
            assertThat(new PlannedScript(audit, Direction.UP).ownTransaction()).isPresent();

            assertThatThrownBy(() -> runner.up(null))
                    .hasMessageContaining("3 statement(s) before it stayed applied: the script manages its own transaction"
                            + " (BEGIN at 2_audit.sql:2) and ran as written").hasMessageNotContaining("as it was before")
                    .hasMessageContaining("statement 4 of 4");
            assertThat(tableExists(db, "audit")).isTrue();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"sqlite", "postgres"})
    void rollbackClaimIsCheckedAgainstTheMarkerWrittenBeforeTheScript(String engine) throws Exception {
        Migration audit = migration("2", "audit", List.of("create table audit (id integer primary key)",
                "create table audit_log (id integer primary key)", "insert into no_such_table values (1)"),
                List.of("drop table audit_log", "drop table audit"));
        // What the detector cannot see (a commit hidden in a procedure, a driver's doing): the runner's transaction ends after statement 1.
        StatementHook commitAfterFirst = (migration, direction, index, statement, connection) -> {
            if (migration.version().text().equals("2") && index == 1) {
                connection.commit();
            }
        };
        try (IsolatedDatabase db = TestDatabases.create(engine)) {
            new MigrationRunner(db.target(), List.of(USERS), RunnerOptions.defaults()).up(null);
            MigrationRunner runner = new MigrationRunner(db.target(), List.of(USERS, audit),
                    RunnerOptions.defaults().withHook(commitAfterFirst));

            assertThatThrownBy(() -> runner.up(null)).hasMessageNotContaining("the database is as it was before")
                    .hasMessageContaining("the database is NOT as it was before");
            assertThat(tableExists(db, "audit")).isTrue();
        }
        try (IsolatedDatabase db = TestDatabases.create(engine)) {
            MigrationRunner runner = new MigrationRunner(db.target(), List.of(USERS, audit), RunnerOptions.defaults());

            assertThatThrownBy(() -> runner.up(null)).hasMessageContaining("The transaction was rolled back (checked:");
            assertThat(tableExists(db, "audit")).isFalse();
        }
    }
}
