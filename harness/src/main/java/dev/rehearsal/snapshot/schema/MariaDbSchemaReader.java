package dev.rehearsal.snapshot.schema;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** MariaDB: information_schema, restricted to {@code DATABASE()}. */
final class MariaDbSchemaReader implements EngineSchemaReader {

    /** {@code int(11)}, {@code bigint(20) unsigned}: display widths are cosmetic and vary by version. */
    private static final Pattern DISPLAY_WIDTH = Pattern.compile("\\b(tinyint|smallint|mediumint|int|integer|bigint)\\(\\d+\\)");

    private static final Pattern ON_UPDATE = Pattern.compile("ON UPDATE (\\S+)");

    @Override
    public SchemaSnapshot read(Connection connection, Predicate<String> includeTable) throws SQLException {
        Catalog catalog = new Catalog(connection);
        String database = catalog.single("select database()");
        List<Table> tables = new ArrayList<>();
        for (String name : catalog.query("select table_name from information_schema.tables where table_schema = database()"
                + " and table_type in ('BASE TABLE', 'SYSTEM VERSIONED')", rs -> rs.getString(1))) {
            if (includeTable.test(name)) {
                tables.add(table(catalog, name));
            }
        }
        // Views come back with every name qualified by the database, whose name differs per copy.
        String qualifier = "`" + database.replace("`", "``") + "`.";
        List<View> views = catalog.query("select table_name, view_definition from information_schema.views"
                + " where table_schema = database()",
                rs -> new View(rs.getString(1), SqlText.whitespace(rs.getString(2).replace(qualifier, ""))));
        List<Trigger> triggers = catalog.query("select trigger_name, event_object_table,"
                + " concat(action_timing, ' ', event_manipulation, ' FOR EACH ', action_orientation, ' ', action_statement)"
                + " from information_schema.triggers where trigger_schema = database()",
                rs -> new Trigger(rs.getString(1), rs.getString(2), SqlText.whitespace(rs.getString(3))));
        return new SchemaSnapshot("mariadb", tables, views,
                triggers.stream().filter(t -> includeTable.test(t.table())).toList(), List.of(), List.of());
    }

    private Table table(Catalog catalog, String table) throws SQLException {
        List<Column> columns = catalog.query("select column_name, ordinal_position, column_type, is_nullable = 'YES',"
                + " column_default, extra, generation_expression, collation_name from information_schema.columns"
                + " where table_schema = database() and table_name = ? order by ordinal_position",
                MariaDbSchemaReader::column, table);
        Map<String, String> constraintTypes = new LinkedHashMap<>();
        for (String[] row : catalog.query("select constraint_name, constraint_type from information_schema.table_constraints"
                + " where constraint_schema = database() and table_name = ?",
                rs -> new String[] {rs.getString(1), rs.getString(2)}, table)) {
            constraintTypes.put(row[0], row[1]);
        }
        PrimaryKey primaryKey = null;
        List<UniqueConstraint> uniques = new ArrayList<>();
        for (Map.Entry<String, String> constraint : constraintTypes.entrySet()) {
            if (constraint.getValue().equals("PRIMARY KEY") || constraint.getValue().equals("UNIQUE")) {
                List<String> keyColumns = catalog.query("select column_name from information_schema.key_column_usage"
                        + " where constraint_schema = database() and table_name = ? and constraint_name = ?"
                        + " order by ordinal_position", rs -> rs.getString(1), table, constraint.getKey());
                if (constraint.getValue().equals("UNIQUE")) {
                    uniques.add(new UniqueConstraint(constraint.getKey(), keyColumns));
                } else {
                    primaryKey = new PrimaryKey(constraint.getKey(), keyColumns);
                }
            }
        }
        List<CheckConstraint> checks = catalog.query("select constraint_name, check_clause from information_schema.check_constraints"
                + " where constraint_schema = database() and table_name = ?",
                rs -> new CheckConstraint(rs.getString(1), SqlText.stripOuterParentheses(SqlText.whitespace(rs.getString(2)))),
                table);
        List<Index> indexes = indexes(catalog, table).stream()
                .filter(index -> !constraintTypes.containsKey(index.name())
                        || constraintTypes.get(index.name()).equals("FOREIGN KEY"))
                .toList();
        return new Table(table, columns, primaryKey, foreignKeys(catalog, table), uniques, checks, indexes);
    }

    private static Column column(ResultSet rs) throws SQLException {
        String extra = rs.getString(6).toUpperCase(Locale.ROOT);
        String generated = null;
        if (extra.contains("AUTO_INCREMENT")) {
            generated = "AUTO_INCREMENT";
        } else if (extra.contains("GENERATED")) {
            generated = "GENERATED ALWAYS AS (" + rs.getString(7) + ") " + (extra.contains("STORED") ? "STORED" : "VIRTUAL");
        }
        String defaultValue = rs.getString(5);
        // Since 10.2.7 a nullable column without a default reports the text NULL: same as none.
        if ("NULL".equals(defaultValue) || generated != null && generated.startsWith("GENERATED")) {
            defaultValue = null;
        }
        Matcher onUpdate = ON_UPDATE.matcher(extra);
        if (onUpdate.find()) {
            defaultValue = (defaultValue == null ? "" : defaultValue + " ") + "ON UPDATE " + onUpdate.group(1).toLowerCase(Locale.ROOT);
        }
        return new Column(rs.getString(1), rs.getInt(2), DISPLAY_WIDTH.matcher(rs.getString(3)).replaceAll("$1"),
                rs.getBoolean(4), SqlText.stripOuterParentheses(defaultValue), generated, rs.getString(8));
    }

    private List<Index> indexes(Catalog catalog, String table) throws SQLException {
        Map<String, List<String[]>> byName = new LinkedHashMap<>();
        for (String[] row : catalog.query("select index_name, non_unique, column_name, sub_part, collation"
                + " from information_schema.statistics where table_schema = database() and table_name = ?"
                + " and index_name <> 'PRIMARY' order by index_name, seq_in_index",
                rs -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5)}, table)) {
            byName.computeIfAbsent(row[0], n -> new ArrayList<>()).add(row);
        }
        List<Index> indexes = new ArrayList<>();
        for (Map.Entry<String, List<String[]>> index : byName.entrySet()) {
            List<String> columns = index.getValue().stream()
                    .map(p -> p[2] + (p[3] == null ? "" : "(" + p[3] + ")") + ("D".equals(p[4]) ? " DESC" : "")).toList();
            indexes.add(new Index(index.getKey(), columns, "0".equals(index.getValue().get(0)[1]), null));
        }
        return indexes;
    }

    private List<ForeignKey> foreignKeys(Catalog catalog, String table) throws SQLException {
        Map<String, List<String[]>> byName = new LinkedHashMap<>();
        for (String[] row : catalog.query("select k.constraint_name, k.column_name, k.referenced_table_name,"
                + " k.referenced_column_name, r.delete_rule, r.update_rule from information_schema.key_column_usage k"
                + " join information_schema.referential_constraints r on r.constraint_schema = k.constraint_schema"
                + " and r.table_name = k.table_name and r.constraint_name = k.constraint_name"
                + " where k.constraint_schema = database() and k.table_name = ? order by k.constraint_name, k.ordinal_position",
                rs -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                        rs.getString(6)}, table)) {
            byName.computeIfAbsent(row[0], n -> new ArrayList<>()).add(row);
        }
        List<ForeignKey> keys = new ArrayList<>();
        for (List<String[]> parts : byName.values()) {
            String[] first = parts.get(0);
            keys.add(new ForeignKey(first[0], parts.stream().map(p -> p[1]).toList(), first[2],
                    parts.stream().map(p -> p[3]).toList(), first[4], first[5]));
        }
        return keys;
    }
}
