package dev.rehearsal.snapshot.schema;

/**
 * An object a migration can create that is neither a table nor hangs off one, compared by its
 * definition alone: a PostgreSQL extension, schema, comment, collation, event trigger or publication,
 * a MariaDB event or comment.
 *
 * @param kind one of the {@link SchemaDiffer} kinds ({@code extension}, {@code schema}, {@code comment}, ...)
 * @param name how a person names it: {@code pgcrypto}, {@code on docs.title}
 * @param definition what it is, as one line ({@code version 1.3 in schema public}); compared as text
 * @since 0.2
 */
public record CatalogObject(String kind, String name, String definition) {
}
