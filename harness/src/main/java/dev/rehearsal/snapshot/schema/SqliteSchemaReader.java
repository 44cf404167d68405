package dev.rehearsal.snapshot.schema;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * SQLite: {@code sqlite_schema} plus the table/index/foreign-key pragmas; what the pragmas do not
 * tell (checks, generated expressions, collations, partial predicates) comes from {@link SqliteCreateSql}.
 */
final class SqliteSchemaReader implements EngineSchemaReader {

    private record SchemaRow(String type, String name, String table, String sql) {
    }

    /** One row of {@code pragma table_xinfo}. */
    private record ColumnRow(String name, String type, boolean notNull, String defaultValue, int primaryKeyOrder,
            int hidden) {
    }

    /** One row of {@code pragma index_list}: origin is c (CREATE INDEX), u (UNIQUE) or pk. */
    private record IndexRow(String name, boolean unique, String origin) {
    }

    @Override
    public SchemaSnapshot read(Connection connection, Predicate<String> includeTable) throws SQLException {
        Catalog catalog = new Catalog(connection);
        List<SchemaRow> rows = catalog.query("select type, name, tbl_name, sql from sqlite_schema",
                rs -> new SchemaRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)));
        List<Table> tables = new ArrayList<>();
        List<View> views = new ArrayList<>();
        List<Trigger> triggers = new ArrayList<>();
        for (SchemaRow row : rows) {
            if (row.table().startsWith("sqlite_") || !includeTable.test(row.table())) {
                continue;
            }
            switch (row.type()) {
                case "table" -> tables.add(table(catalog, row, rows));
                case "view" -> views.add(new View(row.name(), SqlText.whitespace(row.sql())));
                case "trigger" -> triggers.add(new Trigger(row.name(), row.table(), SqlText.whitespace(row.sql())));
                default -> { } // indexes are read with their table
            }
        }
        return new SchemaSnapshot("sqlite", tables, views, triggers, List.of(), List.of());
    }

    private Table table(Catalog catalog, SchemaRow table, List<SchemaRow> rows) throws SQLException {
        List<String> definitions = SqliteCreateSql.definitions(table.sql());
        List<Column> columns = new ArrayList<>();
        Map<Integer, String> primaryKey = new TreeMap<>();
        List<ColumnRow> xinfo = catalog.query("select name, type, \"notnull\", dflt_value, pk, hidden from pragma_table_xinfo(?)",
                rs -> new ColumnRow(rs.getString(1), rs.getString(2), rs.getInt(3) == 1, rs.getString(4), rs.getInt(5),
                        rs.getInt(6)), table.name());
        int position = 0;
        for (ColumnRow c : xinfo) {
            Optional<List<SqliteCreateSql.Token>> definition = SqliteCreateSql.column(definitions, c.name());
            columns.add(new Column(c.name(), ++position, c.type().toUpperCase(Locale.ROOT), !c.notNull(),
                    SqlText.stripOuterParentheses(c.defaultValue()), generated(c.hidden(), definition),
                    definition.flatMap(d -> SqliteCreateSql.after(d, "COLLATE"))
                            .map(t -> SqlText.unquote(t.text()).toUpperCase(Locale.ROOT)).orElse(null)));
            if (c.primaryKeyOrder() > 0) {
                primaryKey.put(c.primaryKeyOrder(), c.name());
            }
        }
        List<CheckConstraint> checks = SqliteCreateSql.checks(definitions).stream()
                .map(check -> new CheckConstraint(check.name(), check.expression())).toList();
        List<UniqueConstraint> uniques = new ArrayList<>();
        List<Index> indexes = new ArrayList<>();
        readIndexes(catalog, table.name(), rows, uniques, indexes);
        return new Table(table.name(), columns,
                primaryKey.isEmpty() ? null : new PrimaryKey(null, List.copyOf(primaryKey.values())),
                foreignKeys(catalog, table.name()), uniques, checks, indexes);
    }

    /** Hidden 2 and 3 are generated VIRTUAL and STORED columns; AUTOINCREMENT is SQLite's identity. */
    private static String generated(int hidden, Optional<List<SqliteCreateSql.Token>> definition) {
        if (hidden == 2 || hidden == 3) {
            String expression = definition.flatMap(SqliteCreateSql::generatedExpression).orElse("?");
            return "GENERATED ALWAYS AS (" + expression + ") " + (hidden == 3 ? "STORED" : "VIRTUAL");
        }
        boolean autoincrement = definition.map(d -> d.stream().anyMatch(t -> t.is("AUTOINCREMENT"))).orElse(false);
        return autoincrement ? "AUTOINCREMENT" : null;
    }

    private void readIndexes(Catalog catalog, String table, List<SchemaRow> rows, List<UniqueConstraint> uniques,
            List<Index> indexes) throws SQLException {
        List<IndexRow> list = catalog.query("select name, \"unique\", origin from pragma_index_list(?)",
                rs -> new IndexRow(rs.getString(1), rs.getInt(2) == 1, rs.getString(3)), table);
        for (IndexRow index : list) {
            String name = index.name();
            String origin = index.origin();
            if (origin.equals("pk")) {
                continue; // the primary key, read from table_xinfo
            }
            if (origin.equals("u")) {
                // sqlite_autoindex_<table>_<n>: the number depends on declaration order, so no name.
                uniques.add(new UniqueConstraint(null, catalog.query(
                        "select name from pragma_index_info(?) order by seqno", rs -> rs.getString(1), name)));
                continue;
            }
            String sql = rows.stream().filter(r -> r.type().equals("index") && r.name().equals(name))
                    .map(SchemaRow::sql).findFirst().orElse("");
            List<String> written = SqliteCreateSql.indexItems(sql);
            List<String> columns = catalog.query(
                    "select seqno, cid, name, \"desc\" from pragma_index_xinfo(?) where key = 1 order by seqno",
                    rs -> indexItem(rs.getInt(1), rs.getInt(2), rs.getString(3), rs.getInt(4) == 1, written), name);
            indexes.add(new Index(name, columns, index.unique(), SqliteCreateSql.wherePredicate(sql)));
        }
    }

    /** cid -2 marks an expression, which only the CREATE INDEX text knows. */
    private static String indexItem(int seqno, int cid, String column, boolean descending, List<String> written) {
        if (cid == -2) {
            return seqno < written.size() ? written.get(seqno) : "?";
        }
        return (cid == -1 ? "rowid" : column) + (descending ? " DESC" : "");
    }

    private List<ForeignKey> foreignKeys(Catalog catalog, String table) throws SQLException {
        Map<Integer, List<String[]>> byId = new LinkedHashMap<>();
        for (String[] row : catalog.query(
                "select id, \"from\", \"table\", \"to\", on_delete, on_update from pragma_foreign_key_list(?) order by id, seq",
                rs -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                        rs.getString(6)}, table)) {
            byId.computeIfAbsent(Integer.valueOf(row[0]), id -> new ArrayList<>()).add(row);
        }
        List<ForeignKey> keys = new ArrayList<>();
        for (List<String[]> parts : byId.values()) {
            String referenced = parts.get(0)[2];
            List<String> to = parts.stream().map(p -> p[3]).toList();
            if (to.contains(null)) {
                // REFERENCES t without columns means t's primary key.
                to = catalog.query("select name from pragma_table_info(?) where pk > 0 order by pk",
                        rs -> rs.getString(1), referenced);
            }
            keys.add(new ForeignKey(null, parts.stream().map(p -> p[1]).toList(), referenced, to,
                    parts.get(0)[4], parts.get(0)[5]));
        }
        return keys;
    }
}
