package dev.rehearsal.verification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.rehearsal.database.Dialect;
import dev.rehearsal.database.IsolatedDatabase;
import dev.rehearsal.verification.CheckResult.Status;
import dev.rehearsal.testing.TestDatabases;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every check type, holding and broken, on every engine. */
class ChecksTests {

    /** users(2) <- posts(3, one with no user), markers('done'); index idx_posts_user. */
    static void fixture(Connection c) throws SQLException {
        run(c, "create table users (id integer primary key, email varchar(100) not null)",
                "create table posts (id integer primary key, user_id integer, title varchar(50),"
                        + " constraint fk_posts_user foreign key (user_id) references users (id))",
                "create index idx_posts_user on posts (user_id)",
                "create table markers (name varchar(50) primary key)",
                "insert into users (id, email) values (1, 'a@x'), (2, 'b@x')",
                "insert into posts (id, user_id, title) values (1, 1, 'one'), (2, 2, 'two'), (3, null, 'three')",
                "insert into markers (name) values ('done')");
    }

    static void run(Connection c, String... statements) throws SQLException {
        try (Statement s = c.createStatement()) {
            for (String sql : statements) {
                s.execute(sql);
            }
        }
    }

    static CheckResult check(Connection c, Dialect d, Check check) {
        return check(c, d, List.of(), Captures.none(), check);
    }

    static CheckResult check(Connection c, Dialect d, List<Capture> pre, Captures captures, Check check) {
        SuiteResult result = new VerificationSuite("t", null, null, pre, List.of(check)).verify(c, d, captures);
        return result.results().get(0);
    }

    @ParameterizedTest
    @MethodSource("dev.rehearsal.testing.TestDatabases#engines")
    void schemaChecksHoldAndBreak(String engine) throws SQLException {
        try (IsolatedDatabase db = TestDatabases.create(engine); Connection c = db.target().connect()) {
            Dialect d = db.target().dialect();
            fixture(c);

            assertThat(check(c, d, new Check.TableExists("posts"))).extracting(CheckResult::status, CheckResult::message)
                    .containsExactly(Status.PASSED, "posts exists");
            assertThat(check(c, d, new Check.TableExists("media")).message())
                    .isEqualTo("media does not exist (tables: markers, posts, users)");
            assertThat(check(c, d, new Check.TableAbsent("media")).status()).isEqualTo(Status.PASSED);
            assertThat(check(c, d, new Check.TableAbsent("users"))).extracting(CheckResult::status,
                    CheckResult::message).containsExactly(Status.FAILED, "users still exists");

            assertThat(check(c, d, new Check.ColumnExists("posts", "title", "varchar(50)", true, null)).status())
                    .isEqualTo(Status.PASSED);
            assertThat(check(c, d, new Check.ColumnExists("users", "email", "varchar", false, null)).status())
                    .isEqualTo(Status.PASSED);
            assertThat(check(c, d, new Check.ColumnExists("posts", "title", "integer", null, null)).message())
                    .startsWith("posts.title ").endsWith(", expected type integer");
            assertThat(check(c, d, new Check.ColumnExists("users", "email", null, true, null)).message())
                    .endsWith(" not null, expected nullable");
            assertThat(check(c, d, new Check.ColumnExists("posts", "body")).message())
                    .isEqualTo("posts has no column body (columns: id, user_id, title)");

            assertThat(check(c, d, new Check.IndexExists("idx_posts_user")).message())
                    .isEqualTo("index idx_posts_user on posts");
            assertThat(check(c, d, new Check.IndexExists("idx_posts_user", "users", null)))
                    .extracting(CheckResult::status).isEqualTo(Status.FAILED);
            assertThat(check(c, d, new Check.IndexExists("idx_posts_title")).message())
                    .isEqualTo("no index idx_posts_title on any table");
        }
    }

    @ParameterizedTest
    @MethodSource("dev.rehearsal.testing.TestDatabases#engines")
    void columnTypesMatchAsWrittenAndPrimaryKeysCountAsIndexes(String engine) throws SQLException {
        try (IsolatedDatabase db = TestDatabases.create(engine); Connection c = db.target().connect()) {
            Dialect d = db.target().dialect();
            run(c, "create table events (id integer primary key, at timestamp(6), done boolean, n bigint)");

            for (String written : List.of("timestamp(6)", "timestamp", "TIMESTAMP(6)")) {
                assertThat(check(c, d, new Check.ColumnExists("events", "at", written, null, null)).status())
                        .as(written).isEqualTo(Status.PASSED);
            }
            assertThat(check(c, d, new Check.ColumnExists("events", "at", "timestamp(3)", null, null)).status())
                    .isEqualTo(Status.FAILED);
            assertThat(check(c, d, new Check.ColumnExists("events", "done", "boolean", null, null)).status())
                    .isEqualTo(Status.PASSED);
            assertThat(check(c, d, new Check.ColumnExists("events", "n", "bigint", null, null)).status())
                    .isEqualTo(Status.PASSED);
            if (!engine.equals("sqlite")) {
                String primaryKey = engine.equals("postgres") ? "events_pkey" : "PRIMARY";
                assertThat(check(c, d, new Check.IndexExists(primaryKey)).message())
                        .isEqualTo("index " + primaryKey + " on events");
            }
        }
    }

    @ParameterizedTest
    @MethodSource("dev.rehearsal.testing.TestDatabases#engines")
    void countChecksHoldAndBreak(String engine) throws SQLException {
        try (IsolatedDatabase db = TestDatabases.create(engine); Connection c = db.target().connect()) {
            Dialect d = db.target().dialect();
            fixture(c);

            assertThat(check(c, d, Check.RowCount.exactly("posts", 3)).message()).isEqualTo("posts has 3 rows");
            assertThat(check(c, d, Check.RowCount.exactly("posts", 4)).message())
                    .isEqualTo("posts has 3 rows, expected exactly 4");
            assertThat(check(c, d, new Check.RowCount("users", null, 1L, 2L, null)).status()).isEqualTo(Status.PASSED);
            assertThat(check(c, d, Check.RowCount.atLeast("users", 1_500)).message())
                    .isEqualTo("users has 2 rows, expected at least 1,500");
            assertThat(check(c, d, new Check.RowCount("users", null, null, 1L, null)).message())
                    .isEqualTo("users has 2 rows, expected at most 1");
            assertThat(check(c, d, Check.RowCount.exactly("nowhere", 0)).message()).startsWith("SQL error: ");

            List<Capture> pre = List.of(new Capture("users"), new Capture("old_posts", "posts"));
            VerificationSuite capturing = new VerificationSuite("t", null, null, pre, List.of());
            Captures captured = capturing.capture(c, d);
            assertThat(captured.get("old_posts").orElseThrow().rowCount()).isEqualTo(3);
            run(c, "insert into users (id, email) values (3, 'c@x')");

            Check sum = new Check.RowCountEquals("posts + users == pre.old_posts + pre.users + 1");
            assertThat(check(c, d, pre, captured, sum)).extracting(CheckResult::status, CheckResult::message)
                    .containsExactly(Status.PASSED, "posts + users = 6 (posts 3, users 3), "
                            + "pre.old_posts + pre.users + 1 = 6 (pre.old_posts 3, pre.users 2)");
            assertThat(check(c, d, pre, captured, new Check.RowCountEquals("users == pre.users")))
                    .extracting(CheckResult::status, CheckResult::message)
                    .containsExactly(Status.FAILED, "users has 3 rows, pre.users = 2");

            assertThat(check(c, d, pre, captured, new Check.ChecksumPreserved("old_posts")).message())
                    .startsWith("posts unchanged: 3 rows, checksum ");
            assertThat(check(c, d, pre, captured, new Check.ChecksumPreserved("users")).message())
                    .isEqualTo("table data users: 2 rows before the migration, 3 now");
            run(c, "update posts set title = 'uno' where id = 1");
            assertThat(check(c, d, pre, captured, new Check.ChecksumPreserved("old_posts")).message())
                    .isEqualTo("table data posts: 3 rows before the migration and now; values changed in title");
            assertThat(check(c, d, pre, Captures.none(), new Check.ChecksumPreserved("old_posts")).message())
                    .startsWith("no pre capture 'old_posts': capture the pre state before the migration");
        }
    }

    @ParameterizedTest
    @MethodSource("dev.rehearsal.testing.TestDatabases#engines")
    void queryAndMarkerChecksHoldAndBreak(String engine) throws SQLException {
        try (IsolatedDatabase db = TestDatabases.create(engine); Connection c = db.target().connect()) {
            Dialect d = db.target().dialect();
            fixture(c);

            assertThat(check(c, d, Check.Query.scalar("select count(*) from posts where user_id is null", 1)).message())
                    .isEqualTo("returned 1");
            assertThat(check(c, d, Check.Query.scalar("select count(*) from posts where user_id is null", 0)).message())
                    .isEqualTo("returned 1, expected 0");
            Check rows = new Check.Query("select id, title from posts where id < 3 order by id",
                    List.of(List.of(1, "one"), List.of(2, "two")), null);
            assertThat(check(c, d, rows).status()).isEqualTo(Status.PASSED);
            Check wrongRows = new Check.Query("select id, title from posts order by id",
                    List.of(List.of(1, "one")), null);
            assertThat(check(c, d, wrongRows).message())
                    .isEqualTo("returned [[1, 'one'], [2, 'two'], [3, 'three']], expected [[1, 'one']]");
            assertThat(check(c, d, Check.Query.scalar("select title from posts where id = 9", "x")).message())
                    .isEqualTo("returned no rows, expected 'x'");
            assertThat(check(c, d, Check.Query.scalar("select nonsense from posts", 1)).message())
                    .startsWith("SQL error: ");

            assertThat(check(c, d, new Check.Marker("markers", "name", "done"))).extracting(CheckResult::status,
                    CheckResult::message).containsExactly(Status.PASSED, "1 row in markers with name = 'done'");
            assertThat(check(c, d, new Check.Marker("markers", "name", "media_unification")).message())
                    .isEqualTo("no marker row in markers with name = 'media_unification'");
            assertThat(check(c, d, new Check.Marker("markers", null, null, "name like 'do%'", false, null)))
                    .extracting(CheckResult::status, CheckResult::message)
                    .containsExactly(Status.FAILED, "1 row in markers with where name like 'do%'");
            assertThat(check(c, d, new Check.Marker("migration_markers", "name", "x")).message())
                    .isEqualTo("marker table migration_markers does not exist");
            assertThat(check(c, d, new Check.Marker("migration_markers", "name", "x", null, false, null)).status())
                    .isEqualTo(Status.PASSED);
        }
    }

    @ParameterizedTest
    @MethodSource("dev.rehearsal.testing.TestDatabases#engines")
    void noOrphansFindsChildRowsWithoutAParent(String engine) throws SQLException {
        try (IsolatedDatabase db = TestDatabases.create(engine); Connection c = db.target().connect()) {
            Dialect d = db.target().dialect();
            fixture(c);

            assertThat(check(c, d, new Check.NoOrphans("posts"))).extracting(CheckResult::status, CheckResult::message)
                    .containsExactly(Status.PASSED, "1 foreign key satisfied");
            assertThat(check(c, d, new Check.NoOrphans("users")).message()).isEqualTo("users has no foreign keys");

            insertOrphan(engine, c);

            CheckResult broken = check(c, d, new Check.NoOrphans("posts"));
            assertThat(broken.status()).isEqualTo(Status.FAILED);
            assertThat(broken.message()).isEqualTo(engine.equals("sqlite") ? "posts -> users: 1 row without a parent"
                    : "posts(user_id) -> users(id): 1 row without a parent");
            assertThat(check(c, d, new Check.NoOrphans((String) null)).status()).isEqualTo(Status.FAILED);
            assertThat(check(c, d, new Check.NoOrphans("users")).status()).isEqualTo(Status.PASSED);
        }
    }

    /** Each engine has its own way to let a row past its foreign key. */
    private static void insertOrphan(String engine, Connection c) throws SQLException {
        String orphan = "insert into posts (id, user_id, title) values (4, 99, 'lost')";
        if (engine.equals("mariadb")) {
            run(c, "set foreign_key_checks = 0", orphan, "set foreign_key_checks = 1");
        } else if (engine.equals("postgres")) {
            run(c, "alter table posts drop constraint fk_posts_user", orphan, "alter table posts add constraint"
                    + " fk_posts_user foreign key (user_id) references users (id) not valid");
        } else {
            run(c, orphan); // SQLite enforces foreign keys only with PRAGMA foreign_keys = ON
        }
    }

    @ParameterizedTest
    @MethodSource("dev.rehearsal.testing.TestDatabases#engines")
    void warningsAreReportedButNeverFailTheSuite(String engine) throws SQLException {
        try (IsolatedDatabase db = TestDatabases.create(engine); Connection c = db.target().connect()) {
            Dialect d = db.target().dialect();
            fixture(c);
            VerificationSuite suite = new VerificationSuite("warnings", null, null, List.of(), List.of(
                    new Check.TableExists("posts"),
                    new Check.RowCount("posts", null, 100L, null, Severity.WARNING),
                    new Check.TableExists("media", Severity.WARNING)));

            SuiteResult result = suite.verify(c, d, Captures.none());

            assertThat(result.passed()).isTrue();
            assertThat(result.results()).extracting(CheckResult::status)
                    .containsExactly(Status.PASSED, Status.WARNED, Status.WARNED);
            assertThat(result.render()).isEqualTo("""
                    suite warnings: passed (1 passed, 0 failed, 2 warnings)
                      PASS table_exists posts: posts exists
                      WARN row_count posts min 100: posts has 3 rows, expected at least 100
                      WARN table_exists media: media does not exist (tables: markers, posts, users)""");
        }
    }

    @ParameterizedTest
    @MethodSource("dev.rehearsal.testing.TestDatabases#engines")
    void aBrokenCheckInsideATransactionDoesNotStopTheOthers(String engine) throws SQLException {
        // MariaDB cannot make an open transaction read-only, so it refuses: ReadOnlyChecksTests.
        assumeTrue(!engine.equals("mariadb"), "MariaDB verifies only in auto-commit mode");
        try (IsolatedDatabase db = TestDatabases.create(engine); Connection c = db.target().connect()) {
            Dialect d = db.target().dialect();
            fixture(c);
            c.setAutoCommit(false);
            VerificationSuite suite = new VerificationSuite("tx", null, null, List.of(), List.of(
                    Check.Query.scalar("select count(*) from nowhere", 0), Check.RowCount.exactly("users", 2)));

            SuiteResult result = suite.verify(c, d, Captures.none());

            assertThat(result.passed()).isFalse();
            assertThat(result.results()).extracting(CheckResult::status).containsExactly(Status.FAILED, Status.PASSED);
            c.rollback();
        }
    }
}
