package dev.rehearsal.snapshot.schema;

/**
 * A PostgreSQL enum or domain.
 *
 * @param kind {@code enum} or {@code domain}
 * @param definition {@code ('draft', 'published')} for an enum; base type, NOT NULL, default and checks for a domain
 */
public record UserType(String name, String kind, String definition) {
}
