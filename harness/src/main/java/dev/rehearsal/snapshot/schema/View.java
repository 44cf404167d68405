package dev.rehearsal.snapshot.schema;

/** @param definition the query as the engine reports it, whitespace-normalized */
public record View(String name, String definition) {
}
