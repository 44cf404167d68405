package dev.rehearsal.snapshot.data;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rehearsal.database.Dialects;
import dev.rehearsal.database.IsolatedDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * Random SQLite tables: any single changed value changes the fingerprint and exactly its column's
 * checksum; the columns' order does not matter, which column holds a value does.
 */
class FingerprintPropertyTests {
    private static final int COLUMNS = 4;

    @Property(tries = 40)
    void anySingleChangedValueChangesTheChecksumAndOnlyItsColumn(
            @ForAll("tables") List<List<Object>> rows, @ForAll("replacements") Object replacement,
            @ForAll @IntRange(min = 0, max = 10_000) int where, @ForAll long seed) throws Exception {
        int row = where % rows.size();
        int column = where % COLUMNS;
        if (sameStoredValue(rows.get(row).get(column), replacement)) {
            return; // not a change
        }
        try (IsolatedDatabase db = IsolatedDatabase.sqlite("prop"); Connection c = db.target().connect()) {
            insert(c, "original", rows);
            List<List<Object>> shuffled = new ArrayList<>(rows);
            Collections.shuffle(shuffled, new Random(seed));
            insert(c, "shuffled", shuffled);
            List<List<Object>> changed = new ArrayList<>();
            rows.forEach(r -> changed.add(new ArrayList<>(r)));
            changed.get(row).set(column, replacement);
            insert(c, "changed", changed);

            TableFingerprint original = rename(Fingerprinter.fingerprintTable(c, Dialects.SQLITE, "original"));
            TableFingerprint reordered = rename(Fingerprinter.fingerprintTable(c, Dialects.SQLITE, "shuffled"));
            TableFingerprint after = rename(Fingerprinter.fingerprintTable(c, Dialects.SQLITE, "changed"));

            assertThat(reordered).isEqualTo(original);
            assertThat(after.checksum()).isNotEqualTo(original.checksum());
            assertThat(FingerprinterTests.changedColumns(original, after)).containsExactly("c" + column);
        }
    }

    @Property(tries = 40)
    void theSameRowsWithTheColumnsInAnyOrderGiveTheSameFingerprint(
            @ForAll("tables") List<List<Object>> rows, @ForAll long seed) throws Exception {
        List<String> order = new ArrayList<>(List.of("c0", "c1", "c2", "c3"));
        Collections.shuffle(order, new Random(seed));
        try (IsolatedDatabase db = IsolatedDatabase.sqlite("prop"); Connection c = db.target().connect()) {
            insert(c, "original", rows);
            Sql.run(c, "create table permuted (" + String.join(", ", order) + ")",
                    "insert into permuted (c0, c1, c2, c3) select c0, c1, c2, c3 from original");

            TableFingerprint original = rename(Fingerprinter.fingerprintTable(c, Dialects.SQLITE, "original"));
            TableFingerprint permuted = rename(Fingerprinter.fingerprintTable(c, Dialects.SQLITE, "permuted"));

            assertThat(permuted.columnChecksums().keySet()).containsExactlyElementsOf(order);
            assertThat(permuted).isEqualTo(original);
        }
    }

    @Property(tries = 40)
    void swappingTwoDifferentValuesBetweenColumnsOfARowChangesTheChecksum(
            @ForAll("tables") List<List<Object>> rows, @ForAll @IntRange(min = 0, max = 10_000) int where,
            @ForAll @IntRange(min = 1, max = COLUMNS - 1) int distance) throws Exception {
        List<Object> row = rows.get(where % rows.size());
        int i = where % COLUMNS;
        int j = (i + distance) % COLUMNS;
        if (sameStoredValue(row.get(i), row.get(j))) {
            return; // swapping equal values changes nothing
        }
        try (IsolatedDatabase db = IsolatedDatabase.sqlite("prop"); Connection c = db.target().connect()) {
            insert(c, "original", rows);
            List<List<Object>> swapped = new ArrayList<>();
            rows.forEach(r -> swapped.add(new ArrayList<>(r)));
            Collections.swap(swapped.get(where % rows.size()), i, j);
            insert(c, "swapped", swapped);

            TableFingerprint original = rename(Fingerprinter.fingerprintTable(c, Dialects.SQLITE, "original"));
            TableFingerprint after = rename(Fingerprinter.fingerprintTable(c, Dialects.SQLITE, "swapped"));

            assertThat(after.checksum()).isNotEqualTo(original.checksum());
            assertThat(FingerprinterTests.changedColumns(original, after))
                    .containsExactlyInAnyOrder("c" + i, "c" + j);
        }
    }

    @Provide
    Arbitrary<List<List<Object>>> tables() {
        return values().list().ofSize(COLUMNS).list().ofMinSize(1).ofMaxSize(12);
    }

    @Provide
    Arbitrary<Object> replacements() {
        return values();
    }

    private static Arbitrary<Object> values() {
        return Arbitraries.oneOf(
                Arbitraries.just(null),
                Arbitraries.longs().map(v -> (Object) v),
                Arbitraries.integers().between(-3, 3).map(v -> (Object) (long) v),
                Arbitraries.doubles().map(v -> (Object) v),
                Arbitraries.strings().ofMaxLength(8).map(v -> (Object) v),
                Arbitraries.bytes().array(byte[].class).ofMaxSize(6).map(v -> (Object) v),
                Arbitraries.of("", "0", "1").map(v -> (Object) v));
    }

    private static boolean sameStoredValue(Object a, Object b) {
        if (a instanceof byte[] x && b instanceof byte[] y) {
            return java.util.Arrays.equals(x, y);
        }
        return Objects.equals(a, b);
    }

    private static void insert(Connection c, String table, List<List<Object>> rows) throws Exception {
        Sql.run(c, "create table " + table + " (c0, c1, c2, c3)");
        try (PreparedStatement s = c.prepareStatement("insert into " + table + " values (?, ?, ?, ?)")) {
            for (List<Object> row : rows) {
                for (int i = 0; i < COLUMNS; i++) {
                    s.setObject(i + 1, row.get(i));
                }
                s.addBatch();
            }
            s.executeBatch();
        }
    }

    private static TableFingerprint rename(TableFingerprint f) {
        return new TableFingerprint("t", f.rowCount(), f.checksum(), f.columnChecksums());
    }
}
