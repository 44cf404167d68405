package dev.rehearsal.snapshot.data;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The content of one table in a few bytes: its row count and an order-independent checksum of
 * its rows, plus one checksum per column (in column position order) to say which column changed.
 * Checksums are 32 hex digits (128 bits).
 *
 * @since 0.1
 */
public record TableFingerprint(String table, long rowCount, String checksum, Map<String, String> columnChecksums) {

    public TableFingerprint {
        // LinkedHashMap keeps column order through copies and JSON.
        columnChecksums = Collections.unmodifiableMap(new LinkedHashMap<>(columnChecksums));
    }

    /** The columns both fingerprints have whose checksums differ, in this one's column order. */
    public List<String> changedColumns(TableFingerprint other) {
        List<String> changed = new ArrayList<>();
        columnChecksums.forEach((column, sum) -> {
            String otherSum = other.columnChecksums.get(column);
            if (otherSum != null && !otherSum.equals(sum)) {
                changed.add(column);
            }
        });
        return changed;
    }

    /** Same rows, as a multiset: same count and checksum. */
    public boolean sameContent(TableFingerprint other) {
        return rowCount == other.rowCount && checksum.equals(other.checksum);
    }
}
