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
 *   <li>only the buckets whose sums or counts differ are read again, in batches of at most
 *       {@value #BATCH_ROWS} rows: the "before" rows of the batch go into a map by key hash, the
 *       "after" rows are matched against it (absent: added; other row hash: changed; left over:
 *       missing).</li>
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
                return Diff.empty(beforeLabel, afterLabel);
            }
            String detail = FingerprintDiffer.rows(fb.rowCount()) + " " + beforeLabel + ", "
                    + FingerprintDiffer.number(fa.rowCount()) + " " + afterLabel
                    + (columnSet.isEmpty() ? "" : "; " + columnSet.describe());
            if (fb.sameContent(fa)) {
                detail += columnSet.hasSharedColumns() ? "; no row differs in the other columns" : "";
            } else {
                detail += matchRows(before, after, d, table, key, shared, b, a, sampleLimit);
            }
            return new Diff(beforeLabel, afterLabel, List.of(new Difference.Changed(KIND, table,
                    FingerprintDiffer.rows(fb.rowCount()), FingerprintDiffer.rows(fa.rowCount()), detail)));
        } catch (SQLException e) {
            throw Fingerprinter.readFailed(d, "table " + table, e);
        }
    }

    /** The differing rows of the differing buckets, as the tail of the detail line. */
    private static String matchRows(Connection before, Connection after, Dialect d, String table, List<String> key,
            Set<String> shared, TableDigest b, TableDigest a, int sampleLimit) throws SQLException {
        RowMatcher matcher = new RowMatcher(sampleLimit, !key.isEmpty());
        for (boolean[] batch : batches(b, a)) {
            try (TableScan scan = TableScan.open(before, d, table, key, shared)) {
                matcher.readBefore(scan, batch);
            }
            try (TableScan scan = TableScan.open(after, d, table, key, shared)) {
                matcher.matchAfter(scan, batch);
            }
            matcher.finishBatch();
        }
        matcher.lookUpChangedRows(before, d, table, key);
        return matcher.describe();
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

    /** Groups the differing buckets so that each group holds at most about {@link #BATCH_ROWS} "before" rows. */
    private static List<boolean[]> batches(TableDigest b, TableDigest a) {
        long[] sb = b.bucketSums();
        long[] sa = a.bucketSums();
        List<boolean[]> batches = new ArrayList<>();
        boolean[] current = null;
        long rows = 0;
        for (int bucket = 0; bucket < TableDigest.BUCKETS; bucket++) {
            if (sb[bucket] == sa[bucket] && b.bucketCount(bucket) == a.bucketCount(bucket)) {
                continue;
            }
            long size = Math.max(b.bucketCount(bucket), a.bucketCount(bucket));
            if (current == null || (rows > 0 && rows + size > BATCH_ROWS)) {
                current = new boolean[TableDigest.BUCKETS];
                batches.add(current);
                rows = 0;
            }
            current[bucket] = true;
            rows += size;
        }
        return batches;
    }
}
