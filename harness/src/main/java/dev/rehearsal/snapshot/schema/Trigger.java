package dev.rehearsal.snapshot.schema;

/**
 * @param definition what the engine reports for it (the CREATE TRIGGER text or its parts), whitespace-normalized
 * @param functionBody on PostgreSQL, the source of the function the trigger executes, whitespace-normalized:
 *     the trigger definition only names it, so a rollback that leaves an older body behind changes what the
 *     trigger does without changing the trigger; null elsewhere, where the definition holds the body
 */
public record Trigger(String name, String table, String definition, String functionBody) {

    /** A trigger whose definition holds everything it does (SQLite, MariaDB). */
    public Trigger(String name, String table, String definition) {
        this(name, table, definition, null);
    }
}
