package dev.rehearsal.snapshot.data;

import dev.rehearsal.database.Dialect;
import dev.rehearsal.snapshot.diff.Diff;
import dev.rehearsal.snapshot.diff.Difference;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Lists the rows that differ between two live states of one table (two databases, or a database
 * and its copy), by primary key, without loading the table into memory:
 * <ol>
 *   <li>one streaming pass per side sums row hashes into 1,024 buckets chosen by primary-key hash;</li>
 *   <li>only the buckets whose sums or counts differ are read again, one slice of about
 *       {@value #BATCH_ROWS} "before" rows per pass (a bucket bigger than that is cut into parts
 *       by a second key hash): the slice's "before" rows go into a map by key hash, the "after"
 *       rows are matched against it (absent: added; other row hash: changed; left over:
 *       missing);</li>
 *   <li>when the differing buckets fit one slice, one pass per side counts everything exactly.
 *       Beyond, the first slice is small (about {@value #FIRST_SLICE_ROWS_PER_SAMPLED} rows per
 *       sampled row, whole buckets) and passes stop as soon as the sample is full: a table whose
 *       rows all differ is read once more per side whatever its size, and the counts then say
 *       "at least" and over how many rows they were taken. Memory holds one slice and the
 *       sample, never the table.</li>
 * </ol>
 * A table without a primary key is compared as a multiset of whole rows: rows are added or
 * removed, never changed. When the two states have different columns, the detail names them and
 * rows are compared on the columns both have. Kind {@code rows}.
 *
 * @since 0.1
 */
public final class RowDiffer {
    /** How many rows a diff names by default. */
    public static final int DEFAULT_SAMPLE = 20;
    static final String KIND = "table";
    static final int BATCH_ROWS = 100_000;
    /** The first slice of a big difference holds about this many rows per sampled row. */
    static final int FIRST_SLICE_ROWS_PER_SAMPLED = 50;

    private RowDiffer() {
    }

    /** As {@link #compareRows(Connection, Connection, Dialect, String, int, String, String)}, labelled "before"/"after". */
    public static Diff compareRows(Connection before, Connection after, Dialect d, String table, int sampleLimit) {
        return compareRows(before, after, d, table, sampleLimit, "before", "after");
    }

    /**
     * Compares the rows of {@code table} in both states. Empty when they hold the same rows;
     * otherwise one {@code rows} difference whose detail reads like
     * {@code 1,000 rows before up, 998 after rollback; missing id=17, id=42; changed id=5: title 'a' -> 'b'},
     * naming at most {@code sampleLimit} rows.
     */
    public static Diff compareRows(Connection before, Connection after, Dialect d, String table, int sampleLimit,
            String beforeLabel, String afterLabel) {
        return compare(before, after, d, table, sampleLimit, beforeLabel, afterLabel, BATCH_ROWS).diff();
    }

    /**
     * The diff and what reading it took: passes over each side after the digests, and the most
     * "before" rows held at once.
     */
    record Comparison(Diff diff, int passesPerSide, int peakHeldRows) {
    }

    /** As {@link #compareRows}, with slices of about {@code sliceRows} "before" rows. */
    static Comparison compare(Connection before, Connection after, Dialect d, String table, int sampleLimit,
            String beforeLabel, String afterLabel, int sliceRows) {
        try {
            List<String> key = DatabaseTables.primaryKey(before, d, table);
            if (!key.equals(DatabaseTables.primaryKey(after, d, table))) {
                key = List.of(); // the key itself changed: only whole rows can be matched
            }
            Set<String> shared = sharedColumns(before, after, d, table);
            TableDigest b = digest(before, d, table, key, shared);
            TableDigest a = digest(after, d, table, key, shared);
            TableFingerprint fb = b.fingerprint(table);
            TableFingerprint fa = a.fingerprint(table);
            ColumnSetChange columnSet = ColumnSetChange.of(fb, fa, beforeLabel, afterLabel);
            if (fb.sameContent(fa) && columnSet.isEmpty()) {
                return new Comparison(Diff.empty(beforeLabel, afterLabel), 0, 0);
            }
            RowMatcher matcher = new RowMatcher(sampleLimit, !key.isEmpty());
            String detail = FingerprintDiffer.rows(fb.rowCount()) + " " + beforeLabel + ", "
                    + FingerprintDiffer.number(fa.rowCount()) + " " + afterLabel
                    + (columnSet.isEmpty() ? "" : "; " + columnSet.describe());
            if (fb.sameContent(fa)) {
                detail += columnSet.hasSharedColumns() ? "; no row differs in the other columns" : "";
            } else {
                detail += matchRows(before, after, d, table, key, shared, b, a, fb.rowCount(), matcher, sliceRows);
            }
            return new Comparison(new Diff(beforeLabel, afterLabel, List.of(new Difference.Changed(KIND, table,
                    FingerprintDiffer.rows(fb.rowCount()), FingerprintDiffer.rows(fa.rowCount()), detail))),
                    matcher.passes(), matcher.peakHeld());
        } catch (SQLException e) {
            throw Fingerprinter.readFailed(d, "table " + table, e);
        }
    }

    /** The differing rows of the differing buckets, as the tail of the detail line. */
    private static String matchRows(Connection before, Connection after, Dialect d, String table, List<String> key,
            Set<String> shared, TableDigest b, TableDigest a, long beforeRows, RowMatcher matcher, int sliceRows)
            throws SQLException {
        List<RowMatcher.Slice> slices = slices(b, a, sliceRows, matcher.sampleLimit());
        int read = 0;
        while (read < slices.size() && (read == 0 || !matcher.sampleFull())) {
            RowMatcher.Slice slice = slices.get(read++);
            try (TableScan scan = TableScan.open(before, d, table, key, shared)) {
                matcher.readBefore(scan, slice);
            }
            try (TableScan scan = TableScan.open(after, d, table, key, shared)) {
                matcher.matchAfter(scan, slice);
            }
            matcher.finishBatch();
        }
        matcher.lookUpChangedRows(before, d, table, key);
        return matcher.describe(beforeRows, read == slices.size());
    }

    /** The columns both states have, or null when they have the same ones: rows are compared on these. */
    private static Set<String> sharedColumns(Connection before, Connection after, Dialect d, String table)
            throws SQLException {
        Set<String> shared = new HashSet<>(DatabaseTables.columns(before, d, table));
        Set<String> other = new HashSet<>(DatabaseTables.columns(after, d, table));
        if (shared.equals(other)) {
            return null;
        }
        shared.retainAll(other);
        return shared;
    }

    private static TableDigest digest(Connection c, Dialect d, String table, List<String> key, Set<String> shared)
            throws SQLException {
        try (TableScan scan = TableScan.open(c, d, table, key, shared)) {
            return TableDigest.of(scan, true);
        }
    }

    /**
     * Groups the differing buckets into slices of at most about {@code sliceRows} rows; a bucket
     * bigger than that becomes several slices of its own, parts of it by a second key hash.
     */
    private static List<RowMatcher.Slice> slices(TableDigest b, TableDigest a, int sliceRows, int sampleLimit) {
        long[] sb = b.bucketSums();
        long[] sa = a.bucketSums();
        long[] sizes = new long[TableDigest.BUCKETS];
        long total = 0;
        for (int bucket = 0; bucket < TableDigest.BUCKETS; bucket++) {
            if (sb[bucket] != sa[bucket] || b.bucketCount(bucket) != a.bucketCount(bucket)) {
                sizes[bucket] = Math.max(b.bucketCount(bucket), a.bucketCount(bucket));
                total += sizes[bucket];
            }
        }
        // What fits one slice is counted exactly in one pass. Beyond, a first small slice usually fills
        // the sample (every row of a differing bucket may differ) while holding few rows.
        long budget = total <= sliceRows ? sliceRows
                : Math.min(sliceRows, (long) Math.max(1, sampleLimit) * FIRST_SLICE_ROWS_PER_SAMPLED);
        List<RowMatcher.Slice> slices = new ArrayList<>();
        boolean[] current = null;
        long rows = 0;
        for (int bucket = 0; bucket < TableDigest.BUCKETS; bucket++) {
            long size = sizes[bucket];
            if (size == 0) {
                continue;
            }
            if (size > sliceRows) {
                boolean[] alone = new boolean[TableDigest.BUCKETS];
                alone[bucket] = true;
                int parts = (int) Math.min(Integer.MAX_VALUE, (size + sliceRows - 1) / sliceRows);
                for (int part = 0; part < parts; part++) {
                    slices.add(new RowMatcher.Slice(alone, parts, part));
                }
                continue;
            }
            if (current == null || rows + size > budget) {
                if (current != null) {
                    budget = sliceRows;
                }
                current = new boolean[TableDigest.BUCKETS];
                slices.add(new RowMatcher.Slice(current, 1, 0));
                rows = 0;
            }
            current[bucket] = true;
            rows += size;
        }
        return slices;
    }
}
