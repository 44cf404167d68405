package dev.rehearsal.snapshot.schema;

/**
 * A stored function or procedure (PostgreSQL, MariaDB). A down that drops a trigger but leaves its
 * function behind, or restores an older body, changes the schema without touching any table.
 *
 * @param kind {@code function} or {@code procedure}
 * @param arguments the argument list as the engine prints it, without parentheses, e.g. {@code x integer};
 *     with the name it identifies the routine, since PostgreSQL allows overloads
 * @param definition what the routine is and does (signature, return type, attributes, body), whitespace-normalized
 */
public record Routine(String name, String kind, String arguments, String definition) {

    /** {@code set_updated_at()}, {@code f(x integer)}: how a diff names it. */
    public String signature() {
        return name + "(" + arguments + ")";
    }
}
