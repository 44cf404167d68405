package dev.rehearsal.snapshot.schema;

import java.util.List;

/** @param name null on SQLite, which does not keep it */
public record PrimaryKey(String name, List<String> columns) {
    public PrimaryKey {
        columns = Sorting.copy(columns);
    }
}
