package dev.rehearsal.snapshot.schema;

import java.sql.Array;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;

/**
 * PostgreSQL: pg_catalog, restricted to {@code current_schema()}, using the server's own deparsers.
 * Tables, views and types in other schemas are not read, on purpose: the snapshot is of the schema
 * the connection works in (set it with {@code currentSchema=} in the URL), not of the whole database.
 */
final class PostgresSchemaReader implements EngineSchemaReader {

    private static final String IN_SCHEMA = "relnamespace = (select oid from pg_namespace where nspname = current_schema())";

    /** The names of the columns {@code attnums} of relation {@code rel}, in array order. */
    private static String columnNames(String rel, String attnums) {
        return "array(select a.attname from unnest(" + attnums + ") with ordinality k(num, ord)"
                + " join pg_attribute a on a.attrelid = " + rel + " and a.attnum = k.num order by k.ord)";
    }

    /** The tables a snapshot covers (partitions show through their parent). */
    private static final String TABLE_CLASSES = " from pg_class where " + IN_SCHEMA
            + " and relkind in ('r', 'p') and not relispartition";

    /** Their oids, as a subquery. */
    private static final String TABLES = "select oid" + TABLE_CLASSES;

    private static final String MATERIALIZED_VIEW_CLASSES = " from pg_class where " + IN_SCHEMA + " and relkind = 'm'";

    /** What can have indexes: the tables and the materialized views. */
    private static final String INDEXED = "select oid from pg_class where " + IN_SCHEMA
            + " and (relkind in ('r', 'p') and not relispartition or relkind = 'm')";

    private record TableRow(long oid, String name) {
    }

    /** A row mapped to a value of the table whose oid is the query's first column. */
    private record Owned<T>(long table, T value) {
    }

    @Override
    public SchemaSnapshot read(Connection connection, Predicate<String> includeTable) throws SQLException {
        Catalog catalog = new Catalog(connection);
        // One query per catalog for the whole schema, grouped by table oid here: per-table queries
        // cost three round trips a table.
        Map<Long, List<Column>> columns = byTable(catalog.query("select a.attrelid, a.attname,"
                + " row_number() over (partition by a.attrelid order by a.attnum),"
                + " format_type(a.atttypid, a.atttypmod), not a.attnotnull, pg_get_expr(d.adbin, d.adrelid),"
                + " a.attidentity, a.attgenerated,"
                + " case when a.attcollation <> t.typcollation then co.collname end"
                + " from pg_attribute a join pg_type t on t.oid = a.atttypid"
                + " left join pg_attrdef d on d.adrelid = a.attrelid and d.adnum = a.attnum"
                + " left join pg_collation co on co.oid = a.attcollation"
                + " where a.attrelid in (" + TABLES + ") and a.attnum > 0 and not a.attisdropped"
                + " order by a.attrelid, a.attnum",
                rs -> new Owned<>(rs.getLong(1), column(rs))));
        Map<Long, List<ConstraintRow>> constraints = byTable(catalog.query("select conrelid, conname, contype,"
                + " pg_get_constraintdef(oid, true), " + columnNames("conrelid", "conkey") + ", confrelid::regclass::text, "
                + columnNames("confrelid", "confkey") + ", confdeltype, confupdtype from pg_constraint"
                + " where conrelid in (" + TABLES + ") and contype in ('p', 'f', 'u', 'c')",
                rs -> new Owned<>(rs.getLong(1), ConstraintRow.of(rs))));
        Map<Long, List<Index>> indexes = byTable(indexes(catalog));
        List<Table> tables = new ArrayList<>();
        for (TableRow table : catalog.query("select oid, relname" + TABLE_CLASSES,
                rs -> new TableRow(rs.getLong(1), rs.getString(2)))) {
            if (includeTable.test(table.name())) {
                tables.add(table(table.name(), columns.getOrDefault(table.oid(), List.of()),
                        constraints.getOrDefault(table.oid(), List.of()), indexes.getOrDefault(table.oid(), List.of())));
            }
        }
        List<View> views = catalog.query("select viewname, definition from pg_views where schemaname = current_schema()",
                rs -> new View(rs.getString(1), SqlText.whitespace(rs.getString(2))));
        List<MaterializedView> materializedViews = catalog.query("select oid, relname, pg_get_viewdef(oid)"
                + MATERIALIZED_VIEW_CLASSES, rs -> new MaterializedView(rs.getString(2), SqlText.whitespace(rs.getString(3)),
                        indexes.getOrDefault(rs.getLong(1), List.of())));
        List<Trigger> triggers = catalog.query("select t.tgname, c.relname, pg_get_triggerdef(t.oid, true), p.prosrc"
                + " from pg_trigger t join pg_class c on c.oid = t.tgrelid join pg_proc p on p.oid = t.tgfoid"
                + " where not t.tgisinternal and c." + IN_SCHEMA,
                rs -> new Trigger(rs.getString(1), rs.getString(2), SqlText.whitespace(rs.getString(3)),
                        SqlText.whitespace(rs.getString(4))));
        return new SchemaSnapshot("postgres", tables, views, materializedViews,
                triggers.stream().filter(t -> includeTable.test(t.table())).toList(),
                sequences(catalog), types(catalog), routines(catalog), PostgresCatalogObjects.read(catalog, includeTable));
    }

    private static <T> Map<Long, List<T>> byTable(List<Owned<T>> rows) {
        Map<Long, List<T>> byTable = new HashMap<>();
        for (Owned<T> row : rows) {
            byTable.computeIfAbsent(row.table(), t -> new ArrayList<>()).add(row.value());
        }
        return byTable;
    }

    private static Table table(String name, List<Column> columns, List<ConstraintRow> constraints, List<Index> indexes) {
        PrimaryKey primaryKey = null;
        List<ForeignKey> foreignKeys = new ArrayList<>();
        List<UniqueConstraint> uniques = new ArrayList<>();
        List<CheckConstraint> checks = new ArrayList<>();
        for (ConstraintRow c : constraints) {
            switch (c.type()) {
                case "p" -> primaryKey = new PrimaryKey(c.name(), c.columns());
                case "u" -> uniques.add(new UniqueConstraint(c.name(), c.columns()));
                case "c" -> checks.add(new CheckConstraint(c.name(),
                        SqlText.stripOuterParentheses(SqlText.whitespace(c.definition().replaceFirst("^CHECK ", "")
                                .replaceFirst(" NOT VALID$", "")))));
                default -> foreignKeys.add(new ForeignKey(c.name(), c.columns(), c.referencedTable(),
                        c.referencedColumns(), c.onDelete(), c.onUpdate()));
            }
        }
        return new Table(name, columns, primaryKey, foreignKeys, uniques, checks, indexes);
    }

    private static Column column(ResultSet rs) throws SQLException {
        String identity = rs.getString(7);
        String generatedKind = rs.getString(8);
        String expression = rs.getString(6);
        String generated = null;
        if ("a".equals(identity) || "d".equals(identity)) {
            generated = "GENERATED " + ("a".equals(identity) ? "ALWAYS" : "BY DEFAULT") + " AS IDENTITY";
        } else if ("s".equals(generatedKind)) {
            generated = "GENERATED ALWAYS AS (" + SqlText.stripOuterParentheses(expression) + ") STORED";
            expression = null; // pg_attrdef holds the generation expression, not a default
        }
        return new Column(rs.getString(2), rs.getInt(3), rs.getString(4), rs.getBoolean(5),
                SqlText.stripOuterParentheses(expression), generated, rs.getString(9));
    }

    private record ConstraintRow(String name, String type, String definition, List<String> columns,
            String referencedTable, List<String> referencedColumns, String onDelete, String onUpdate) {
        static ConstraintRow of(ResultSet rs) throws SQLException {
            return new ConstraintRow(rs.getString(2), rs.getString(3), rs.getString(4), strings(rs.getArray(5)),
                    rs.getString(6), strings(rs.getArray(7)), action(rs.getString(8)), action(rs.getString(9)));
        }

        private static String action(String code) {
            if (code == null) {
                return null;
            }
            return switch (code) {
                case "r" -> "RESTRICT";
                case "c" -> "CASCADE";
                case "n" -> "SET NULL";
                case "d" -> "SET DEFAULT";
                default -> "NO ACTION";
            };
        }
    }

    /** One column of an index, key or INCLUDE, with what its index shares on every row. */
    private record IndexColumnRow(long table, String index, boolean unique, String predicate, String method,
            boolean included, String column) {
    }

    /**
     * Indexes that do not just back a primary key, unique or exclusion constraint of the same table.
     * Each key column as the server deparses it, plus what {@code pg_get_indexdef(oid, k)} leaves out
     * but changes the index: a collation other than the column's, a non-default operator class, and
     * the sort order. One row per index column, joined once: per-index subqueries over
     * generate_series were estimated expensive enough to cross jit_above_cost at 200 tables, and
     * compiling the query took 300 ms of a 310 ms read.
     */
    private List<Owned<Index>> indexes(Catalog catalog) throws SQLException {
        List<IndexColumnRow> rows = catalog.query("select i.indrelid, c.relname, i.indisunique,"
                + " case when u.k = 1 then pg_get_expr(i.indpred, i.indrelid, true) end, am.amname, u.k > i.indnkeyatts,"
                + " pg_get_indexdef(i.indexrelid, u.k::int, true)"
                + " || case when a.attnum is not null and i.indcollation[u.k - 1] <> 0"
                + " and i.indcollation[u.k - 1] <> a.attcollation then ' COLLATE ' || quote_ident(co.collname) else '' end"
                + " || case when o.opcdefault or o.oid is null then '' else ' ' || quote_ident(o.opcname) end"
                + " || case when i.indoption[u.k - 1] & 1 = 1 then ' DESC' else '' end"
                + " || case i.indoption[u.k - 1] & 3 when 1 then ' NULLS LAST' when 2 then ' NULLS FIRST' else '' end"
                + " from pg_index i join pg_class c on c.oid = i.indexrelid join pg_am am on am.oid = c.relam"
                + " cross join lateral unnest(i.indkey::int2[]) with ordinality u(attnum, k)"
                + " left join pg_opclass o on o.oid = i.indclass[u.k - 1]"
                + " left join pg_attribute a on u.attnum <> 0 and a.attrelid = i.indrelid and a.attnum = u.attnum"
                + " left join pg_collation co on co.oid = i.indcollation[u.k - 1]"
                + " where i.indrelid in (" + INDEXED + ")"
                + " and not exists (select 1 from pg_constraint k where k.conindid = i.indexrelid"
                + " and k.conrelid = i.indrelid and k.contype in ('p', 'u', 'x'))"
                + " order by i.indexrelid, u.k",
                rs -> new IndexColumnRow(rs.getLong(1), rs.getString(2), rs.getBoolean(3), rs.getString(4), rs.getString(5),
                        rs.getBoolean(6), rs.getString(7)));
        Map<String, List<IndexColumnRow>> byIndex = new LinkedHashMap<>();
        rows.forEach(row -> byIndex.computeIfAbsent(row.index(), n -> new ArrayList<>()).add(row));
        List<Owned<Index>> indexes = new ArrayList<>();
        for (List<IndexColumnRow> columns : byIndex.values()) {
            IndexColumnRow first = columns.get(0);
            indexes.add(new Owned<>(first.table(), new Index(first.index(),
                    columns.stream().filter(c -> !c.included()).map(IndexColumnRow::column).toList(),
                    columns.stream().filter(IndexColumnRow::included).map(IndexColumnRow::column).toList(),
                    first.unique(), first.predicate(), first.method())));
        }
        return indexes;
    }

    /** Sequences a column owns (serial, identity) live and die with their table and are left out. */
    private List<Sequence> sequences(Catalog catalog) throws SQLException {
        return catalog.query("select c.relname, format_type(s.seqtypid, null), s.seqstart, s.seqincrement,"
                + " s.seqmin, s.seqmax, s.seqcycle from pg_sequence s join pg_class c on c.oid = s.seqrelid"
                + " where c." + IN_SCHEMA + " and not exists (select 1 from pg_depend d where d.objid = c.oid"
                + " and d.classid = 'pg_class'::regclass and d.refobjsubid > 0 and d.deptype in ('a', 'i'))",
                rs -> new Sequence(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getLong(4), rs.getLong(5),
                        rs.getLong(6), rs.getBoolean(7)));
    }

    /**
     * Functions and procedures, but not those an extension installed (they come and go with it) nor
     * aggregates and window functions, which pg_get_functiondef cannot print. The definition names the
     * function with its schema, which is cut so a copy in another schema reads the same.
     */
    private List<Routine> routines(Catalog catalog) throws SQLException {
        return catalog.query("select p.proname, p.prokind = 'p', pg_get_function_identity_arguments(p.oid),"
                + " pg_get_functiondef(p.oid), quote_ident(n.nspname) || '.'"
                + " from pg_proc p join pg_namespace n on n.oid = p.pronamespace"
                + " where n.nspname = current_schema() and p.prokind in ('f', 'p')"
                + " and not exists (select 1 from pg_depend d where d.classid = 'pg_proc'::regclass"
                + " and d.objid = p.oid and d.deptype = 'e')",
                rs -> {
                    String kind = rs.getBoolean(2) ? SchemaDiffer.PROCEDURE : SchemaDiffer.FUNCTION;
                    String header = "CREATE OR REPLACE " + kind.toUpperCase(Locale.ROOT) + " ";
                    String definition = SqlText.whitespace(rs.getString(4));
                    String qualified = header + rs.getString(5);
                    if (definition.startsWith(qualified)) {
                        definition = header + definition.substring(qualified.length());
                    }
                    return new Routine(rs.getString(1), kind, rs.getString(3), definition);
                });
    }

    private List<UserType> types(Catalog catalog) throws SQLException {
        String namespace = "t.typnamespace = (select oid from pg_namespace where nspname = current_schema())";
        List<UserType> types = new ArrayList<>(catalog.query("select t.typname, '(' || string_agg(quote_literal(e.enumlabel),"
                + " ', ' order by e.enumsortorder) || ')' from pg_type t join pg_enum e on e.enumtypid = t.oid"
                + " where t.typtype = 'e' and " + namespace + " group by t.typname",
                rs -> new UserType(rs.getString(1), "enum", rs.getString(2))));
        // A domain's checks in the order of their text: unnamed ones are named <domain>_check, _check1...
        // in creation order, which must not matter.
        types.addAll(catalog.query("select t.typname, format_type(t.typbasetype, t.typtypmod)"
                + " || case when t.typnotnull then ' NOT NULL' else '' end"
                + " || coalesce(' DEFAULT ' || t.typdefault, '')"
                + " || coalesce((select string_agg(' ' || d.def, '' order by d.def)"
                + " from (select pg_get_constraintdef(k.oid, true) def from pg_constraint k where k.contypid = t.oid) d), '')"
                + " from pg_type t where t.typtype = 'd' and " + namespace,
                rs -> new UserType(rs.getString(1), "domain", SqlText.whitespace(rs.getString(2)))));
        return types;
    }

    private static List<String> strings(Array array) throws SQLException {
        if (array == null) {
            return List.of();
        }
        try {
            return Arrays.asList((String[]) array.getArray());
        } finally {
            array.free();
        }
    }
}
