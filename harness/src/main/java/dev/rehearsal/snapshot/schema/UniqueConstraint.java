package dev.rehearsal.snapshot.schema;

import java.util.List;

/** @param name null on SQLite, where the backing {@code sqlite_autoindex_*} name is not stable */
public record UniqueConstraint(String name, List<String> columns) {
    public UniqueConstraint {
        columns = Sorting.copy(columns);
    }

    String key() {
        return name != null ? name : "(" + String.join(", ", columns) + ")";
    }
}
