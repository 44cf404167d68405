package dev.rehearsal.snapshot.data;

import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Folds a {@link TableScan} into sums: rows, per-column values and, optionally, per key bucket.
 *
 * <p>Rows (and values) are combined by adding their 128-bit hashes, each 64-bit half modulo 2^64.
 * Addition is commutative and associative, so the physical order the engine returns rows in does
 * not matter and the pass streams in constant memory. Unlike XOR, adding keeps duplicates: two
 * equal rows add 2h where XOR would cancel them to 0, so this is a hash of the row multiset. With
 * 128 bits of well-mixed hash per row, two different multisets collide only by accident at about
 * 2^-64 per half.
 */
final class TableDigest {
    static final int BUCKETS = 1024;

    private final List<String> columns;
    private final List<String> primaryKey;
    private final long[] column1;
    private final long[] column2;
    private final long[] bucketSums;
    private final long[] bucketCounts;
    private long rows;
    private long sum1;
    private long sum2;

    private TableDigest(List<String> columns, List<String> primaryKey, boolean buckets) {
        this.columns = columns;
        this.primaryKey = primaryKey;
        this.column1 = new long[columns.size()];
        this.column2 = new long[columns.size()];
        this.bucketSums = buckets ? new long[BUCKETS] : null;
        this.bucketCounts = buckets ? new long[BUCKETS] : null;
    }

    /** Reads the scan to its end. */
    static TableDigest of(TableScan scan, boolean buckets) throws SQLException {
        TableDigest digest = new TableDigest(scan.columns(), scan.primaryKey(), buckets);
        int n = digest.column1.length;
        while (scan.next()) {
            digest.rows++;
            digest.sum1 += scan.rowHash1();
            digest.sum2 += scan.rowHash2();
            for (int i = 0; i < n; i++) {
                digest.column1[i] += scan.valueHash1(i);
                digest.column2[i] += scan.valueHash2(i);
            }
            if (buckets) {
                int b = bucket(scan.keyHash1());
                digest.bucketSums[b] += scan.rowHash1();
                digest.bucketCounts[b]++;
            }
        }
        return digest;
    }

    /** The bucket of a key hash: its top 10 bits. */
    static int bucket(long keyHash1) {
        return (int) (keyHash1 >>> 54);
    }

    TableFingerprint fingerprint(String table) {
        Map<String, String> perColumn = new LinkedHashMap<>();
        for (int i = 0; i < column1.length; i++) {
            perColumn.put(columns.get(i), hex(column1[i], column2[i]));
        }
        return new TableFingerprint(table, rows, hex(sum1, sum2), perColumn);
    }

    List<String> primaryKey() {
        return primaryKey;
    }

    long[] bucketSums() {
        return bucketSums.clone();
    }

    long bucketCount(int bucket) {
        return bucketCounts[bucket];
    }

    /** 32 lower-case hex digits; String.format cost a microsecond per checksum, per column per table. */
    static String hex(long a, long b) {
        char[] digits = new char[32];
        for (int i = 0; i < 16; i++) {
            digits[i] = Character.forDigit((int) (a >>> (60 - 4 * i)) & 0xf, 16);
            digits[16 + i] = Character.forDigit((int) (b >>> (60 - 4 * i)) & 0xf, 16);
        }
        return new String(digits);
    }
}
