package dev.rehearsal.snapshot.schema;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.function.Predicate;

/** Reads one engine's catalog; {@link SchemaReader} picks the implementation. */
interface EngineSchemaReader {

    /** @param includeTable false for tables (and their triggers) the snapshot must leave out */
    SchemaSnapshot read(Connection connection, Predicate<String> includeTable) throws SQLException;
}
