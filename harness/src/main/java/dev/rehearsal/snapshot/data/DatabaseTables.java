package dev.rehearsal.snapshot.data;

import dev.rehearsal.database.Dialect;
import dev.rehearsal.database.Dialects;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** The user tables of the connected database (JDBC metadata) and their primary keys (the engine's catalog). */
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

    /** The table's column names in position order, as {@code select *} reports them. */
    static List<String> columns(Connection c, Dialect d, String table) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select * from " + d.quote(table) + " where 1 = 0")) {
            ResultSetMetaData meta = rs.getMetaData();
            List<String> columns = new ArrayList<>(meta.getColumnCount());
            for (int i = 1; i <= meta.getColumnCount(); i++) {
                columns.add(meta.getColumnName(i));
            }
            return columns;
        }
    }

    /** Primary key columns in key order; empty when the table has none. */
    static List<String> primaryKey(Connection c, Dialect d, String table) throws SQLException {
        return primaryKeys(c, d, table).getOrDefault(table, List.of());
    }

    /**
     * The primary key columns (in key order) of every table that has one, from one catalog query:
     * {@code DatabaseMetaData.getPrimaryKeys} per table cost about 0.2 ms a table, as much as
     * reading a small table.
     */
    static Map<String, List<String>> primaryKeys(Connection c, Dialect d) throws SQLException {
        return primaryKeys(c, d, null);
    }

    /** @param table null for every table */
    private static Map<String, List<String>> primaryKeys(Connection c, Dialect d, String table) throws SQLException {
        String sql;
        if (d == Dialects.SQLITE) {
            // pragma_table_info matches its argument case-insensitively, like SQLite's table names.
            sql = table == null
                    ? "select m.name, p.name from sqlite_schema m join pragma_table_info(m.name) p"
                            + " where m.type = 'table' and p.pk > 0 order by m.name, p.pk"
                    : "select name, name from pragma_table_info(?) where pk > 0 order by pk";
        } else if (d == Dialects.POSTGRES) {
            sql = "select t.relname, a.attname from pg_index i join pg_class t on t.oid = i.indrelid"
                    + " cross join lateral unnest(i.indkey) with ordinality k(attnum, ord)"
                    + " join pg_attribute a on a.attrelid = i.indrelid and a.attnum = k.attnum"
                    + " where i.indisprimary and t.relnamespace = (select oid from pg_namespace where nspname = current_schema())"
                    + (table == null ? "" : " and t.relname = ?") + " order by t.relname, k.ord";
        } else if (d == Dialects.MARIADB) {
            sql = "select table_name, column_name from information_schema.key_column_usage"
                    + " where constraint_schema = database() and constraint_name = 'PRIMARY'"
                    + (table == null ? "" : " and table_name = ?") + " order by table_name, ordinal_position";
        } else {
            return metaDataPrimaryKeys(c, d, table);
        }
        Map<String, List<String>> keys = new HashMap<>();
        try (PreparedStatement s = c.prepareStatement(sql)) {
            if (table != null) {
                s.setString(1, table);
            }
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    keys.computeIfAbsent(table != null ? table : rs.getString(1), t -> new ArrayList<>()).add(rs.getString(2));
                }
            }
        }
        return keys;
    }

    /** Other engines: through JDBC metadata, one table at a time. */
    private static Map<String, List<String>> metaDataPrimaryKeys(Connection c, Dialect d, String table) throws SQLException {
        Map<String, TreeMap<Short, String>> bySequence = new HashMap<>();
        DatabaseMetaData meta = c.getMetaData();
        try (ResultSet rs = meta.getPrimaryKeys(catalog(c, d), schema(c, d), table)) {
            while (rs.next()) {
                bySequence.computeIfAbsent(rs.getString("TABLE_NAME"), t -> new TreeMap<>())
                        .put(rs.getShort("KEY_SEQ"), rs.getString("COLUMN_NAME"));
            }
        }
        Map<String, List<String>> keys = new HashMap<>();
        bySequence.forEach((t, columns) -> keys.put(table != null ? table : t, List.copyOf(columns.values())));
        return keys;
    }

    private static String catalog(Connection c, Dialect d) throws SQLException {
        return d == Dialects.MARIADB ? c.getCatalog() : null;
    }

    private static String schema(Connection c, Dialect d) throws SQLException {
        return d == Dialects.POSTGRES ? c.getSchema() : null;
    }
}
