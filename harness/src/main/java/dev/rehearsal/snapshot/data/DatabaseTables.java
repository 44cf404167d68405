package dev.rehearsal.snapshot.data;

import dev.rehearsal.database.Dialect;
import dev.rehearsal.database.Dialects;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeMap;

/** The user tables of the connected database and their primary keys, from JDBC metadata. */
final class DatabaseTables {
    private DatabaseTables() {
    }

    /**
     * User tables sorted by name, without Rehearsal's own {@code rehearsal_} tables, without the
     * given exclusions (case-insensitive) and without engine internals ({@code sqlite_sequence}...).
     */
    static List<String> userTables(Connection c, Dialect d, Set<String> excluded) throws SQLException {
        Set<String> skip = new java.util.HashSet<>();
        for (String name : excluded) {
            skip.add(name.toLowerCase(Locale.ROOT));
        }
        List<String> tables = new ArrayList<>();
        try (ResultSet rs = c.getMetaData().getTables(catalog(c, d), schema(c, d), "%", new String[] {"TABLE"})) {
            while (rs.next()) {
                String name = rs.getString("TABLE_NAME");
                String lower = name.toLowerCase(Locale.ROOT);
                if (lower.startsWith("rehearsal_") || lower.startsWith("sqlite_") || skip.contains(lower)) {
                    continue;
                }
                tables.add(name);
            }
        }
        tables.sort(null);
        return tables;
    }

    /** Primary key columns in key order; empty when the table has none. */
    static List<String> primaryKey(Connection c, Dialect d, String table) throws SQLException {
        TreeMap<Short, String> bySequence = new TreeMap<>();
        DatabaseMetaData meta = c.getMetaData();
        try (ResultSet rs = meta.getPrimaryKeys(catalog(c, d), schema(c, d), table)) {
            while (rs.next()) {
                bySequence.put(rs.getShort("KEY_SEQ"), rs.getString("COLUMN_NAME"));
            }
        }
        return List.copyOf(bySequence.values());
    }

    private static String catalog(Connection c, Dialect d) throws SQLException {
        return d == Dialects.MARIADB ? c.getCatalog() : null;
    }

    private static String schema(Connection c, Dialect d) throws SQLException {
        return d == Dialects.POSTGRES ? c.getSchema() : null;
    }
}
