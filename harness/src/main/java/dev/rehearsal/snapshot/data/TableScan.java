package dev.rehearsal.snapshot.data;

import dev.rehearsal.database.Dialect;
import dev.rehearsal.database.Dialects;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One forward-only, streaming pass over a table: the hot loop shared by the fingerprint, the
 * signature and the row diff. For each row it hashes every value's canonical encoding to 128 bits,
 * the row (the ordered value hashes) to 128 bits, and the primary key (or, without one, the row)
 * to 128 bits. Memory stays constant: one reusable buffer, a few arrays sized by the column count.
 */
final class TableScan implements AutoCloseable {
    private static final int FETCH_SIZE = 1000;

    // How a column is read: by its JDBC type where the engine types columns, per value in SQLite.
    private static final int DYNAMIC = 0;
    private static final int INTEGER = 1;
    private static final int DECIMAL = 2;
    private static final int DOUBLE = 3;
    private static final int TEXT = 4;
    private static final int BYTES = 5;
    private static final int DATE = 6;
    private static final int TIMESTAMP = 7;
    private static final int TIMESTAMP_TZ = 8;
    private static final int BOOLEAN = 9;
    private static final int OTHER = 10;

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
    private final CanonicalEncoder encoder = new CanonicalEncoder();
    private final Murmur3 rows = new Murmur3();
    /** SQLite's fast path, or null: values then come through JDBC. */
    private final SqliteRowEncoder sqliteRows;
    private long rowHash1;
    private long rowHash2;
    private long keyHash1;
    private long keyHash2;

    private TableScan(Connection connection, Dialect dialect, String table, boolean restoreAutoCommit,
            Statement statement, ResultSet rs, List<String> primaryKey, boolean sqliteCoreApi) throws SQLException {
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
            kinds[i] = dialect == Dialects.SQLITE ? DYNAMIC : kindOf(meta, i + 1);
        }
        columns = List.copyOf(names);
        keyColumns = new int[primaryKey.size()];
        for (int k = 0; k < keyColumns.length; k++) {
            keyColumns[k] = indexOf(names, primaryKey.get(k));
        }
        valueHash1 = new long[n];
        valueHash2 = new long[n];
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
        return open(c, d, table, primaryKey, true);
    }

    /**
     * As {@link #open(Connection, Dialect, String, List)}; {@code sqliteCoreApi} false reads SQLite
     * values through JDBC's {@code getObject} instead of sqlite-jdbc's core API (for tests proving
     * the two agree).
     */
    static TableScan open(Connection c, Dialect d, String table, List<String> primaryKey, boolean sqliteCoreApi)
            throws SQLException {
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
            return new TableScan(c, d, table, restore, s, rs, primaryKey, sqliteCoreApi);
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
        int n = kinds.length;
        // The row hash is over the ordered value hashes: swapping two values between columns changes it.
        // Streamed as 16-byte blocks, the same as hashing the concatenated (h1, h2) pairs.
        rows.begin();
        if (sqliteRows != null) {
            sqliteRows.encodeCurrentRow();
        } else {
            for (int i = 0; i < n; i++) {
                encode(i);
                recordValue(i);
            }
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

    /** Keeps the encoder's hash of column {@code i}'s value and feeds it to the row hash. */
    private void recordValue(int i) {
        valueHash1[i] = encoder.h1;
        valueHash2[i] = encoder.h2;
        rows.block(encoder.h1, encoder.h2);
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
            parts.add(columns.get(k) + "=" + ValueRenderer.render(rs.getObject(k + 1)));
        }
        return parts.size() == 1 ? parts.get(0) : "(" + String.join(", ", parts) + ")";
    }

    /** The current row's key values, for looking the row up elsewhere; allocates. */
    Object[] keyValues() throws SQLException {
        Object[] values = new Object[keyColumns.length];
        for (int k = 0; k < keyColumns.length; k++) {
            values[k] = rs.getObject(keyColumns[k] + 1);
        }
        return values;
    }

    /** Every value of the current row rendered for messages, in column order; allocates. */
    List<String> renderRow() throws SQLException {
        List<String> values = new ArrayList<>(kinds.length);
        for (int i = 0; i < kinds.length; i++) {
            values.add(ValueRenderer.render(rs.getObject(i + 1)));
        }
        return values;
    }

    private void encode(int i) throws SQLException {
        int col = i + 1;
        switch (kinds[i]) {
            case DYNAMIC -> encodeDynamic(rs.getObject(col));
            case INTEGER -> {
                long v = rs.getLong(col);
                if (rs.wasNull()) {
                    encoder.putNull();
                } else {
                    encoder.putLong(v);
                }
            }
            case DOUBLE -> {
                double v = rs.getDouble(col);
                if (rs.wasNull()) {
                    encoder.putNull();
                } else {
                    encoder.putDouble(v);
                }
            }
            case BOOLEAN -> {
                boolean v = rs.getBoolean(col);
                if (rs.wasNull()) {
                    encoder.putNull();
                } else {
                    encoder.putBoolean(v);
                }
            }
            case DECIMAL -> {
                BigDecimal v = rs.getBigDecimal(col);
                if (v == null) {
                    encoder.putNull();
                } else {
                    encoder.putDecimal(v);
                }
            }
            case TEXT -> {
                String v = rs.getString(col);
                if (v == null) {
                    encoder.putNull();
                } else {
                    encoder.putText(v);
                }
            }
            case BYTES -> {
                byte[] v = rs.getBytes(col);
                if (v == null) {
                    encoder.putNull();
                } else {
                    encoder.putBytes(v);
                }
            }
            case DATE -> {
                LocalDate v = rs.getObject(col, LocalDate.class);
                if (v == null) {
                    encoder.putNull();
                } else {
                    encoder.putDate(v.toEpochDay());
                }
            }
            case TIMESTAMP -> {
                LocalDateTime v = rs.getObject(col, LocalDateTime.class);
                if (v == null) {
                    encoder.putNull();
                } else {
                    encoder.putTimestamp(CanonicalEncoder.TIMESTAMP, v.toEpochSecond(ZoneOffset.UTC), v.getNano());
                }
            }
            case TIMESTAMP_TZ -> {
                OffsetDateTime v = rs.getObject(col, OffsetDateTime.class);
                if (v == null) {
                    encoder.putNull();
                } else {
                    encoder.putTimestamp(CanonicalEncoder.TIMESTAMP_TZ, v.toEpochSecond(), v.getNano());
                }
            }
            default -> {
                String v = rs.getString(col);
                if (v == null) {
                    encoder.putNull();
                } else {
                    encoder.putOther(v);
                }
            }
        }
    }

    /** SQLite types values, not columns: the storage class of each value picks its encoding. */
    private void encodeDynamic(Object v) {
        if (v == null) {
            encoder.putNull();
        } else if (v instanceof Integer i) {
            encoder.putLong(i);
        } else if (v instanceof Long l) {
            encoder.putLong(l);
        } else if (v instanceof Double d) {
            encoder.putDouble(d);
        } else if (v instanceof byte[] b) {
            encoder.putBytes(b);
        } else {
            encoder.putText(v.toString());
        }
    }

    private static int kindOf(ResultSetMetaData meta, int col) throws SQLException {
        int type = meta.getColumnType(col);
        String typeName = String.valueOf(meta.getColumnTypeName(col)).toLowerCase(Locale.ROOT);
        switch (type) {
            case Types.TINYINT, Types.SMALLINT, Types.INTEGER:
                return INTEGER;
            case Types.BIGINT:
                // An unsigned BIGINT (MariaDB) can exceed a long.
                return typeName.contains("unsigned") ? DECIMAL : INTEGER;
            case Types.DECIMAL, Types.NUMERIC:
                return DECIMAL;
            case Types.REAL, Types.FLOAT, Types.DOUBLE:
                return DOUBLE;
            case Types.CHAR, Types.VARCHAR, Types.LONGVARCHAR, Types.NCHAR, Types.NVARCHAR,
                    Types.LONGNVARCHAR, Types.CLOB, Types.NCLOB:
                return TEXT;
            case Types.BINARY, Types.VARBINARY, Types.LONGVARBINARY, Types.BLOB:
                return BYTES;
            case Types.DATE:
                return DATE;
            case Types.TIMESTAMP:
                return typeName.contains("tz") ? TIMESTAMP_TZ : TIMESTAMP;
            case Types.TIMESTAMP_WITH_TIMEZONE:
                return TIMESTAMP_TZ;
            case Types.BOOLEAN:
                return BOOLEAN;
            case Types.BIT:
                // PostgreSQL's boolean and MariaDB's BIT(1) are BIT; a wider BIT(n) is a bit string.
                return meta.getPrecision(col) <= 1 ? BOOLEAN : BYTES;
            default:
                return OTHER;
        }
    }

    private static int indexOf(List<String> names, String column) {
        for (int i = 0; i < names.size(); i++) {
            if (names.get(i).equalsIgnoreCase(column)) {
                return i;
            }
        }
        throw new IllegalStateException("primary key column " + column + " not in " + names);
    }

    @Override
    public void close() throws SQLException {
        try {
            rs.close();
            statement.close();
        } finally {
            if (restoreAutoCommit) {
                connection.rollback();
                connection.setAutoCommit(true);
            }
        }
    }
}
