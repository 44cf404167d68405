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

/** Matches the "before" and "after" rows of one batch of buckets by key hash; counts and samples the differences. */
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

    private final int sampleLimit;
    private final boolean byKey;
    private Map<Key, Entry> batchRows = new LinkedHashMap<>();
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

    void readBefore(TableScan scan, boolean[] batch) throws SQLException {
        batchRows = new LinkedHashMap<>();
        while (scan.next()) {
            if (!batch[TableDigest.bucket(scan.keyHash1())]) {
                continue;
            }
            Key key = new Key(scan.keyHash1(), scan.keyHash2());
            Entry entry = batchRows.get(key);
            if (entry != null) {
                entry.count++; // only without a key: a duplicate row
            } else {
                batchRows.put(key, new Entry(scan.rowHash1(), scan.rowHash2(), scan.renderKey(),
                        byKey ? scan.keyValues() : null));
            }
        }
    }

    void matchAfter(TableScan scan, boolean[] batch) throws SQLException {
        while (scan.next()) {
            if (!batch[TableDigest.bucket(scan.keyHash1())]) {
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
    String describe() {
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
        appendRows(out, "missing", missing, missingSample.subList(0, shown[0]));
        appendRows(out, "added", added, addedSample.subList(0, shown[1]));
        List<String> changes = new ArrayList<>();
        for (ChangedRow row : changedSample.subList(0, shown[2])) {
            changes.add(row.label + changedValues(row));
        }
        appendRows(out, "changed", changed, changes);
        return out.toString();
    }

    private static void appendRows(StringBuilder out, String what, long count, List<String> sample) {
        if (count == 0) {
            return;
        }
        out.append("; ").append(what).append(' ');
        if (sample.size() < count) {
            out.append(FingerprintDiffer.rows(count)).append(sample.isEmpty() ? "" : ": ");
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
