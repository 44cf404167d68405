package dev.rehearsal.snapshot.schema;

import java.util.List;
import java.util.Optional;

/** Tells whether a column moved relative to the columns present on both sides. */
final class ColumnOrder {
    private final SchemaSnapshot before;
    private final SchemaSnapshot after;

    ColumnOrder(SchemaSnapshot before, SchemaSnapshot after) {
        this.before = before;
        this.after = after;
    }

    /** {@code (id, label, priority)}: the columns both sides share, in the order of one side. */
    String shared(String table, boolean beforeSide) {
        Table was = before.table(table).orElseThrow();
        Table is = after.table(table).orElseThrow();
        Table side = beforeSide ? was : is;
        Table other = beforeSide ? is : was;
        return "(" + String.join(", ", side.columns().stream().map(Column::name)
                .filter(name -> other.column(name).isPresent()).toList()) + ")";
    }

    boolean moved(String table, String column) {
        Optional<Table> was = before.table(table);
        Optional<Table> is = after.table(table);
        if (was.isEmpty() || is.isEmpty()) {
            return false;
        }
        List<String> shared = was.get().columns().stream().map(Column::name)
                .filter(name -> is.get().column(name).isPresent()).toList();
        List<String> sharedAfter = is.get().columns().stream().map(Column::name)
                .filter(name -> was.get().column(name).isPresent()).toList();
        return shared.indexOf(column) != sharedAfter.indexOf(column);
    }
}
