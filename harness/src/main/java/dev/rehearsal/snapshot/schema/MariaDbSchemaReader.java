package dev.rehearsal.snapshot.schema;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * MariaDB: information_schema, restricted to {@code DATABASE()}. One query per catalog view for the
 * whole database, grouped by table here: per-table queries cost about 1,400 round trips for 200
 * tables, and MariaDB materialises referential_constraints on every call (1.2 s against 50 ms).
 */
final class MariaDbSchemaReader implements EngineSchemaReader {

    /** {@code int(11)}, {@code bigint(20) unsigned}: display widths are cosmetic and vary by version. */
    private static final Pattern DISPLAY_WIDTH = Pattern.compile("\\b(tinyint|smallint|mediumint|int|integer|bigint)\\(\\d+\\)");

    private static final Pattern ON_UPDATE = Pattern.compile("ON UPDATE (\\S+)");

    /** One row of key_column_usage, with its referenced column for foreign keys. */
    private record KeyPart(String constraint, String column, String referencedTable, String referencedColumn) {
    }

    /** One row of statistics: a key part of an index, with its prefix length and order. */
    private record IndexPart(String index, boolean unique, String column, String method) {
    }

    /** Rules of one foreign key, from referential_constraints. */
    private record Rules(String onDelete, String onUpdate) {
    }

    @Override
    public SchemaSnapshot read(Connection connection, Predicate<String> includeTable) throws SQLException {
        Catalog catalog = new Catalog(connection);
        String database = catalog.single("select database()");
        List<String> names = catalog.query("select table_name from information_schema.tables where table_schema = database()"
                + " and table_type in ('BASE TABLE', 'SYSTEM VERSIONED')", rs -> rs.getString(1));
        Map<String, List<Column>> columns = byTable(catalog, "select table_name, column_name, ordinal_position, column_type,"
                + " is_nullable = 'YES', column_default, extra, generation_expression, collation_name"
                + " from information_schema.columns where table_schema = database() order by table_name, ordinal_position",
                MariaDbSchemaReader::column);
        Map<String, Map<String, String>> constraintTypes = new HashMap<>();
        for (String[] row : catalog.query("select table_name, constraint_name, constraint_type"
                + " from information_schema.table_constraints where constraint_schema = database()",
                rs -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3)})) {
            constraintTypes.computeIfAbsent(row[0], t -> new LinkedHashMap<>()).put(row[1], row[2]);
        }
        Map<String, List<KeyPart>> keyParts = byTable(catalog, "select table_name, constraint_name, column_name,"
                + " referenced_table_name, referenced_column_name from information_schema.key_column_usage"
                + " where constraint_schema = database() and referenced_table_name is not null"
                + " order by table_name, constraint_name, ordinal_position",
                rs -> new KeyPart(rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5)));
        Map<String, Rules> rules = new HashMap<>();
        for (String[] row : catalog.query("select table_name, constraint_name, delete_rule, update_rule"
                + " from information_schema.referential_constraints where constraint_schema = database()",
                rs -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)})) {
            rules.put(row[0] + "\u0000" + row[1], new Rules(row[2], row[3]));
        }
        Map<String, List<CheckConstraint>> checks = byTable(catalog, "select table_name, constraint_name, check_clause"
                + " from information_schema.check_constraints where constraint_schema = database()",
                rs -> new CheckConstraint(rs.getString(2), SqlText.stripOuterParentheses(SqlText.whitespace(rs.getString(3)))));
        // Key parts of every index, the primary key and unique constraints included: only statistics
        // has the prefix length of title(20), which key_column_usage leaves out.
        Map<String, List<IndexPart>> indexParts = byTable(catalog, "select table_name, index_name, non_unique = 0,"
                + " column_name, sub_part, collation, index_type from information_schema.statistics"
                + " where table_schema = database() order by table_name, index_name, seq_in_index",
                rs -> new IndexPart(rs.getString(2), rs.getBoolean(3), rs.getString(4)
                        + (rs.getString(5) == null ? "" : "(" + rs.getString(5) + ")")
                        + ("D".equals(rs.getString(6)) ? " DESC" : ""), rs.getString(7).toLowerCase(Locale.ROOT)));
        List<Table> tables = new ArrayList<>();
        for (String name : names) {
            if (includeTable.test(name)) {
                Map<String, String> types = constraintTypes.getOrDefault(name, Map.of());
                List<KeyPart> parts = keyParts.getOrDefault(name, List.of());
                tables.add(table(name, columns.getOrDefault(name, List.of()), types, parts, rules,
                        checks.getOrDefault(name, List.of()), indexParts.getOrDefault(name, List.of())));
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
        return new SchemaSnapshot("mariadb", tables, views, List.of(),
                triggers.stream().filter(t -> includeTable.test(t.table())).toList(), List.of(), List.of(), routines(catalog),
                MariaDbCatalogObjects.read(catalog, includeTable));
    }

    /**
     * Stored functions and procedures with their parameters, joined once (not a subquery per routine:
     * information_schema builds each view anew on every access). Characteristics are spelled out only
     * where they differ from the default, as {@code SHOW CREATE} would.
     */
    private static List<Routine> routines(Catalog catalog) throws SQLException {
        return catalog.query("select r.routine_name, r.routine_type, p.arguments, r.dtd_identifier, r.is_deterministic = 'YES',"
                + " r.sql_data_access, r.security_type, r.routine_definition from information_schema.routines r"
                + " left join (select specific_name, routine_type, group_concat(concat_ws(' ',"
                + " if(routine_type = 'PROCEDURE', parameter_mode, null), parameter_name, dtd_identifier)"
                + " order by ordinal_position separator ', ') arguments from information_schema.parameters"
                + " where specific_schema = database() and ordinal_position > 0 group by specific_name, routine_type) p"
                + " on p.specific_name = r.specific_name and p.routine_type = r.routine_type"
                + " where r.routine_schema = database() and r.routine_type in ('FUNCTION', 'PROCEDURE')",
                rs -> {
                    String returns = rs.getString(4);
                    String definition = (returns == null ? "" : "RETURNS " + withoutDisplayWidth(returns) + " ")
                            + (rs.getBoolean(5) ? "DETERMINISTIC " : "")
                            + ("CONTAINS SQL".equals(rs.getString(6)) ? "" : rs.getString(6) + " ")
                            + ("DEFINER".equals(rs.getString(7)) ? "" : "SQL SECURITY " + rs.getString(7) + " ")
                            + rs.getString(8);
                    String arguments = rs.getString(3);
                    return new Routine(rs.getString(1), rs.getString(2).toLowerCase(Locale.ROOT),
                            arguments == null ? "" : withoutDisplayWidth(arguments), SqlText.whitespace(definition));
                });
    }

    private static String withoutDisplayWidth(String type) {
        return DISPLAY_WIDTH.matcher(type).replaceAll("$1");
    }

    /** Runs a query whose first column is the table name and groups the rest, mapped, by it in row order. */
    private static <T> Map<String, List<T>> byTable(Catalog catalog, String sql, Catalog.RowMapper<T> mapper)
            throws SQLException {
        Map<String, List<T>> byTable = new HashMap<>();
        catalog.query(sql, rs -> byTable.computeIfAbsent(rs.getString(1), t -> new ArrayList<>()).add(mapper.map(rs)));
        return byTable;
    }

    private static Table table(String table, List<Column> columns, Map<String, String> constraintTypes,
            List<KeyPart> keyParts, Map<String, Rules> rules, List<CheckConstraint> checks, List<IndexPart> indexParts) {
        Map<String, List<IndexPart>> indexes = new LinkedHashMap<>();
        for (IndexPart part : indexParts) {
            indexes.computeIfAbsent(part.index(), n -> new ArrayList<>()).add(part);
        }
        PrimaryKey primaryKey = null;
        List<UniqueConstraint> uniques = new ArrayList<>();
        for (Map.Entry<String, String> constraint : constraintTypes.entrySet()) {
            List<String> keyColumns = indexes.getOrDefault(constraint.getKey(), List.of()).stream()
                    .map(IndexPart::column).toList();
            if (constraint.getValue().equals("UNIQUE")) {
                uniques.add(new UniqueConstraint(constraint.getKey(), keyColumns));
            } else if (constraint.getValue().equals("PRIMARY KEY")) {
                primaryKey = new PrimaryKey(constraint.getKey(), keyColumns);
            }
        }
        return new Table(table, columns, primaryKey, foreignKeys(table, keyParts, rules), uniques, checks,
                plainIndexes(indexes, constraintTypes));
    }

    private static List<ForeignKey> foreignKeys(String table, List<KeyPart> keyParts, Map<String, Rules> rules) {
        Map<String, List<KeyPart>> byConstraint = new LinkedHashMap<>();
        for (KeyPart part : keyParts) {
            byConstraint.computeIfAbsent(part.constraint(), c -> new ArrayList<>()).add(part);
        }
        List<ForeignKey> foreignKeys = new ArrayList<>();
        for (Map.Entry<String, List<KeyPart>> key : byConstraint.entrySet()) {
            Rules rule = rules.get(table + "\u0000" + key.getKey());
            if (rule != null) {
                List<KeyPart> parts = key.getValue();
                foreignKeys.add(new ForeignKey(key.getKey(), parts.stream().map(KeyPart::column).toList(),
                        parts.get(0).referencedTable(), parts.stream().map(KeyPart::referencedColumn).toList(),
                        rule.onDelete(), rule.onUpdate()));
            }
        }
        return foreignKeys;
    }

    private static Column column(ResultSet rs) throws SQLException {
        String extra = rs.getString(7).toUpperCase(Locale.ROOT);
        String generated = null;
        if (extra.contains("AUTO_INCREMENT")) {
            generated = "AUTO_INCREMENT";
        } else if (extra.contains("GENERATED")) {
            generated = "GENERATED ALWAYS AS (" + rs.getString(8) + ") " + (extra.contains("STORED") ? "STORED" : "VIRTUAL");
        }
        String defaultValue = rs.getString(6);
        // Since 10.2.7 a nullable column without a default reports the text NULL: same as none.
        if ("NULL".equals(defaultValue) || generated != null && generated.startsWith("GENERATED")) {
            defaultValue = null;
        }
        Matcher onUpdate = ON_UPDATE.matcher(extra);
        if (onUpdate.find()) {
            defaultValue = (defaultValue == null ? "" : defaultValue + " ") + "ON UPDATE " + onUpdate.group(1).toLowerCase(Locale.ROOT);
        }
        return new Column(rs.getString(2), rs.getInt(3), withoutDisplayWidth(rs.getString(4)),
                rs.getBoolean(5), SqlText.stripOuterParentheses(defaultValue), generated, rs.getString(9));
    }

    /** Indexes that do not back a primary key or unique constraint (those backing a foreign key stay). */
    private static List<Index> plainIndexes(Map<String, List<IndexPart>> indexes, Map<String, String> constraintTypes) {
        List<Index> plain = new ArrayList<>();
        for (Map.Entry<String, List<IndexPart>> index : indexes.entrySet()) {
            String type = constraintTypes.get(index.getKey());
            if (type == null || type.equals("FOREIGN KEY")) {
                IndexPart first = index.getValue().get(0);
                plain.add(new Index(index.getKey(), index.getValue().stream().map(IndexPart::column).toList(), List.of(),
                        first.unique(), null, first.method()));
            }
        }
        return plain;
    }
}
