package dev.rehearsal.snapshot.schema;

import java.util.List;

/**
 * A foreign key.
 *
 * @param name null on SQLite, whose pragmas do not report it
 * @param onDelete the referential action, upper-case ({@code NO ACTION}, {@code CASCADE}, ...)
 */
public record ForeignKey(String name, List<String> columns, String referencedTable, List<String> referencedColumns,
        String onDelete, String onUpdate) {

    public ForeignKey {
        columns = Sorting.copy(columns);
        referencedColumns = Sorting.copy(referencedColumns);
    }

    /** How it is told apart from its siblings: the name, or what it links when unnamed. */
    String key() {
        return name != null ? name : "(" + String.join(", ", columns) + ") -> " + referencedTable + "("
                + String.join(", ", referencedColumns) + ")";
    }
}
