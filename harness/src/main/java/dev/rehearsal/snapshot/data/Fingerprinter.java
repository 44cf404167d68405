package dev.rehearsal.snapshot.data;

import dev.rehearsal.ErrorCode;
import dev.rehearsal.RehearsalException;
import dev.rehearsal.database.Dialect;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Takes data fingerprints: one streaming pass per table, constant memory, independent of the
 * order the engine returns rows in.
 *
 * @since 0.1
 */
public final class Fingerprinter {
    private Fingerprinter() {
    }

    /**
     * Fingerprints every user table, sorted by name. Skips {@code rehearsal_*} tables, engine
     * internals such as {@code sqlite_sequence}, and {@code excludedTables} (case-insensitive; put
     * a custom history table name here).
     */
    public static DatabaseFingerprint fingerprint(Connection c, Dialect d, Set<String> excludedTables) {
        List<String> names;
        Map<String, List<String>> primaryKeys;
        try {
            names = DatabaseTables.userTables(c, d, excludedTables);
            primaryKeys = DatabaseTables.primaryKeys(c, d);
        } catch (SQLException e) {
            throw readFailed(d, "the table list", e);
        }
        List<TableFingerprint> tables = new ArrayList<>(names.size());
        for (String table : names) {
            try (TableScan scan = TableScan.open(c, d, table, primaryKeys.getOrDefault(table, List.of()))) {
                tables.add(TableDigest.of(scan, false).fingerprint(table));
            } catch (SQLException e) {
                throw readFailed(d, "table " + table, e);
            }
        }
        return new DatabaseFingerprint(d.name(), tables);
    }

    /** Fingerprints one table: row count, checksum, and one checksum per column in column order. */
    public static TableFingerprint fingerprintTable(Connection c, Dialect d, String table) {
        try (TableScan scan = TableScan.open(c, d, table)) {
            return TableDigest.of(scan, false).fingerprint(table);
        } catch (SQLException e) {
            throw readFailed(d, "table " + table, e);
        }
    }

    static RehearsalException readFailed(Dialect d, String what, SQLException e) {
        return new RehearsalException(ErrorCode.CONNECTION_FAILED, "cannot read " + what + " on " + d.name()
                + ": " + e.getMessage() + " (check that it exists and the user may select from it)", e);
    }
}
