package dev.rehearsal.snapshot.schema;

/** @param definition what the engine reports for it (the CREATE TRIGGER text or its parts), whitespace-normalized */
public record Trigger(String name, String table, String definition) {
}
