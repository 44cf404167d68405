package dev.rehearsal.snapshot.schema;

import java.util.List;

/**
 * A PostgreSQL materialized view: a query whose result is stored, and may be indexed like a table.
 *
 * @param definition the query as the server deparses it, whitespace-normalized
 */
public record MaterializedView(String name, String definition, List<Index> indexes) {
    public MaterializedView {
        indexes = Sorting.byName(indexes, Index::name);
    }
}
