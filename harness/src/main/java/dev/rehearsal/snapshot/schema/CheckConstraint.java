package dev.rehearsal.snapshot.schema;

/**
 * @param name null when the engine keeps none (unnamed SQLite checks)
 * @param expression the condition without the {@code CHECK} keyword, whitespace-normalized
 */
public record CheckConstraint(String name, String expression) {
    String key() {
        return name != null ? name : "(" + expression + ")";
    }
}
