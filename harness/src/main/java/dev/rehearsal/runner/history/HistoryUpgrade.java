package dev.rehearsal.runner.history;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Brings a history table of an older layout forward in place. Format 2 added {@code up_checksum}
 * and {@code down_checksum} (nullable: the rows already there keep their one checksum over up and
 * down, format_version 1, until they are written again). Each missing column is added on its own,
 * so an upgrade cut off half-way is finished by the next run; the ALTERs share one transaction
 * where DDL is transactional (SQLite, PostgreSQL) and commit one by one where it is not (MariaDB).
 */
final class HistoryUpgrade {
    /** The columns format 2 added, in the order they are added. */
    static final List<String> FORMAT_2_COLUMNS = List.of("up_checksum", "down_checksum");

    private HistoryUpgrade() {
    }

    /** The format-2 columns {@code table} (already quoted) lacks; empty for a current table. */
    static List<String> missingColumns(Connection c, String quotedTable) throws SQLException {
        List<String> present = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select * from " + quotedTable + " where 1 = 0")) {
            ResultSetMetaData meta = rs.getMetaData();
            for (int i = 1; i <= meta.getColumnCount(); i++) {
                present.add(meta.getColumnLabel(i).toLowerCase(Locale.ROOT));
            }
        }
        return FORMAT_2_COLUMNS.stream().filter(column -> !present.contains(column)).toList();
    }

    /** Adds the missing format-2 columns; returns the ones it added. */
    static List<String> upgrade(Connection c, String quotedTable) throws SQLException {
        List<String> missing = missingColumns(c, quotedTable);
        if (missing.isEmpty()) {
            return missing;
        }
        boolean autoCommit = c.getAutoCommit();
        c.setAutoCommit(false);
        try (Statement s = c.createStatement()) {
            for (String column : missing) {
                s.execute("alter table " + quotedTable + " add column " + column + " varchar(64)");
            }
            c.commit();
        } catch (SQLException | RuntimeException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(autoCommit);
        }
        return missing;
    }
}
