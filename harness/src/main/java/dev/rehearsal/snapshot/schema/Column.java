package dev.rehearsal.snapshot.schema;

/**
 * One column.
 *
 * @param position 1-based, among the live columns (dropped columns leave no gap)
 * @param type the engine's type name, normalized (SQLite upper-cased, MariaDB without display widths)
 * @param defaultValue the default expression as the catalog reports it, outer parentheses trimmed; null for none
 * @param generated how the engine computes the value ({@code GENERATED ALWAYS AS IDENTITY},
 *     {@code AUTO_INCREMENT}, {@code GENERATED ALWAYS AS (...) STORED}); null for a plain column
 * @param collation null where the catalog does not expose one or it is the type's default (PostgreSQL)
 */
public record Column(String name, int position, String type, boolean nullable, String defaultValue,
        String generated, String collation) {
}
