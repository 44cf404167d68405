package dev.rehearsal.snapshot.data;

import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.function.IntConsumer;
import org.sqlite.core.Codes;
import org.sqlite.core.CoreStatement;
import org.sqlite.core.SafeStmtPtr;

/**
 * Encodes the current row of a sqlite-jdbc statement by each value's storage class, through the
 * driver's exported {@code org.sqlite.core} API: one lock per row, then for every column its
 * storage class and its value straight from the prepared statement.
 *
 * <p>Why not JDBC: SQLite types values, not columns, and JDBC shows a value's storage class only
 * through {@code getObject}, which costs two or three locked driver calls per value and boxes the
 * result. Here each value costs two native calls and no box, which is what lets the fingerprint
 * keep pace with a plain typed-getter scan. The values read are the ones {@code getObject} returns
 * (tested: both paths give the same fingerprint for every storage class).
 *
 * <p>Text in a UTF-8 database is read as its stored bytes ({@code sqlite3_column_blob} returns a
 * TEXT value unconverted) and decoded here, exactly as the driver's {@code column_text} decodes
 * them, but without the direct {@code ByteBuffer} the driver allocates per value, which costs more
 * than the rest of the row. A UTF-16 database stores other bytes, so there the driver decodes.
 */
final class SqliteRowEncoder {
    private final SafeStmtPtr statement;
    private final SafeStmtPtr.SafePtrConsumer<SQLException> encodeRow;

    private SqliteRowEncoder(SafeStmtPtr statement, int columns, boolean utf8, CanonicalEncoder encoder,
            IntConsumer afterEachValue) {
        this.statement = statement;
        // Native column indexes start at 0.
        this.encodeRow = (db, pointer) -> {
            for (int i = 0; i < columns; i++) {
                switch (db.column_type(pointer, i)) {
                    case Codes.SQLITE_INTEGER -> encoder.putLong(db.column_long(pointer, i));
                    case Codes.SQLITE_FLOAT -> encoder.putDouble(db.column_double(pointer, i));
                    case Codes.SQLITE_NULL -> encoder.putNull();
                    // The driver returns null only for SQL NULL: an empty blob or text is an empty array.
                    case Codes.SQLITE_BLOB -> encoder.putBytes(db.column_blob(pointer, i));
                    default -> encoder.putText(utf8
                            ? new String(db.column_blob(pointer, i), StandardCharsets.UTF_8)
                            : db.column_text(pointer, i));
                }
                afterEachValue.accept(i);
            }
        };
    }

    /**
     * An encoder for the rows of {@code statement}'s open result set, or {@code null} when the
     * statement neither is nor wraps sqlite-jdbc's own (a pool's proxy that does not unwrap, another
     * driver): callers then read values through {@code getObject}.
     */
    static SqliteRowEncoder forStatement(Statement statement, int columns, CanonicalEncoder encoder,
            IntConsumer afterEachValue) throws SQLException {
        if (!statement.isWrapperFor(CoreStatement.class)) {
            return null;
        }
        SafeStmtPtr pointer = statement.unwrap(CoreStatement.class).pointer;
        return pointer == null ? null : new SqliteRowEncoder(pointer, columns, isUtf8(statement), encoder, afterEachValue);
    }

    /** The database's text encoding, fixed when it was created: UTF-8, UTF-16le or UTF-16be. */
    private static boolean isUtf8(Statement statement) throws SQLException {
        try (Statement pragma = statement.getConnection().createStatement();
                ResultSet rs = pragma.executeQuery("pragma encoding")) {
            return rs.next() && "UTF-8".equalsIgnoreCase(rs.getString(1));
        }
    }

    /** Encodes every column of the row the result set stands on, in order, calling back after each value. */
    void encodeCurrentRow() throws SQLException {
        // Fails with "statement is not executing" rather than touching a freed statement.
        statement.safeRunConsume(encodeRow);
    }
}
