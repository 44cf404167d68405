package dev.rehearsal.snapshot.data;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rehearsal.database.Dialect;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A table's fingerprint plus enough to locate a change later without keeping the data: the
 * primary key columns and 1,024 bucket hashes (rows are put in a bucket by the hash of their
 * primary key, or of their whole content without one; a bucket hash is the sum of its rows'
 * hashes). Comparing two signatures names the changed columns and the buckets that differ; the
 * rows themselves need both states live (see {@link RowDiffer}).
 *
 * @since 0.1
 */
public record TableSignature(TableFingerprint fingerprint, List<String> primaryKey, long[] bucketHashes) {
    private static final ObjectMapper JSON = new ObjectMapper();

    public TableSignature {
        primaryKey = List.copyOf(primaryKey);
        bucketHashes = bucketHashes.clone();
        if (bucketHashes.length != TableDigest.BUCKETS) {
            throw new IllegalArgumentException("a table signature has " + TableDigest.BUCKETS
                    + " bucket hashes, not " + bucketHashes.length);
        }
    }

    /** Captures the signature of one table in one streaming pass. */
    public static TableSignature capture(Connection c, Dialect d, String table) {
        try (TableScan scan = TableScan.open(c, d, table)) {
            TableDigest digest = TableDigest.of(scan, true);
            return new TableSignature(digest.fingerprint(table), digest.primaryKey(), digest.bucketSums());
        } catch (SQLException e) {
            throw Fingerprinter.readFailed(d, "table " + table, e);
        }
    }

    /** The buckets whose rows differ from {@code other}'s, in bucket order. */
    public List<Integer> differingBuckets(TableSignature other) {
        List<Integer> buckets = new ArrayList<>();
        for (int b = 0; b < bucketHashes.length; b++) {
            if (bucketHashes[b] != other.bucketHashes[b]) {
                buckets.add(b);
            }
        }
        return buckets;
    }

    @Override
    public long[] bucketHashes() {
        return bucketHashes.clone();
    }

    public String toJson() {
        try {
            return JSON.writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write table signature as JSON", e);
        }
    }

    public static TableSignature fromJson(String json) {
        try {
            return JSON.readValue(json, TableSignature.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a table signature: " + e.getOriginalMessage(), e);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TableSignature s && fingerprint.equals(s.fingerprint)
                && primaryKey.equals(s.primaryKey) && Arrays.equals(bucketHashes, s.bucketHashes);
    }

    @Override
    public int hashCode() {
        return fingerprint.hashCode() * 31 + Arrays.hashCode(bucketHashes);
    }

    @Override
    public String toString() {
        return "TableSignature[" + fingerprint + ", primaryKey=" + primaryKey + ", "
                + bucketHashes.length + " bucket hashes]";
    }
}
