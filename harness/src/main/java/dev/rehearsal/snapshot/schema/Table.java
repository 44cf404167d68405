package dev.rehearsal.snapshot.schema;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * One table with everything that hangs off it.
 *
 * @param primaryKey null when the table has none
 */
public record Table(String name, List<Column> columns, PrimaryKey primaryKey, List<ForeignKey> foreignKeys,
        List<UniqueConstraint> uniqueConstraints, List<CheckConstraint> checkConstraints, List<Index> indexes) {

    public Table {
        columns = columns == null ? List.of()
                : columns.stream().sorted(Comparator.comparingInt(Column::position)).toList();
        foreignKeys = Sorting.byName(foreignKeys, ForeignKey::key);
        uniqueConstraints = Sorting.byName(uniqueConstraints, UniqueConstraint::key);
        checkConstraints = Sorting.byName(checkConstraints, CheckConstraint::key);
        indexes = Sorting.byName(indexes, Index::name);
    }

    public Optional<Column> column(String columnName) {
        return columns.stream().filter(c -> c.name().equals(columnName)).findFirst();
    }

    public Optional<Index> index(String indexName) {
        return indexes.stream().filter(i -> i.name().equals(indexName)).findFirst();
    }
}
