package dev.rehearsal.snapshot.schema;

/**
 * @param name null when the engine keeps none (unnamed SQLite checks)
 * @param expression the condition without the {@code CHECK} keyword, whitespace-normalized
 */
public record CheckConstraint(String name, String expression) {
    String key() {
        // Normalized: an unnamed check written with other spacing or case is the same check.
        return name != null ? name : "(" + SqlExpression.normalize(expression) + ")";
    }
}
