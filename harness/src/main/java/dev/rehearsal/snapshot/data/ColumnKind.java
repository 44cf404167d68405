package dev.rehearsal.snapshot.data;

import dev.rehearsal.database.Dialect;
import dev.rehearsal.database.Dialects;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Locale;

/**
 * How a column is read and encoded: by its JDBC type where the engine types columns, per value in
 * SQLite. Ints rather than an enum so that the per-value switch in the hot loop stays a table jump.
 */
final class ColumnKind {
    static final int DYNAMIC = 0;
    static final int INTEGER = 1;
    static final int DECIMAL = 2;
    static final int DOUBLE = 3;
    static final int TEXT = 4;
    static final int BYTES = 5;
    static final int DATE = 6;
    static final int TIMESTAMP = 7;
    static final int TIMESTAMP_TZ = 8;
    static final int BOOLEAN = 9;
    static final int OTHER = 10;
    /**
     * MariaDB's {@code boolean} and {@code tinyint(1)}: the driver reports BOOLEAN and its
     * {@code getBoolean}/{@code getObject} turn every non-zero value into {@code true}, but the
     * column stores any tinyint (5 and 7 are different values), so it is read as an integer.
     */
    static final int TINYINT_BOOLEAN = 11;

    private ColumnKind() {
    }

    static int of(ResultSetMetaData meta, int col, Dialect d) throws SQLException {
        if (d == Dialects.SQLITE) {
            return DYNAMIC;
        }
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
                // MariaDB reports both tinyint(1) (type name BOOLEAN) and BIT(1) (type name BIT) as
                // BOOLEAN; only BIT(1) is limited to 0 and 1. An unknown name reads losslessly as an integer.
                return d == Dialects.MARIADB && !typeName.equals("bit") ? TINYINT_BOOLEAN : BOOLEAN;
            case Types.BIT:
                // PostgreSQL's boolean and bit(1) are BIT; a wider BIT(n) is a bit string.
                return meta.getPrecision(col) <= 1 ? BOOLEAN : BYTES;
            default:
                return OTHER;
        }
    }

    /** Encodes the value of column {@code col} (1-based) of the current row. */
    static void encode(ResultSet rs, int col, int kind, CanonicalEncoder encoder) throws SQLException {
        switch (kind) {
            case DYNAMIC -> encodeDynamic(rs.getObject(col), encoder);
            case INTEGER, TINYINT_BOOLEAN -> {
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

    /**
     * The value of column {@code col} as messages show it and key lookups bind it: the driver's
     * object, except where that object loses what the column stores.
     */
    static Object value(ResultSet rs, int col, int kind) throws SQLException {
        return kind == TINYINT_BOOLEAN ? rs.getObject(col, Long.class) : rs.getObject(col);
    }

    /** SQLite types values, not columns: the storage class of each value picks its encoding. */
    private static void encodeDynamic(Object v, CanonicalEncoder encoder) {
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
}
