package dev.rehearsal.snapshot.data;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The columns two fingerprints of one table do not share, by name, in words: a column whose
 * values are gone, a new column, or one whose values moved to a column of another name. Told
 * from the per-column checksums alone, so it works on stored fingerprints too.
 */
final class ColumnSetChange {
    private static final long NULL_HASH1;
    private static final long NULL_HASH2;

    static {
        CanonicalEncoder encoder = new CanonicalEncoder();
        encoder.putNull();
        NULL_HASH1 = encoder.h1;
        NULL_HASH2 = encoder.h2;
    }

    private final List<String> parts;
    private final boolean sharedColumns;

    private ColumnSetChange(List<String> parts, boolean sharedColumns) {
        this.parts = List.copyOf(parts);
        this.sharedColumns = sharedColumns;
    }

    static ColumnSetChange of(TableFingerprint b, TableFingerprint a, String beforeLabel, String afterLabel) {
        Map<String, String> before = b.columnChecksums();
        Map<String, String> after = a.columnChecksums();
        List<String> added = new ArrayList<>(after.keySet());
        added.removeAll(before.keySet());
        List<String> parts = new ArrayList<>();
        boolean shared = false;
        for (Map.Entry<String, String> column : before.entrySet()) {
            if (after.containsKey(column.getKey())) {
                shared = true;
                continue;
            }
            String sameValues = b.rowCount() == a.rowCount() && !onlyNulls(column.getValue(), b.rowCount())
                    ? added.stream().filter(c -> after.get(c).equals(column.getValue())).findFirst().orElse(null)
                    : null;
            if (sameValues != null) {
                added.remove(sameValues);
                parts.add("the values of column " + column.getKey() + " " + beforeLabel + " are in column "
                        + sameValues + " " + afterLabel);
            } else {
                parts.add("column " + column.getKey() + " only " + beforeLabel + (b.rowCount() == 0 ? ""
                        : onlyNulls(column.getValue(), b.rowCount()) ? " (it held only NULLs)" : " (its values are gone)"));
            }
        }
        for (String column : added) {
            parts.add("column " + column + " only " + afterLabel
                    + (a.rowCount() > 0 && onlyNulls(after.get(column), a.rowCount()) ? " (all NULL)" : ""));
        }
        return new ColumnSetChange(parts, shared);
    }

    /** Whether both sides have the same column names. */
    boolean isEmpty() {
        return parts.isEmpty();
    }

    /** Whether any column is on both sides. */
    boolean hasSharedColumns() {
        return sharedColumns;
    }

    /** E.g. {@code column label only in a.json (its values are gone), column z only in b.json (all NULL)}, with labels "in a.json" and "in b.json". */
    String describe() {
        return String.join(", ", parts);
    }

    /** A column's checksum is the sum of its value hashes: {@code rows} NULLs sum to rows times NULL's hash. */
    private static boolean onlyNulls(String checksum, long rows) {
        return checksum.equals(TableDigest.hex(rows * NULL_HASH1, rows * NULL_HASH2));
    }
}
