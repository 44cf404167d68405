package dev.rehearsal.verification;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * One post-migration expectation of a {@link VerificationSuite}; one record per check type of the
 * suite file format. Every record has a convenience constructor without the severity, which is
 * then {@link Severity#ERROR}.
 *
 * @since 0.1
 */
public sealed interface Check permits Check.TableExists, Check.TableAbsent, Check.ColumnExists, Check.IndexExists,
        Check.RowCount, Check.RowCountEquals, Check.ChecksumPreserved, Check.Query, Check.NoOrphans, Check.Marker {

    Severity severity();

    /** How results name the check: the type as in suite files, then its arguments. */
    String display();

    /** The pre captures the check reads, by name; empty for most checks. */
    default Set<String> captureReferences() {
        return Set.of();
    }

    /** {@code table_exists: media}. */
    record TableExists(String table, Severity severity) implements Check {
        public TableExists {
            required(table, "table");
            severity = orError(severity);
        }

        public TableExists(String table) {
            this(table, Severity.ERROR);
        }

        @Override
        public String display() {
            return "table_exists " + table;
        }
    }

    /** {@code table_absent: legacy_images}. */
    record TableAbsent(String table, Severity severity) implements Check {
        public TableAbsent {
            required(table, "table");
            severity = orError(severity);
        }

        public TableAbsent(String table) {
            this(table, Severity.ERROR);
        }

        @Override
        public String display() {
            return "table_absent " + table;
        }
    }

    /**
     * {@code column: {table: media, name: kind, type: varchar(10), nullable: false}}.
     *
     * @param type null to accept any type; without parentheses it matches any length or precision
     * @param nullable null to accept either
     */
    record ColumnExists(String table, String column, String type, Boolean nullable, Severity severity)
            implements Check {
        public ColumnExists {
            required(table, "table");
            required(column, "column");
            severity = orError(severity);
        }

        public ColumnExists(String table, String column) {
            this(table, column, null, null, Severity.ERROR);
        }

        @Override
        public String display() {
            return "column " + table + "." + column + (type == null ? "" : " " + type)
                    + (nullable == null ? "" : nullable ? " null" : " not null");
        }
    }

    /** {@code index_exists: {name: idx_media_owner, table: media}}; {@code table} may be null (any table). */
    record IndexExists(String name, String table, Severity severity) implements Check {
        public IndexExists {
            required(name, "name");
            severity = orError(severity);
        }

        public IndexExists(String name) {
            this(name, null, Severity.ERROR);
        }

        @Override
        public String display() {
            return "index_exists " + name + (table == null ? "" : " on " + table);
        }
    }

    /** {@code row_count: {table: media, min: 1}}: {@code exact}, or {@code min} and/or {@code max} (nulls for none). */
    record RowCount(String table, Long exact, Long min, Long max, Severity severity) implements Check {
        public RowCount {
            required(table, "table");
            if (exact == null && min == null && max == null) {
                throw new IllegalArgumentException("row_count of " + table + " needs exact, min or max");
            }
            if (exact != null && (min != null || max != null)) {
                throw new IllegalArgumentException("row_count of " + table + " takes exact, or min/max, not both");
            }
            for (Long bound : java.util.Arrays.asList(exact, min, max)) {
                if (bound != null && bound < 0) {
                    throw new IllegalArgumentException("row_count of " + table + " has a negative bound " + bound
                            + "; a table has 0 rows or more");
                }
            }
            severity = orError(severity);
        }

        public static RowCount exactly(String table, long rows) {
            return new RowCount(table, rows, null, null, Severity.ERROR);
        }

        public static RowCount atLeast(String table, long rows) {
            return new RowCount(table, null, rows, null, Severity.ERROR);
        }

        @Override
        public String display() {
            return "row_count " + table + (exact != null ? " = " + exact : "") + (min != null ? " min " + min : "")
                    + (max != null ? " max " + max : "");
        }
    }

    /** {@code row_count_equals: "media == pre.images + pre.docs"}. */
    record RowCountEquals(CountEquation equation, Severity severity) implements Check {
        public RowCountEquals {
            Objects.requireNonNull(equation, "equation");
            severity = orError(severity);
        }

        /** @throws IllegalArgumentException when the equation does not parse */
        public RowCountEquals(String equation) {
            this(CountEquation.parse(equation), Severity.ERROR);
        }

        @Override
        public String display() {
            return "row_count_equals " + equation;
        }

        @Override
        public Set<String> captureReferences() {
            return equation.captures();
        }
    }

    /** {@code checksum_preserved: images}: the captured table holds exactly the rows it held before. */
    record ChecksumPreserved(String capture, Severity severity) implements Check {
        public ChecksumPreserved {
            required(capture, "capture");
            severity = orError(severity);
        }

        public ChecksumPreserved(String capture) {
            this(capture, Severity.ERROR);
        }

        @Override
        public String display() {
            return "checksum_preserved " + capture;
        }

        @Override
        public Set<String> captureReferences() {
            return Set.of(capture);
        }
    }

    /**
     * {@code query: {sql: "select ...", expect: 0}}: the query returns exactly {@code expectedRows},
     * in order. Values are strings, numbers, booleans or null; numbers compare by value.
     */
    record Query(String sql, List<List<Object>> expectedRows, Severity severity) implements Check {
        public Query {
            required(sql, "sql");
            List<List<Object>> rows = new ArrayList<>();
            for (List<Object> row : expectedRows) {
                rows.add(Collections.unmodifiableList(new ArrayList<>(row)));
            }
            expectedRows = Collections.unmodifiableList(rows);
            severity = orError(severity);
        }

        /** A query that must return one row of one column, {@code value}. */
        public static Query scalar(String sql, Object value) {
            return new Query(sql, List.of(Collections.singletonList(value)), Severity.ERROR);
        }

        @Override
        public String display() {
            // Multi-line SQL from a YAML block reads better on one result line.
            return "query " + sql.strip().replaceAll("\\s+", " ") + " expect " + QueryValues.render(expectedRows);
        }
    }

    /** {@code no_orphans: media} (or no value: every table): every foreign key of the table is satisfied. */
    record NoOrphans(String table, Severity severity) implements Check {
        public NoOrphans {
            severity = orError(severity);
        }

        public NoOrphans(String table) {
            this(table, Severity.ERROR);
        }

        @Override
        public String display() {
            return "no_orphans " + (table == null ? "(all tables)" : table);
        }
    }

    /**
     * {@code marker: {table: migration_markers, column: name, value: media_unification, present: true}}:
     * a completion marker row is there (or, with {@code present: false}, is not). The row is
     * matched either by {@code column = value} or by a SQL {@code where} condition.
     */
    record Marker(String table, String column, Object value, String where, boolean present, Severity severity)
            implements Check {
        public Marker {
            required(table, "table");
            if ((column == null) == (where == null)) {
                throw new IllegalArgumentException("marker in " + table + " needs column and value, or where");
            }
            severity = orError(severity);
        }

        public Marker(String table, String column, Object value) {
            this(table, column, value, null, true, Severity.ERROR);
        }

        @Override
        public String display() {
            return "marker " + table + " " + condition() + (present ? "" : " absent");
        }

        String condition() {
            return where != null ? "where " + where : column + " = " + QueryValues.render(value);
        }
    }

    private static void required(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(field + " is required");
        }
    }

    private static Severity orError(Severity severity) {
        return severity == null ? Severity.ERROR : severity;
    }

    /** The check type names of suite files, in documentation order. */
    static String typeNames() {
        return List.of("table_exists", "table_absent", "column", "index_exists", "row_count", "row_count_equals",
                "checksum_preserved", "query", "no_orphans", "marker").stream().collect(Collectors.joining(", "));
    }
}
