package dev.rehearsal.verification;

import static dev.rehearsal.verification.ChecksTests.fixture;
import static dev.rehearsal.verification.ChecksTests.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.rehearsal.ErrorCode;
import dev.rehearsal.RehearsalException;
import dev.rehearsal.database.Dialect;
import dev.rehearsal.database.IsolatedDatabase;
import dev.rehearsal.testing.TestDatabases;
import dev.rehearsal.verification.CheckResult.Status;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Checks only read: every suite runs in a read-only transaction that is rolled back, one statement
 * per check, on every engine. A check that writes fails with the reason and changes nothing.
 */
class ReadOnlyChecksTests {

    static long count(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    static SuiteResult verify(Connection c, Dialect d, Check... checks) {
        return new VerificationSuite("writes", null, null, List.of(), List.of(checks)).verify(c, d, Captures.none());
    }

    @ParameterizedTest
    @MethodSource("dev.rehearsal.testing.TestDatabases#engines")
    void aCheckThatDeletesLeavesEveryRowAndFailsAsReadOnly(String engine) throws SQLException {
        try (IsolatedDatabase db = TestDatabases.create(engine); Connection c = db.target().connect()) {
            Dialect d = db.target().dialect();
            fixture(c);

            SuiteResult result = verify(c, d, Check.Query.scalar("delete from posts", 0),
                    Check.RowCount.exactly("posts", 3));

            assertThat(result.results()).extracting(CheckResult::status).containsExactly(Status.FAILED, Status.PASSED);
            assertThat(result.results().get(0).render()).startsWith("FAIL query delete from posts expect 0: ")
                    .contains("read-only");
            assertThat(count(c, "select count(*) from posts")).isEqualTo(3);
            assertThat(c.getAutoCommit()).isTrue();
            run(c, "insert into markers (name) values ('writable again')");
            assertThat(count(c, "select count(*) from markers")).isEqualTo(2);
        }
    }

    @ParameterizedTest
    @MethodSource("dev.rehearsal.testing.TestDatabases#engines")
    void aCheckThatDropsATableLeavesItInPlace(String engine) throws SQLException {
        try (IsolatedDatabase db = TestDatabases.create(engine); Connection c = db.target().connect()) {
            Dialect d = db.target().dialect();
            fixture(c);

            // MariaDB commits before DDL: only a session that is read-only too stops the drop.
            SuiteResult result = verify(c, d, Check.Query.scalar("drop table markers", 0));

            assertThat(result.results().get(0).status()).isEqualTo(Status.FAILED);
            assertThat(result.results().get(0).message()).contains("read-only");
            assertThat(count(c, "select count(*) from markers")).isEqualTo(1);
        }
    }

    @ParameterizedTest
    @MethodSource("dev.rehearsal.testing.TestDatabases#engines")
    void aQueryWithASecondStatementIsRefusedBeforeItRuns(String engine) throws SQLException {
        try (IsolatedDatabase db = TestDatabases.create(engine); Connection c = db.target().connect()) {
            Dialect d = db.target().dialect();
            fixture(c);

            SuiteResult result = verify(c, d, Check.Query.scalar("select 1; delete from posts", 1),
                    Check.Query.scalar("select count(*) from posts;", 3));

            assertThat(result.results()).extracting(CheckResult::status).containsExactly(Status.FAILED, Status.PASSED);
            assertThat(result.results().get(0).message())
                    .isEqualTo("refused: the sql holds 2 statements ('select 1', 'delete from posts'); a check runs"
                            + " exactly one read-only statement");
            assertThat(count(c, "select count(*) from posts")).isEqualTo(3);
        }
    }

    @ParameterizedTest
    @MethodSource("dev.rehearsal.testing.TestDatabases#engines")
    void aMarkerConditionCannotSmuggleInAStatement(String engine) throws SQLException {
        try (IsolatedDatabase db = TestDatabases.create(engine); Connection c = db.target().connect()) {
            Dialect d = db.target().dialect();
            fixture(c);

            SuiteResult result = verify(c, d,
                    new Check.Marker("markers", null, null, "1=1; delete from posts", true, null),
                    new Check.Marker("markers", null, null, "name = 'done'", true, null));

            assertThat(result.results()).extracting(CheckResult::status).containsExactly(Status.FAILED, Status.PASSED);
            assertThat(result.results().get(0).message()).startsWith("refused: the marker's where holds 2 statements");
            assertThat(count(c, "select count(*) from posts")).isEqualTo(3);
        }
    }

    /** PostgreSQL refuses writes anywhere in a read-only transaction: CTEs, functions, sequences. */
    @ParameterizedTest
    @MethodSource("dev.rehearsal.testing.TestDatabases#engines")
    void writesHiddenInACteAFunctionOrASequenceAreRefusedToo(String engine) throws SQLException {
        try (IsolatedDatabase db = TestDatabases.create(engine); Connection c = db.target().connect()) {
            Dialect d = db.target().dialect();
            assumeTrue(!engine.equals("sqlite"), "SQLite has no writing functions, sequences or data-modifying CTEs");
            fixture(c);
            run(c, "create sequence seq");
            List<Check> checks;
            if (engine.equals("postgres")) {
                run(c, "create function wipe() returns int language plpgsql as $$ begin delete from posts;"
                        + " return 1; end $$");
                checks = List.of(
                        Check.Query.scalar("with d as (delete from posts returning 1) select count(*) from d", 0),
                        Check.Query.scalar("select wipe()", 1), Check.Query.scalar("select nextval('seq')", 1));
            } else {
                run(c, "create function wipe() returns int modifies sql data begin delete from posts; return 1; end");
                checks = List.of(Check.Query.scalar("select wipe()", 1), Check.Query.scalar("select nextval(seq)", 1));
            }

            SuiteResult result = verify(c, d, checks.toArray(Check[]::new));

            assertThat(result.results()).allSatisfy(r -> {
                assertThat(r.status()).isEqualTo(Status.FAILED);
                assertThat(r.message()).contains("read-only");
            });
            assertThat(count(c, "select count(*) from posts")).isEqualTo(3);
            String next = engine.equals("postgres") ? "select nextval('seq')" : "select nextval(seq)";
            assertThat(count(c, next)).as("the sequence did not move").isEqualTo(1);
        }
    }

    @ParameterizedTest
    @MethodSource("dev.rehearsal.testing.TestDatabases#engines")
    void theSessionIsWritableAgainAfterwardsAndSqliteQueryOnlyIsRestored(String engine) throws SQLException {
        try (IsolatedDatabase db = TestDatabases.create(engine); Connection c = db.target().connect()) {
            Dialect d = db.target().dialect();
            fixture(c);

            verify(c, d, Check.RowCount.exactly("posts", 3));
            new VerificationSuite("pre", null, null, List.of(new Capture("posts")), List.of(new Check.TableExists("posts")))
                    .capture(c, d);

            assertThat(c.getAutoCommit()).isTrue();
            if (engine.equals("sqlite")) {
                assertThat(count(c, "pragma query_only")).isZero();
                run(c, "pragma query_only = 1");
                verify(c, d, Check.RowCount.exactly("posts", 3));
                assertThat(count(c, "pragma query_only")).as("a read-only connection stays read-only").isEqualTo(1);
                run(c, "pragma query_only = 0");
            }
            run(c, "delete from posts where id = 3");
            assertThat(count(c, "select count(*) from posts")).isEqualTo(2);
        }
    }

    @ParameterizedTest
    @MethodSource("dev.rehearsal.testing.TestDatabases#engines")
    void insideACallersTransactionChecksAreReadOnlyWhereTheEngineAllowsIt(String engine) throws SQLException {
        try (IsolatedDatabase db = TestDatabases.create(engine); Connection c = db.target().connect()) {
            Dialect d = db.target().dialect();
            fixture(c);
            c.setAutoCommit(false);
            run(c, "insert into markers (name) values ('mine')");

            if (engine.equals("mariadb")) {
                assertThatThrownBy(() -> verify(c, d, Check.Query.scalar("delete from posts", 0)))
                        .isInstanceOfSatisfying(RehearsalException.class,
                                e -> assertThat(e.code()).isEqualTo(ErrorCode.BAD_USAGE))
                        .hasMessageContaining("auto-commit");
            } else {
                SuiteResult result = verify(c, d, Check.Query.scalar("delete from posts", 0),
                        Check.RowCount.exactly("markers", 2));
                assertThat(result.results()).extracting(CheckResult::status)
                        .containsExactly(Status.FAILED, Status.PASSED);
                assertThat(result.results().get(0).message()).contains("read-only");
            }
            run(c, "insert into markers (name) values ('still writable')");
            c.commit();
            assertThat(count(c, "select count(*) from markers")).isEqualTo(3);
            assertThat(count(c, "select count(*) from posts")).isEqualTo(3);
        }
    }
}
