package dev.rehearsal.snapshot.data;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rehearsal.database.Dialect;
import dev.rehearsal.database.IsolatedDatabase;
import dev.rehearsal.snapshot.diff.Diff;
import dev.rehearsal.snapshot.diff.Difference;
import dev.rehearsal.testing.TestDatabases;
import java.sql.Connection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class RowDifferTests {
    private static final String ENGINES = "dev.rehearsal.testing.TestDatabases#engines";

    @ParameterizedTest
    @MethodSource(ENGINES)
    void missingAddedAndChangedRowsAreNamedByPrimaryKey(String engine) throws Exception {
        try (IsolatedDatabase one = TestDatabases.create(engine); IsolatedDatabase two = TestDatabases.create(engine);
                Connection before = one.target().connect(); Connection after = two.target().connect()) {
            Dialect d = one.target().dialect();
            for (Connection c : new Connection[] {before, after}) {
                Sql.run(c, "create table images (id integer primary key, title varchar(20), size integer)");
                fill(c, 1000);
            }
            Sql.run(after, "delete from images where id in (17, 42)", "update images set title = 'b' where id = 5",
                    "insert into images values (1001, 'new', 1)");

            Diff diff = RowDiffer.compareRows(before, after, d, "images", 20, "before up", "after rollback");

            assertThat(diff.differences()).singleElement().isInstanceOfSatisfying(Difference.Changed.class, c -> {
                assertThat(c.kind()).isEqualTo("table");
                assertThat(c.subject()).isEqualTo("images");
            });
            assertThat(diff.render()).isEqualTo("table images: 1,000 rows before up, 999 after rollback; "
                    + "missing id=17, id=42; added id=1001; changed id=5: title 'title 5' -> 'b'");
        }
    }

    @ParameterizedTest
    @MethodSource(ENGINES)
    void identicalTablesInAnotherOrderHaveNoRowDifferences(String engine) throws Exception {
        try (IsolatedDatabase one = TestDatabases.create(engine); IsolatedDatabase two = TestDatabases.create(engine);
                Connection before = one.target().connect(); Connection after = two.target().connect()) {
            Sql.run(before, "create table t (id integer primary key, v varchar(5))",
                    "insert into t values (1, 'a')", "insert into t values (2, 'b')");
            Sql.run(after, "create table t (id integer primary key, v varchar(5))",
                    "insert into t values (2, 'b')", "insert into t values (1, 'a')");

            assertThat(RowDiffer.compareRows(before, after, one.target().dialect(), "t", 20).isEmpty()).isTrue();
        }
    }

    @ParameterizedTest
    @MethodSource(ENGINES)
    void theSampleIsBoundedWhileTheCountsStayExact(String engine) throws Exception {
        try (IsolatedDatabase one = TestDatabases.create(engine); IsolatedDatabase two = TestDatabases.create(engine);
                Connection before = one.target().connect(); Connection after = two.target().connect()) {
            for (Connection c : new Connection[] {before, after}) {
                Sql.run(c, "create table images (id integer primary key, title varchar(20), size integer)");
                fill(c, 500);
            }
            Sql.run(after, "delete from images where id <= 100", "update images set size = size + 1 where id > 400");

            String detail = ((Difference.Changed) RowDiffer.compareRows(before, after, one.target().dialect(), "images", 4)
                    .differences().get(0)).detail();

            assertThat(detail).startsWith("500 rows before, 400 after; missing 100 rows: ")
                    .contains("; changed 100 rows: ").endsWith(", ...");
            assertThat(detail.split("id=", -1)).hasSize(4 + 1);
            assertThat(detail).containsPattern("changed 100 rows: id=\\d+: size \\d+ -> \\d+");
        }
    }

    @ParameterizedTest
    @MethodSource(ENGINES)
    void whenEveryRowDiffersEachSideIsReadOnceMoreAndOnlyOneSliceIsHeld(String engine) throws Exception {
        try (IsolatedDatabase one = TestDatabases.create(engine); IsolatedDatabase two = TestDatabases.create(engine);
                Connection before = one.target().connect(); Connection after = two.target().connect()) {
            for (Connection c : new Connection[] {before, after}) {
                Sql.run(c, "create table images (id integer primary key, title varchar(20), size integer)");
                fill(c, 20_000);
            }
            Sql.run(after, "update images set size = size + 1");
            Dialect d = one.target().dialect();

            RowDiffer.Comparison sliced = RowDiffer.compare(before, after, d, "images", 20, "before", "after", 1_000);
            RowDiffer.Comparison whole = RowDiffer.compare(before, after, d, "images", 20, "before", "after",
                    RowDiffer.BATCH_ROWS);

            assertThat(sliced.passesPerSide()).isEqualTo(1);
            assertThat(sliced.peakHeldRows()).isBetween(1, 1_000);
            String detail = ((Difference.Changed) sliced.diff().differences().get(0)).detail();
            assertThat(detail).matches("20,000 rows before, 20,000 after; changed at least ([\\d,]+) rows: id=\\d+: size"
                    + " .*, \\.\\.\\.; stopped once the sample was full: counted over \\1 of 20,000 rows before");
            assertThat(detail.split("id=", -1)).hasSize(20 + 1);
            assertThat(whole.passesPerSide()).isEqualTo(1);
            assertThat(((Difference.Changed) whole.diff().differences().get(0)).detail())
                    .startsWith("20,000 rows before, 20,000 after; changed 20,000 rows: id=").endsWith(", ...");
            // Slices of 5,000 but a sample of 4: the first slice holds whole buckets up to 4 x 50 rows.
            RowDiffer.Comparison small = RowDiffer.compare(before, after, d, "images", 4, "before", "after", 5_000);
            assertThat(small.passesPerSide()).isEqualTo(1);
            assertThat(small.peakHeldRows()).isBetween(1, 4 * RowDiffer.FIRST_SLICE_ROWS_PER_SAMPLED);
        }
    }

    /** A key-hash bucket bigger than a slice is read in parts: memory follows the slice, not the bucket. */
    @ParameterizedTest
    @MethodSource(ENGINES)
    void aBucketBiggerThanASliceIsReadInParts(String engine) throws Exception {
        try (IsolatedDatabase one = TestDatabases.create(engine); IsolatedDatabase two = TestDatabases.create(engine);
                Connection before = one.target().connect(); Connection after = two.target().connect()) {
            for (Connection c : new Connection[] {before, after}) {
                Sql.run(c, "create table images (id integer primary key, title varchar(20), size integer)");
                fill(c, 20_000);
            }
            Sql.run(after, "update images set size = size + 1 where id % 100 = 0");
            Dialect d = one.target().dialect();

            // About 20 rows per bucket, cut in 4 parts of about 5; 200 changed rows spread over the buckets.
            RowDiffer.Comparison sliced = RowDiffer.compare(before, after, d, "images", 3, "before", "after", 5);

            assertThat(sliced.peakHeldRows()).isBetween(1, 15);
            assertThat(sliced.passesPerSide()).isBetween(1, 10);
            assertThat(((Difference.Changed) sliced.diff().differences().get(0)).detail())
                    .startsWith("20,000 rows before, 20,000 after; changed at least ")
                    .contains("; stopped once the sample was full: counted over ");
        }
    }

    @ParameterizedTest
    @MethodSource(ENGINES)
    void tablesWithoutPrimaryKeyAreComparedAsMultisetsOfRows(String engine) throws Exception {
        try (IsolatedDatabase one = TestDatabases.create(engine); IsolatedDatabase two = TestDatabases.create(engine);
                Connection before = one.target().connect(); Connection after = two.target().connect()) {
            for (Connection c : new Connection[] {before, after}) {
                Sql.run(c, "create table tags (name varchar(10), weight integer)",
                        "insert into tags values ('a', 1)", "insert into tags values ('a', 1)", "insert into tags values ('b', 2)");
            }
            Sql.run(after, "delete from tags where name = 'b'", "insert into tags values ('c', null)");
            // One of the two duplicates goes: only the multiplicity tells.
            Sql.run(before, "insert into tags values ('a', 1)");

            Diff diff = RowDiffer.compareRows(before, after, one.target().dialect(), "tags", 20);

            assertThat(diff.render()).isEqualTo("table tags: 4 rows before, 3 after; "
                    + "missing ('a', 1), ('b', 2); added ('c', NULL)");
        }
    }

    @ParameterizedTest
    @MethodSource(ENGINES)
    void aMovedColumnIsNoRowDifferenceButAChangedValueBesideItIs(String engine) throws Exception {
        try (IsolatedDatabase one = TestDatabases.create(engine); IsolatedDatabase two = TestDatabases.create(engine);
                Connection before = one.target().connect(); Connection after = two.target().connect()) {
            Dialect d = one.target().dialect();
            UsersTable.create(before);
            UsersTable.create(after);
            UsersTable.moveNameToTheEnd(after, engine);

            assertThat(RowDiffer.compareRows(before, after, d, "users", 20).isEmpty()).isTrue();

            Sql.run(after, "update users set name = 'bo' where id = 2");

            assertThat(RowDiffer.compareRows(before, after, d, "users", 20).render())
                    .isEqualTo("table users: 3 rows before, 3 after; changed id=2: name 'bob' -> 'bo'");
        }
    }

    @ParameterizedTest
    @MethodSource(ENGINES)
    void columnsOnOneSideOnlyAreNamedAndRowsComparedOnTheOthers(String engine) throws Exception {
        try (IsolatedDatabase one = TestDatabases.create(engine); IsolatedDatabase two = TestDatabases.create(engine);
                Connection before = one.target().connect(); Connection after = two.target().connect()) {
            Dialect d = one.target().dialect();
            UsersTable.create(before);
            UsersTable.create(after);
            Sql.run(after, "alter table users add column z integer", "alter table users drop column nick");

            assertThat(RowDiffer.compareRows(before, after, d, "users", 20, "before up", "after rollback").render())
                    .isEqualTo("table users: 3 rows before up, 3 after rollback; column nick only before up"
                            + " (its values are gone), column z only after rollback (all NULL);"
                            + " no row differs in the other columns");

            Sql.run(after, "update users set score = 21 where id = 2", "update users set z = 5 where id = 1");

            assertThat(RowDiffer.compareRows(before, after, d, "users", 20).render())
                    .isEqualTo("table users: 3 rows before, 3 after; column nick only before (its values are gone),"
                            + " column z only after; changed id=2: score 20 -> 21");
        }
    }

    @Test
    void mariaDbTinyintOneValuesAreShownAndLookedUpAsTheIntegersTheyStore() throws Exception {
        try (IsolatedDatabase one = TestDatabases.create("mariadb"); IsolatedDatabase two = TestDatabases.create("mariadb");
                Connection before = one.target().connect(); Connection after = two.target().connect()) {
            for (Connection c : new Connection[] {before, after}) {
                // The driver reads both as true; the key lookup must bind 5, not true (which matches 1).
                Sql.run(c, "create table orgs (code tinyint(1) primary key, lvl tinyint(1))",
                        "insert into orgs values (5, 5), (1, 1)");
            }
            Sql.run(after, "update orgs set lvl = 7 where code = 5");

            Diff diff = RowDiffer.compareRows(before, after, one.target().dialect(), "orgs", 20);

            assertThat(diff.render()).isEqualTo("table orgs: 2 rows before, 2 after; changed code=5: lvl 5 -> 7");
        }
    }

    private static void fill(Connection c, int rows) throws Exception {
        StringBuilder insert = new StringBuilder("insert into images values ");
        for (int id = 1; id <= rows; id++) {
            insert.append(id == 1 ? "" : ", ").append("(").append(id).append(", 'title ").append(id).append("', ")
                    .append(id * 10).append(")");
        }
        Sql.run(c, insert.toString());
    }
}
