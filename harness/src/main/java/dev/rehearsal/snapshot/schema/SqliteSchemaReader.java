package dev.rehearsal.snapshot.schema;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
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

    /** One row of {@code pragma index_xinfo} restricted to key columns. */
    private record IndexColumnRow(int seqno, int cid, String name, boolean descending) {
    }

    /** One row of {@code pragma foreign_key_list}: a column pair of key {@code id}. */
    private record ForeignKeyRow(int id, String from, String table, String to, String onDelete, String onUpdate) {
    }

    /**
     * The pragmas of every table at once, joined to {@code sqlite_schema} as table-valued functions:
     * four queries for the whole schema instead of four or more per table (a 200-table schema read
     * about four times faster; see bench/README.md).
     */
    private record Pragmas(Map<String, List<ColumnRow>> columns, Map<String, List<IndexRow>> indexes,
            Map<String, List<IndexColumnRow>> indexColumns, Map<String, List<ForeignKeyRow>> foreignKeys) {

        static Pragmas read(Catalog catalog) throws SQLException {
            return new Pragmas(
                    byFirstColumn(catalog, "select m.name, x.name, x.type, x.\"notnull\", x.dflt_value, x.pk, x.hidden"
                            + " from sqlite_schema m join pragma_table_xinfo(m.name) x where m.type = 'table'"
                            + " order by m.name, x.cid",
                            rs -> new ColumnRow(rs.getString(2), rs.getString(3), rs.getInt(4) == 1, rs.getString(5),
                                    rs.getInt(6), rs.getInt(7))),
                    byFirstColumn(catalog, "select m.name, x.name, x.\"unique\", x.origin"
                            + " from sqlite_schema m join pragma_index_list(m.name) x where m.type = 'table'",
                            rs -> new IndexRow(rs.getString(2), rs.getInt(3) == 1, rs.getString(4))),
                    // Index names are unique in a database, so the index name alone is the key.
                    byFirstColumn(catalog, "select i.name, x.seqno, x.cid, x.name, x.\"desc\" from sqlite_schema m"
                            + " join pragma_index_list(m.name) i join pragma_index_xinfo(i.name) x"
                            + " where m.type = 'table' and x.key = 1 order by i.name, x.seqno",
                            rs -> new IndexColumnRow(rs.getInt(2), rs.getInt(3), rs.getString(4), rs.getInt(5) == 1)),
                    byFirstColumn(catalog, "select m.name, x.id, x.\"from\", x.\"table\", x.\"to\", x.on_delete,"
                            + " x.on_update from sqlite_schema m join pragma_foreign_key_list(m.name) x"
                            + " where m.type = 'table' order by m.name, x.id, x.seq",
                            rs -> new ForeignKeyRow(rs.getInt(2), rs.getString(3), rs.getString(4), rs.getString(5),
                                    rs.getString(6), rs.getString(7))));
        }

        /** The rows of {@code sql} grouped by its first column (a table or index name), in query order. */
        private static <T> Map<String, List<T>> byFirstColumn(Catalog catalog, String sql, Catalog.RowMapper<T> mapper)
                throws SQLException {
            Map<String, List<T>> grouped = new HashMap<>();
            catalog.forEachRow(sql, rs -> grouped.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(mapper.map(rs)));
            return grouped;
        }

        static <T> List<T> of(Map<String, List<T>> rows, String key) {
            return rows.getOrDefault(key, List.of());
        }
    }

    @Override
    public SchemaSnapshot read(Connection connection, Predicate<String> includeTable) throws SQLException {
        Catalog catalog = new Catalog(connection);
        List<SchemaRow> rows = catalog.query("select type, name, tbl_name, sql from sqlite_schema",
                rs -> new SchemaRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)));
        Map<String, String> indexSql = new HashMap<>();
        for (SchemaRow row : rows) {
            if (row.type().equals("index") && row.sql() != null) {
                indexSql.put(row.name(), row.sql());
            }
        }
        Pragmas pragmas = Pragmas.read(catalog);
        List<Table> tables = new ArrayList<>();
        List<View> views = new ArrayList<>();
        List<Trigger> triggers = new ArrayList<>();
        for (SchemaRow row : rows) {
            if (row.table().startsWith("sqlite_") || !includeTable.test(row.table())) {
                continue;
            }
            switch (row.type()) {
                case "table" -> tables.add(table(catalog, row, pragmas, indexSql));
                case "view" -> views.add(new View(row.name(), SqlText.whitespace(row.sql())));
                case "trigger" -> triggers.add(new Trigger(row.name(), row.table(), SqlText.whitespace(row.sql())));
                default -> { } // indexes are read with their table
            }
        }
        return new SchemaSnapshot("sqlite", tables, views, triggers, List.of(), List.of());
    }

    private Table table(Catalog catalog, SchemaRow table, Pragmas pragmas, Map<String, String> indexSql)
            throws SQLException {
        List<SqliteCreateSql.Definition> definitions = SqliteCreateSql.definitions(table.sql());
        List<Column> columns = new ArrayList<>();
        Map<Integer, String> primaryKey = new TreeMap<>();
        int position = 0;
        for (ColumnRow c : Pragmas.of(pragmas.columns(), table.name())) {
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
        readIndexes(table.name(), pragmas, indexSql, uniques, indexes);
        return new Table(table.name(), columns,
                primaryKey.isEmpty() ? null : new PrimaryKey(null, List.copyOf(primaryKey.values())),
                foreignKeys(catalog, table.name(), pragmas), uniques, checks, indexes);
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

    private void readIndexes(String table, Pragmas pragmas, Map<String, String> indexSql,
            List<UniqueConstraint> uniques, List<Index> indexes) {
        for (IndexRow index : Pragmas.of(pragmas.indexes(), table)) {
            String name = index.name();
            String origin = index.origin();
            if (origin.equals("pk")) {
                continue; // the primary key, read from table_xinfo
            }
            List<IndexColumnRow> keyColumns = Pragmas.of(pragmas.indexColumns(), name);
            if (origin.equals("u")) {
                // sqlite_autoindex_<table>_<n>: the number depends on declaration order, so no name.
                uniques.add(new UniqueConstraint(null, keyColumns.stream().map(IndexColumnRow::name).toList()));
                continue;
            }
            String sql = indexSql.getOrDefault(name, "");
            List<String> written = SqliteCreateSql.indexItems(sql);
            List<String> columns = keyColumns.stream()
                    .map(c -> indexItem(c.seqno(), c.cid(), c.name(), c.descending(), written)).toList();
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

    private List<ForeignKey> foreignKeys(Catalog catalog, String table, Pragmas pragmas) throws SQLException {
        Map<Integer, List<ForeignKeyRow>> byId = new LinkedHashMap<>();
        for (ForeignKeyRow row : Pragmas.of(pragmas.foreignKeys(), table)) {
            byId.computeIfAbsent(row.id(), id -> new ArrayList<>()).add(row);
        }
        List<ForeignKey> keys = new ArrayList<>();
        for (List<ForeignKeyRow> parts : byId.values()) {
            ForeignKeyRow first = parts.get(0);
            List<String> to = parts.stream().map(ForeignKeyRow::to).toList();
            if (to.contains(null)) {
                // REFERENCES t without columns means t's primary key.
                to = catalog.query("select name from pragma_table_info(?) where pk > 0 order by pk",
                        rs -> rs.getString(1), first.table());
            }
            keys.add(new ForeignKey(null, parts.stream().map(ForeignKeyRow::from).toList(), first.table(), to,
                    first.onDelete(), first.onUpdate()));
        }
        return keys;
    }
}
