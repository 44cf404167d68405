package dev.rehearsal.snapshot.data;

import dev.rehearsal.database.Dialect;
import dev.rehearsal.database.Dialects;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * One forward-only, streaming pass over a table: the hot loop shared by the fingerprint, the
 * signature and the row diff. For each row it hashes every value's canonical encoding to 128 bits,
 * the row to 128 bits, and the primary key (or, without one, the row) to 128 bits. Memory stays
 * constant: one reusable buffer, a few arrays sized by the column count.
 *
 * <p>A row is its set of (column name, value) pairs, not a tuple: the row hash covers each value's
 * hash plus its column name's hash, in column-name order, so moving a column (same names, same
 * values) leaves every row hash as it was, while swapping two values between columns, or renaming
 * a column, changes it.
 */
final class TableScan implements AutoCloseable {
    private static final int FETCH_SIZE = 1000;

    private final Connection connection;
    private final String table;
    private final boolean restoreAutoCommit;
    private final Statement statement;
    private final ResultSet rs;
    private final List<String> columns;
    private final List<String> primaryKey;
    private final int[] kinds;
    private final int[] keyColumns;
    private final long[] valueHash1;
    private final long[] valueHash2;
    private final long[] nameHash1;
    private final long[] nameHash2;
    /** The columns the row hash covers, by index, in name order. */
    private final int[] rowOrder;
    private final CanonicalEncoder encoder = new CanonicalEncoder();
    private final Murmur3 rows = new Murmur3();
    /** SQLite's fast path, or null: values then come through JDBC. */
    private final SqliteRowEncoder sqliteRows;
    private long rowHash1;
    private long rowHash2;
    private long keyHash1;
    private long keyHash2;

    private TableScan(Connection connection, Dialect dialect, String table, boolean restoreAutoCommit,
            Statement statement, ResultSet rs, List<String> primaryKey, Set<String> rowColumns, boolean sqliteCoreApi)
            throws SQLException {
        this.connection = connection;
        this.table = table;
        this.restoreAutoCommit = restoreAutoCommit;
        this.statement = statement;
        this.rs = rs;
        this.primaryKey = primaryKey;
        ResultSetMetaData meta = rs.getMetaData();
        int n = meta.getColumnCount();
        List<String> names = new ArrayList<>(n);
        kinds = new int[n];
        for (int i = 0; i < n; i++) {
            names.add(meta.getColumnName(i + 1));
            kinds[i] = ColumnKind.of(meta, i + 1, dialect);
        }
        columns = List.copyOf(names);
        keyColumns = new int[primaryKey.size()];
        for (int k = 0; k < keyColumns.length; k++) {
            keyColumns[k] = indexOf(names, primaryKey.get(k));
        }
        valueHash1 = new long[n];
        valueHash2 = new long[n];
        nameHash1 = new long[n];
        nameHash2 = new long[n];
        for (int i = 0; i < n; i++) {
            encoder.putText(names.get(i));
            nameHash1[i] = encoder.h1;
            nameHash2[i] = encoder.h2;
        }
        rowOrder = nameOrder(names, rowColumns);
        sqliteRows = dialect == Dialects.SQLITE && sqliteCoreApi
                ? SqliteRowEncoder.forStatement(statement, n, encoder, this::recordValue)
                : null;
    }

    /** Opens a streaming {@code select *}; PostgreSQL needs a transaction for its cursor, so auto-commit is paused. */
    static TableScan open(Connection c, Dialect d, String table) throws SQLException {
        return open(c, d, table, DatabaseTables.primaryKey(c, d, table));
    }

    /**
     * As {@link #open(Connection, Dialect, String)}, identifying rows by the given key columns
     * instead of the primary key; an empty key identifies rows by their whole content.
     */
    static TableScan open(Connection c, Dialect d, String table, List<String> primaryKey) throws SQLException {
        return open(c, d, table, primaryKey, null, true);
    }

    /**
     * As {@link #open(Connection, Dialect, String, List)}, with row hashes over {@code rowColumns}
     * only (the columns two compared states share); null for every column.
     */
    static TableScan open(Connection c, Dialect d, String table, List<String> primaryKey, Set<String> rowColumns)
            throws SQLException {
        return open(c, d, table, primaryKey, rowColumns, true);
    }

    /**
     * As {@link #open(Connection, Dialect, String, List)}; {@code sqliteCoreApi} false reads SQLite
     * values through JDBC's {@code getObject} instead of sqlite-jdbc's core API (for tests proving
     * the two agree).
     */
    static TableScan open(Connection c, Dialect d, String table, List<String> primaryKey, boolean sqliteCoreApi)
            throws SQLException {
        return open(c, d, table, primaryKey, null, sqliteCoreApi);
    }

    private static TableScan open(Connection c, Dialect d, String table, List<String> primaryKey, Set<String> rowColumns,
            boolean sqliteCoreApi) throws SQLException {
        boolean restore = false;
        if (d == Dialects.POSTGRES && c.getAutoCommit()) {
            c.setAutoCommit(false);
            restore = true;
        }
        Statement s = null;
        try {
            s = c.createStatement(ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY);
            if (d != Dialects.SQLITE) {
                s.setFetchSize(FETCH_SIZE);
            }
            ResultSet rs = s.executeQuery("select * from " + d.quote(table));
            return new TableScan(c, d, table, restore, s, rs, primaryKey, rowColumns, sqliteCoreApi);
        } catch (SQLException | RuntimeException e) {
            if (s != null) {
                s.close();
            }
            if (restore) {
                c.rollback();
                c.setAutoCommit(true);
            }
            throw e;
        }
    }

    List<String> columns() {
        return columns;
    }

    List<String> primaryKey() {
        return primaryKey;
    }

    String table() {
        return table;
    }

    /** Advances to the next row and hashes it. */
    boolean next() throws SQLException {
        if (!rs.next()) {
            return false;
        }
        if (sqliteRows != null) {
            sqliteRows.encodeCurrentRow();
        } else {
            for (int i = 0; i < kinds.length; i++) {
                ColumnKind.encode(rs, i + 1, kinds[i], encoder);
                recordValue(i);
            }
        }
        // One 16-byte block per column in name order: value hash + name hash. Per column that sum is a
        // bijection of the value, so two rows over the same columns hash alike only if every value does.
        rows.begin();
        for (int i : rowOrder) {
            rows.block(valueHash1[i] + nameHash1[i], valueHash2[i] + nameHash2[i]);
        }
        rows.end();
        rowHash1 = rows.h1;
        rowHash2 = rows.h2;
        if (keyColumns.length == 0) {
            keyHash1 = rowHash1;
            keyHash2 = rowHash2;
        } else {
            rows.begin();
            for (int k : keyColumns) {
                rows.block(valueHash1[k], valueHash2[k]);
            }
            rows.end();
            keyHash1 = rows.h1;
            keyHash2 = rows.h2;
        }
        return true;
    }

    /** Whether values come through sqlite-jdbc's core API rather than JDBC. */
    boolean readsSqliteCoreApi() {
        return sqliteRows != null;
    }

    /** Keeps the encoder's hash of column {@code i}'s value. */
    private void recordValue(int i) {
        valueHash1[i] = encoder.h1;
        valueHash2[i] = encoder.h2;
    }

    long valueHash1(int column) {
        return valueHash1[column];
    }

    long valueHash2(int column) {
        return valueHash2[column];
    }

    long rowHash1() {
        return rowHash1;
    }

    long rowHash2() {
        return rowHash2;
    }

    /** The primary key's hash, or the row's when the table has no primary key. */
    long keyHash1() {
        return keyHash1;
    }

    long keyHash2() {
        return keyHash2;
    }

    /** The current row's key for messages, e.g. {@code id=17} or {@code (id=1, lang='en')}; allocates. */
    String renderKey() throws SQLException {
        if (keyColumns.length == 0) {
            return "(" + String.join(", ", renderRow()) + ")";
        }
        List<String> parts = new ArrayList<>();
        for (int k : keyColumns) {
            parts.add(columns.get(k) + "=" + ValueRenderer.render(value(k)));
        }
        return parts.size() == 1 ? parts.get(0) : "(" + String.join(", ", parts) + ")";
    }

    /** The current row's key values, for looking the row up elsewhere; allocates. */
    Object[] keyValues() throws SQLException {
        Object[] values = new Object[keyColumns.length];
        for (int k = 0; k < keyColumns.length; k++) {
            values[k] = value(keyColumns[k]);
        }
        return values;
    }

    /** Every value of the current row rendered for messages, in column order; allocates. */
    List<String> renderRow() throws SQLException {
        List<String> values = new ArrayList<>(kinds.length);
        for (int i = 0; i < kinds.length; i++) {
            values.add(ValueRenderer.render(value(i)));
        }
        return values;
    }

    /** Column {@code i}'s value in the current row, as {@link ColumnKind#value} reads it. */
    private Object value(int i) throws SQLException {
        return ColumnKind.value(rs, i + 1, kinds[i]);
    }

    /**
     * The indexes of {@code names} (of those in {@code only}, unless null) sorted by name as the
     * engine reports it, case-sensitively: PostgreSQL may hold both "Name" and "name".
     */
    private static int[] nameOrder(List<String> names, Set<String> only) {
        return IntStream.range(0, names.size())
                .filter(i -> only == null || only.contains(names.get(i)))
                .boxed()
                .sorted(Comparator.comparing(names::get))
                .mapToInt(Integer::intValue)
                .toArray();
    }

    /** The exact name first: PostgreSQL may hold both "Name" and name; then the engine's case folding. */
    private static int indexOf(List<String> names, String column) {
        int exact = names.indexOf(column);
        if (exact >= 0) {
            return exact;
        }
        for (int i = 0; i < names.size(); i++) {
            if (names.get(i).equalsIgnoreCase(column)) {
                return i;
            }
        }
        throw new IllegalStateException("primary key column " + column + " not in " + names);
    }

    @Override
    public void close() throws SQLException {
        try (statement; rs) {
            // closed in reverse order, each even when the other fails
        } finally {
            if (restoreAutoCommit) {
                try {
                    connection.rollback();
                } finally {
                    connection.setAutoCommit(true); // the caller's connection goes back as it came
                }
            }
        }
    }
}
