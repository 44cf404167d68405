package dev.rehearsal.snapshot.data;

import dev.rehearsal.database.Dialect;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Matches the "before" and "after" rows of one slice of the key hashes at a time, one pass per side
 * per slice; counts and samples the differences. Only the slice's "before" rows are held.
 */
final class RowMatcher {
    private record Key(long h1, long h2) {
    }

    /** A "before" row of the batch; {@code count} is its multiplicity when rows are matched by content. */
    private static final class Entry {
        final long row1;
        final long row2;
        final String label;
        final Object[] keyValues;
        long count = 1;

        Entry(long row1, long row2, String label, Object[] keyValues) {
            this.row1 = row1;
            this.row2 = row2;
            this.label = label;
            this.keyValues = keyValues;
        }
    }

    private static final class ChangedRow {
        final String label;
        final Object[] keyValues;
        final Map<String, String> after;
        Map<String, String> before = Map.of();

        ChangedRow(String label, Object[] keyValues, Map<String, String> after) {
            this.label = label;
            this.keyValues = keyValues;
            this.after = after;
        }
    }

    /**
     * The rows one pass per side compares: those whose key hash falls in {@code buckets} and, for a
     * bucket too big for one pass, in part {@code part} of {@code parts} of it.
     */
    record Slice(boolean[] buckets, int parts, int part) {
        boolean holds(TableScan scan) {
            return buckets[TableDigest.bucket(scan.keyHash1())]
                    && (parts == 1 || Long.remainderUnsigned(scan.keyHash2(), parts) == part);
        }
    }

    private final int sampleLimit;
    private final boolean byKey;
    private Map<Key, Entry> batchRows = new LinkedHashMap<>();
    private int passes;
    private int peakHeld;
    private long beforeRowsCompared;
    private long missing;
    private long added;
    private long changed;
    private final List<String> missingSample = new ArrayList<>();
    private final List<String> addedSample = new ArrayList<>();
    private final List<ChangedRow> changedSample = new ArrayList<>();

    RowMatcher(int sampleLimit, boolean byKey) {
        this.sampleLimit = Math.max(0, sampleLimit);
        this.byKey = byKey;
    }

    void readBefore(TableScan scan, Slice slice) throws SQLException {
        batchRows = new LinkedHashMap<>();
        passes++;
        while (scan.next()) {
            if (!slice.holds(scan)) {
                continue;
            }
            beforeRowsCompared++;
            Key key = new Key(scan.keyHash1(), scan.keyHash2());
            Entry entry = batchRows.get(key);
            if (entry != null) {
                entry.count++; // only without a key: a duplicate row
            } else {
                batchRows.put(key, new Entry(scan.rowHash1(), scan.rowHash2(), scan.renderKey(),
                        byKey ? scan.keyValues() : null));
            }
        }
        peakHeld = Math.max(peakHeld, batchRows.size());
    }

    void matchAfter(TableScan scan, Slice slice) throws SQLException {
        while (scan.next()) {
            if (!slice.holds(scan)) {
                continue;
            }
            Key key = new Key(scan.keyHash1(), scan.keyHash2());
            Entry entry = batchRows.get(key);
            if (entry == null) {
                added++;
                if (addedSample.size() < sampleLimit) {
                    addedSample.add(scan.renderKey());
                }
            } else if (byKey) {
                batchRows.remove(key);
                if (entry.row1 != scan.rowHash1() || entry.row2 != scan.rowHash2()) {
                    changed++;
                    if (changedSample.size() < sampleLimit) {
                        changedSample.add(new ChangedRow(entry.label, entry.keyValues, byName(scan.columns(), scan.renderRow())));
                    }
                }
            } else if (--entry.count == 0) {
                batchRows.remove(key);
            }
        }
    }

    /** What is left of the batch's "before" rows was not found after. */
    void finishBatch() {
        for (Entry entry : batchRows.values()) {
            missing += entry.count;
            for (long i = 0; i < entry.count && missingSample.size() < sampleLimit; i++) {
                missingSample.add(entry.label);
            }
        }
        batchRows = new LinkedHashMap<>();
    }

    /** Whether the rows found so far fill what {@link #describe} shows: reading on would change only counts. */
    boolean sampleFull() {
        return missingSample.size() + addedSample.size() + changedSample.size() >= sampleLimit;
    }

    int sampleLimit() {
        return sampleLimit;
    }

    /** Passes over each side so far: one per slice. */
    int passes() {
        return passes;
    }

    /** The most "before" rows held at once: the memory the matching needs beside the sample. */
    int peakHeld() {
        return peakHeld;
    }

    /** Reads the "before" values of the sampled changed rows, one primary-key lookup each. */
    void lookUpChangedRows(Connection before, Dialect d, String table, List<String> key) throws SQLException {
        if (changedSample.isEmpty()) {
            return;
        }
        String sql = "select * from " + d.quote(table) + " where "
                + key.stream().map(k -> d.quote(k) + " = ?").collect(Collectors.joining(" and "));
        try (PreparedStatement s = before.prepareStatement(sql)) {
            for (ChangedRow row : changedSample) {
                for (int k = 0; k < row.keyValues.length; k++) {
                    s.setObject(k + 1, row.keyValues[k]);
                }
                try (ResultSet rs = s.executeQuery()) {
                    if (rs.next()) {
                        ResultSetMetaData meta = rs.getMetaData();
                        List<String> names = new ArrayList<>();
                        List<String> values = new ArrayList<>();
                        for (int i = 1; i <= meta.getColumnCount(); i++) {
                            names.add(meta.getColumnName(i));
                            values.add(ValueRenderer.render(ColumnKind.value(rs, i, ColumnKind.of(meta, i, d))));
                        }
                        row.before = byName(names, values);
                    }
                }
            }
        }
    }

    /**
     * The counts and samples as the tail of a detail line, e.g. {@code ; missing id=17, id=42}.
     * The sample budget is shared in turn between missing, added and changed rows.
     */
    String describe(long beforeRows, boolean complete) {
        int[] shown = new int[3];
        int[] available = {missingSample.size(), addedSample.size(), changedSample.size()};
        int budget = sampleLimit;
        boolean progress = true;
        while (budget > 0 && progress) {
            progress = false;
            for (int i = 0; i < 3 && budget > 0; i++) {
                if (shown[i] < available[i]) {
                    shown[i]++;
                    budget--;
                    progress = true;
                }
            }
        }
        StringBuilder out = new StringBuilder();
        String atLeast = complete ? "" : "at least ";
        appendRows(out, "missing", missing, missingSample.subList(0, shown[0]), atLeast);
        appendRows(out, "added", added, addedSample.subList(0, shown[1]), atLeast);
        List<String> changes = new ArrayList<>();
        for (ChangedRow row : changedSample.subList(0, shown[2])) {
            changes.add(row.label + changedValues(row));
        }
        appendRows(out, "changed", changed, changes, atLeast);
        if (!complete) {
            out.append("; stopped once the sample was full: counted over ")
                    .append(FingerprintDiffer.number(beforeRowsCompared)).append(" of ")
                    .append(FingerprintDiffer.rows(beforeRows)).append(" before");
        }
        return out.toString();
    }

    private static void appendRows(StringBuilder out, String what, long count, List<String> sample, String atLeast) {
        if (count == 0) {
            return;
        }
        out.append("; ").append(what).append(' ');
        if (sample.size() < count || !atLeast.isEmpty()) {
            out.append(atLeast).append(FingerprintDiffer.rows(count)).append(sample.isEmpty() ? "" : ": ");
        }
        out.append(String.join(what.equals("changed") ? "; " : ", ", sample));
        if (!sample.isEmpty() && sample.size() < count) {
            out.append(", ...");
        }
    }

    private static String changedValues(ChangedRow row) {
        List<String> parts = new ArrayList<>();
        row.after.forEach((column, value) -> {
            String old = row.before.get(column);
            if (old != null && !old.equals(value)) {
                parts.add(column + " " + old + " -> " + value);
            }
        });
        return parts.isEmpty() ? "" : ": " + String.join(", ", parts);
    }

    private static Map<String, String> byName(List<String> names, List<String> values) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < names.size(); i++) {
            map.put(names.get(i), values.get(i));
        }
        return map;
    }
}
