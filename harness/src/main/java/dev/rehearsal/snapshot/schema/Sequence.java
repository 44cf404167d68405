package dev.rehearsal.snapshot.schema;

/** A PostgreSQL sequence not owned by a column. */
public record Sequence(String name, String dataType, long start, long increment, long minValue, long maxValue,
        boolean cycle) {
}
