package dev.rehearsal.snapshot.schema;

import java.util.List;

/**
 * An index that does not merely implement a primary key or unique constraint.
 *
 * @param columns column names or expressions, in key order, with {@code DESC} where descending
 * @param predicate the WHERE of a partial index, null for a full one
 */
public record Index(String name, List<String> columns, boolean unique, String predicate) {
    public Index {
        columns = Sorting.copy(columns);
    }
}
