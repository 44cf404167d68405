package dev.rehearsal.verification.assertj;

import dev.rehearsal.snapshot.schema.Column;
import dev.rehearsal.snapshot.schema.Index;
import dev.rehearsal.snapshot.schema.SchemaSnapshot;
import dev.rehearsal.snapshot.schema.Table;
import java.util.Optional;
import java.util.stream.Collectors;
import org.assertj.core.api.AbstractAssert;

/**
 * Assertions on a {@link SchemaSnapshot}. Names match exactly, then case-insensitively (PostgreSQL
 * folds to lower case). Failures list what the snapshot does have.
 *
 * @since 0.1
 */
public final class SchemaSnapshotAssert extends AbstractAssert<SchemaSnapshotAssert, SchemaSnapshot> {

    SchemaSnapshotAssert(SchemaSnapshot actual) {
        super(actual, SchemaSnapshotAssert.class);
    }

    public SchemaSnapshotAssert hasTable(String table) {
        isNotNull();
        if (find(table).isEmpty()) {
            failWithMessage("%s", "Expected the schema to have table " + table + ", but it has: " + tables());
        }
        return this;
    }

    public SchemaSnapshotAssert doesNotHaveTable(String table) {
        isNotNull();
        if (find(table).isPresent()) {
            failWithMessage("%s", "Expected the schema not to have table " + table + ", but it does ("
                    + find(table).get().columns().size() + " columns)");
        }
        return this;
    }

    public SchemaSnapshotAssert hasColumn(String table, String column) {
        Table found = table(table);
        if (found.columns().stream().noneMatch(c -> c.name().equalsIgnoreCase(column))) {
            failWithMessage("%s", "Expected table " + found.name() + " to have column " + column + ", but it has: "
                    + found.columns().stream().map(Column::name).collect(Collectors.joining(", ")));
        }
        return this;
    }

    /** An index (not one that only backs a primary key or unique constraint) on {@code table}. */
    public SchemaSnapshotAssert hasIndex(String table, String index) {
        Table found = table(table);
        if (found.indexes().stream().noneMatch(i -> i.name().equalsIgnoreCase(index))) {
            String indexes = found.indexes().stream().map(Index::name).collect(Collectors.joining(", "));
            failWithMessage("%s", "Expected table " + found.name() + " to have index " + index + ", but it has "
                    + (indexes.isEmpty() ? "no indexes" : "indexes: " + indexes));
        }
        return this;
    }

    /** An index of that name on any table. */
    public SchemaSnapshotAssert hasIndex(String index) {
        isNotNull();
        boolean found = actual.tables().stream().flatMap(t -> t.indexes().stream())
                .anyMatch(i -> i.name().equalsIgnoreCase(index));
        if (!found) {
            failWithMessage("%s", "Expected the schema to have index " + index + ", but it has: "
                    + actual.tables().stream().flatMap(t -> t.indexes().stream().map(i -> i.name() + " on " + t.name()))
                            .collect(Collectors.joining(", ")));
        }
        return this;
    }

    private Table table(String table) {
        hasTable(table);
        return find(table).orElseThrow();
    }

    private Optional<Table> find(String table) {
        return actual.table(table).or(() -> actual.tables().stream()
                .filter(t -> t.name().equalsIgnoreCase(table)).findFirst());
    }

    private String tables() {
        String names = actual.tables().stream().map(Table::name).collect(Collectors.joining(", "));
        return names.isEmpty() ? "no tables" : names;
    }
}
