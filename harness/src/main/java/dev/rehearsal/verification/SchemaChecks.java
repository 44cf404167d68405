package dev.rehearsal.verification;

import dev.rehearsal.snapshot.schema.Column;
import dev.rehearsal.snapshot.schema.Index;
import dev.rehearsal.snapshot.schema.Table;
import dev.rehearsal.snapshot.schema.UniqueConstraint;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** table_exists, table_absent, column and index_exists, answered from the schema snapshot. */
final class SchemaChecks {
    /** Engine spellings of one type, so {@code varchar(10)} matches PostgreSQL's {@code character varying(10)}. */
    private static final Map<String, String> ALIASES = Map.of(
            "character varying", "varchar",
            "integer", "int",
            "int4", "int",
            "int8", "bigint",
            "bool", "boolean",
            "character", "char",
            "double precision", "double",
            "float8", "double",
            "timestamp without time zone", "timestamp",
            "timestamp with time zone", "timestamptz");
    private static final Pattern TIME_ZONE = Pattern.compile("^(timestamp|time)(\\(\\d+\\))? (with|without) time zone$");
    private static final Set<String> INTEGERS = Set.of("tinyint", "smallint", "mediumint", "int", "bigint");

    private SchemaChecks() {
    }

    static Outcome tableExists(Check.TableExists check, CheckContext context) {
        Optional<Table> table = context.table(check.table());
        return table.isPresent() ? Outcome.held(table.get().name() + " exists")
                : Outcome.broken(check.table() + " does not exist (" + context.tableNames() + ")");
    }

    static Outcome tableAbsent(Check.TableAbsent check, CheckContext context) {
        Optional<Table> table = context.table(check.table());
        return table.isEmpty() ? Outcome.held(check.table() + " does not exist")
                : Outcome.broken(table.get().name() + " still exists");
    }

    static Outcome column(Check.ColumnExists check, CheckContext context) {
        Optional<Table> table = context.table(check.table());
        if (table.isEmpty()) {
            return context.missingTable(check.table());
        }
        Optional<Column> found = table.get().column(check.column()).or(() -> table.get().columns().stream()
                .filter(c -> c.name().equalsIgnoreCase(check.column())).findFirst());
        if (found.isEmpty()) {
            return Outcome.broken(table.get().name() + " has no column " + check.column() + " (columns: "
                    + table.get().columns().stream().map(Column::name).collect(Collectors.joining(", ")) + ")");
        }
        Column column = found.get();
        String actual = table.get().name() + "." + column.name() + " " + column.type()
                + (column.nullable() ? " null" : " not null");
        if (check.type() != null && !typeMatches(check.type(), column.type())) {
            return Outcome.broken(actual + ", expected type " + check.type());
        }
        if (check.nullable() != null && check.nullable() != column.nullable()) {
            return Outcome.broken(actual + ", expected " + (check.nullable() ? "nullable" : "not null"));
        }
        return Outcome.held(actual);
    }

    static Outcome index(Check.IndexExists check, CheckContext context) {
        List<Table> tables = context.tablesNamed(check.table());
        if (check.table() != null && tables.isEmpty()) {
            return context.missingTable(check.table());
        }
        for (Table table : tables) {
            for (String name : indexNames(table)) {
                if (name.equalsIgnoreCase(check.name())) {
                    return Outcome.held("index " + name + " on " + table.name());
                }
            }
        }
        String where = check.table() == null ? "on any table" : "on " + tables.get(0).name() + " (indexes: "
                + String.join(", ", indexNames(tables.get(0))) + ")";
        return Outcome.broken("no index " + check.name() + " " + where);
    }

    /**
     * Plain indexes, named unique constraints and a named primary key (PostgreSQL's users_pkey,
     * MariaDB's PRIMARY): each is an index to the person writing the suite.
     */
    private static List<String> indexNames(Table table) {
        List<String> names = new java.util.ArrayList<>(table.indexes().stream().map(Index::name).toList());
        table.uniqueConstraints().stream().map(UniqueConstraint::name).filter(n -> n != null).forEach(names::add);
        if (table.primaryKey() != null && table.primaryKey().name() != null) {
            names.add(table.primaryKey().name());
        }
        return names;
    }

    /**
     * Case-insensitive, aliases folded; an expected type without {@code (...)} accepts any length;
     * integer display widths ({@code tinyint(1)}) are not part of the type; MariaDB's BOOLEAN is TINYINT.
     */
    static boolean typeMatches(String expected, String actual) {
        String e = normalize(expected);
        String a = normalize(actual);
        return e.equals(a) || (!e.contains("(") && a.startsWith(e + "(")) || (e.equals("boolean") && a.equals("tinyint"));
    }

    private static String normalize(String type) {
        String t = type.toLowerCase(Locale.ROOT).strip().replaceAll("\\s+", " ").replace(" (", "(").replace(", ", ",");
        // PostgreSQL writes the precision inside: timestamp(6) without time zone.
        t = TIME_ZONE.matcher(t).replaceFirst(m -> m.group(1) + (m.group(3).equals("with") ? "tz" : "")
                + (m.group(2) == null ? "" : m.group(2)));
        int paren = t.indexOf('(');
        String base = paren < 0 ? t : t.substring(0, paren);
        String rest = paren < 0 ? "" : t.substring(paren);
        base = ALIASES.getOrDefault(base, base);
        return INTEGERS.contains(base) ? base : base + rest;
    }
}
