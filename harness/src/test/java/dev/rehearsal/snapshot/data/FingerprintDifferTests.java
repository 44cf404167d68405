package dev.rehearsal.snapshot.data;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rehearsal.database.Dialect;
import dev.rehearsal.database.IsolatedDatabase;
import dev.rehearsal.snapshot.diff.Diff;
import dev.rehearsal.testing.TestDatabases;
import java.sql.Connection;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class FingerprintDifferTests {

    @Test
    void tablesAddedRemovedAndRecountedAreReported() throws Exception {
        try (IsolatedDatabase db = IsolatedDatabase.sqlite("differ"); Connection c = db.target().connect()) {
            Dialect d = db.target().dialect();
            Sql.run(c, "create table images (id integer primary key, title text)", "create table old (id integer)",
                    "insert into images values (1, 'a'), (2, 'b'), (3, 'c')");
            DatabaseFingerprint before = Fingerprinter.fingerprint(c, d, Set.of());
            Sql.run(c, "delete from images where id = 3", "drop table old", "create table fresh (id integer)");
            DatabaseFingerprint after = Fingerprinter.fingerprint(c, d, Set.of());

            Diff diff = FingerprintDiffer.compare(before, after, "before up", "after rollback");

            assertThat(diff.render()).isEqualTo("""
                    table data fresh: not there before up, present after rollback (0 rows)
                    table data images: 3 rows before up, 2 after rollback
                    table data old: missing after rollback (was 0 rows)""");
            assertThat(FingerprintDiffer.compare(before, before, "a", "b").isEmpty()).isTrue();
        }
    }

    @Test
    void changedValuesNameTheirColumns() throws Exception {
        try (IsolatedDatabase db = IsolatedDatabase.sqlite("differ"); Connection c = db.target().connect()) {
            Dialect d = db.target().dialect();
            Sql.run(c, "create table images (id integer primary key, title text, size integer)",
                    "insert into images values (1, 'a', 10), (2, 'b', 20)");
            DatabaseFingerprint before = Fingerprinter.fingerprint(c, d, Set.of());
            Sql.run(c, "update images set title = 'x' where id = 2");
            DatabaseFingerprint changed = Fingerprinter.fingerprint(c, d, Set.of());
            Sql.run(c, "update images set title = 'b' where id = 2", "update images set size = 20 where id = 1",
                    "update images set size = 10 where id = 2");
            DatabaseFingerprint swapped = Fingerprinter.fingerprint(c, d, Set.of());

            assertThat(FingerprintDiffer.compare(before, changed, "before", "after").render())
                    .isEqualTo("table data images: 2 rows before and after; values changed in title");
            assertThat(FingerprintDiffer.compare(before, swapped, "before", "after").render()).isEqualTo(
                    "table data images: 2 rows before and after; the same values per column, recombined into different rows");
        }
    }

    @ParameterizedTest
    @MethodSource("dev.rehearsal.testing.TestDatabases#engines")
    void addedDroppedAndRenamedColumnsAreNamedNotCalledRecombined(String engine) throws Exception {
        try (IsolatedDatabase db = TestDatabases.create(engine); Connection c = db.target().connect()) {
            Dialect d = db.target().dialect();
            UsersTable.create(c);
            DatabaseFingerprint original = Fingerprinter.fingerprint(c, d, Set.of());
            Sql.run(c, "alter table users add column z integer");
            DatabaseFingerprint added = Fingerprinter.fingerprint(c, d, Set.of());
            Sql.run(c, "update users set z = 1 where id = 1", "update users set name = 'bo' where id = 2");
            DatabaseFingerprint filled = Fingerprinter.fingerprint(c, d, Set.of());
            Sql.run(c, "alter table users drop column nick");
            DatabaseFingerprint dropped = Fingerprinter.fingerprint(c, d, Set.of());
            Sql.run(c, "alter table users rename column name to full_name");
            DatabaseFingerprint renamed = Fingerprinter.fingerprint(c, d, Set.of());
            Sql.run(c, "delete from users where id = 3", "alter table users drop column z");
            DatabaseFingerprint shrunk = Fingerprinter.fingerprint(c, d, Set.of());

            assertThat(FingerprintDiffer.compare(original, added, "in a.json", "in b.json").render()).isEqualTo(
                    "table data users: 3 rows in a.json and in b.json; column z only in b.json (all NULL);"
                            + " the other columns hold the same values");
            assertThat(FingerprintDiffer.compare(added, original, "in a.json", "in b.json").render()).isEqualTo(
                    "table data users: 3 rows in a.json and in b.json; column z only in a.json (it held only NULLs);"
                            + " the other columns hold the same values");
            assertThat(FingerprintDiffer.compare(original, filled, "in a.json", "in b.json").render()).isEqualTo(
                    "table data users: 3 rows in a.json and in b.json; column z only in b.json; values changed in name");
            assertThat(FingerprintDiffer.compare(filled, dropped, "in a.json", "in b.json").render()).isEqualTo(
                    "table data users: 3 rows in a.json and in b.json; column nick only in a.json (its values are gone);"
                            + " the other columns hold the same values");
            assertThat(FingerprintDiffer.compare(dropped, renamed, "in a.json", "in b.json").render()).isEqualTo(
                    "table data users: 3 rows in a.json and in b.json; the values of column name in a.json are in"
                            + " column full_name in b.json; the other columns hold the same values");
            assertThat(FingerprintDiffer.compare(renamed, shrunk, "in a.json", "in b.json").render()).isEqualTo(
                    "table data users: 3 rows in a.json, 2 in b.json; column z only in a.json (its values are gone)");
        }
    }

    @ParameterizedTest
    @MethodSource("dev.rehearsal.testing.TestDatabases#engines")
    void signaturesNameTheDifferingBucketsAndRoundTripThroughJson(String engine) throws Exception {
        try (IsolatedDatabase db = TestDatabases.create(engine); Connection c = db.target().connect()) {
            Dialect d = db.target().dialect();
            Sql.run(c, "create table images (id integer primary key, title varchar(10))");
            for (int i = 0; i < 50; i++) {
                Sql.run(c, "insert into images values (" + i + ", 't" + i + "')");
            }
            TableSignature before = TableSignature.capture(c, d, "images");
            Sql.run(c, "update images set title = 'x' where id in (3, 30)");
            TableSignature after = TableSignature.capture(c, d, "images");

            assertThat(before.primaryKey()).containsExactly("id");
            assertThat(after.fingerprint()).isEqualTo(Fingerprinter.fingerprintTable(c, d, "images"));
            assertThat(before.differingBuckets(after)).hasSize(2);
            assertThat(FingerprintDiffer.compare(before, after, "before", "after").render())
                    .isEqualTo("table data images: 50 rows before and after; values changed in title; 2 of 1024 key buckets differ");
            assertThat(TableSignature.fromJson(before.toJson())).isEqualTo(before);
            assertThat(FingerprintDiffer.compare(before, TableSignature.fromJson(before.toJson()), "a", "b").isEmpty()).isTrue();
        }
    }
}
