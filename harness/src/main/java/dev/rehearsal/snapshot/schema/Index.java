package dev.rehearsal.snapshot.schema;

import java.util.List;

/**
 * An index that does not merely implement a primary key or unique constraint.
 *
 * @param columns column names or expressions, in key order, with what changes the key: a MariaDB
 *     prefix length ({@code title(20)}), a PostgreSQL non-default operator class, collation or
 *     {@code NULLS} order, and {@code DESC} where descending
 * @param include the PostgreSQL {@code INCLUDE} columns, stored but not part of the key; empty for none
 * @param predicate the WHERE of a partial index, null for a full one
 * @param method the access method when it is not a B-tree ({@code hash}, {@code gin}, {@code fulltext});
 *     null for the B-tree every engine uses by default, so snapshots from before this was recorded still match
 */
public record Index(String name, List<String> columns, List<String> include, boolean unique, String predicate,
        String method) {

    /** What every engine makes unless told otherwise. */
    static final String DEFAULT_METHOD = "btree";

    public Index {
        columns = Sorting.copy(columns);
        include = Sorting.copy(include);
        method = method == null || method.equalsIgnoreCase(DEFAULT_METHOD) ? null : method;
    }

    /** A B-tree index without INCLUDE columns, the only kind SQLite has. */
    public Index(String name, List<String> columns, boolean unique, String predicate) {
        this(name, columns, List.of(), unique, predicate, null);
    }
}
