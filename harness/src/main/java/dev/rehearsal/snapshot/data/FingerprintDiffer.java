package dev.rehearsal.snapshot.data;

import dev.rehearsal.snapshot.diff.Diff;
import dev.rehearsal.snapshot.diff.Difference;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

/**
 * Compares data fingerprints (or signatures) taken at two points: which tables appeared or
 * vanished, whose row count changed, and which columns' values changed. Kind {@code table data}.
 *
 * @since 0.1
 */
public final class FingerprintDiffer {
    static final String KIND = "table data";

    private FingerprintDiffer() {
    }

    public static Diff compare(DatabaseFingerprint before, DatabaseFingerprint after, String beforeLabel, String afterLabel) {
        TreeSet<String> names = new TreeSet<>();
        before.tables().forEach(t -> names.add(t.table()));
        after.tables().forEach(t -> names.add(t.table()));
        List<Difference> differences = new ArrayList<>();
        for (String name : names) {
            TableFingerprint b = before.tables().stream().filter(t -> t.table().equals(name)).findFirst().orElse(null);
            TableFingerprint a = after.tables().stream().filter(t -> t.table().equals(name)).findFirst().orElse(null);
            if (b == null) {
                differences.add(new Difference.Added(KIND, name, rows(a.rowCount())));
            } else if (a == null) {
                differences.add(new Difference.Removed(KIND, name, rows(b.rowCount())));
            } else if (!b.sameContent(a)) {
                differences.add(changed(b, a, beforeLabel, afterLabel, ""));
            }
        }
        return new Diff(beforeLabel, afterLabel, differences);
    }

    /** Compares two signatures of one table; the detail also says how many key buckets differ. */
    public static Diff compare(TableSignature before, TableSignature after, String beforeLabel, String afterLabel) {
        TableFingerprint b = before.fingerprint();
        TableFingerprint a = after.fingerprint();
        if (b.sameContent(a)) {
            return Diff.empty(beforeLabel, afterLabel);
        }
        int buckets = before.differingBuckets(after).size();
        String where = "; " + buckets + " of " + TableDigest.BUCKETS + " "
                + (before.primaryKey().isEmpty() ? "content" : "key") + " buckets differ";
        return new Diff(beforeLabel, afterLabel, List.of(changed(b, a, beforeLabel, afterLabel, where)));
    }

    private static Difference changed(TableFingerprint b, TableFingerprint a, String beforeLabel, String afterLabel,
            String suffix) {
        StringBuilder detail = new StringBuilder(counts(b, a, beforeLabel, afterLabel));
        ColumnSetChange columnSet = ColumnSetChange.of(b, a, beforeLabel, afterLabel);
        if (!columnSet.isEmpty()) {
            detail.append("; ").append(columnSet.describe());
        }
        // Every column's checksum moves with a row count change; naming them all says nothing.
        if (b.rowCount() == a.rowCount()) {
            List<String> columns = b.changedColumns(a);
            if (!columns.isEmpty()) {
                detail.append("; values changed in ").append(String.join(", ", columns));
            } else if (columnSet.isEmpty()) {
                detail.append("; the same values per column, recombined into different rows");
            } else if (columnSet.hasSharedColumns()) {
                // The row checksums cover every column, so with other columns on either side nothing more can be said.
                detail.append("; the other columns hold the same values");
            }
        }
        return new Difference.Changed(KIND, b.table(), rows(b.rowCount()), rows(a.rowCount()), detail + suffix);
    }

    /** {@code 3 rows before and after}, or {@code 3 rows before, 2 after}. */
    private static String counts(TableFingerprint b, TableFingerprint a, String beforeLabel, String afterLabel) {
        return b.rowCount() == a.rowCount() ? rows(b.rowCount()) + " " + beforeLabel + " and " + afterLabel
                : rows(b.rowCount()) + " " + beforeLabel + ", " + number(a.rowCount()) + " " + afterLabel;
    }

    static String rows(long count) {
        return number(count) + (count == 1 ? " row" : " rows");
    }

    static String number(long count) {
        return String.format(Locale.ROOT, "%,d", count);
    }
}
