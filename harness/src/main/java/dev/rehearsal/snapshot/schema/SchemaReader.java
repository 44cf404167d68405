package dev.rehearsal.snapshot.schema;

import dev.rehearsal.ErrorCode;
import dev.rehearsal.RehearsalException;
import dev.rehearsal.database.Dialect;
import dev.rehearsal.database.Dialects;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Reads a {@link SchemaSnapshot} from a live database through the engine's own catalog (not
 * {@code DatabaseMetaData}, which misses triggers, checks and partial indexes).
 *
 * @since 0.1
 */
public final class SchemaReader {
    /** Tables with this prefix belong to Rehearsal (history, lock) and never appear in a snapshot. */
    public static final String OWN_TABLE_PREFIX = "rehearsal_";

    private SchemaReader() {
    }

    /**
     * Snapshots the schema {@code connection} currently points at: the SQLite main database, the
     * PostgreSQL {@code current_schema()}, the MariaDB {@code DATABASE()}.
     *
     * @param excludedTables table names to leave out (compared case-insensitively), e.g. the history
     *     table; tables starting with {@value #OWN_TABLE_PREFIX} and engine internals are always left out
     */
    public static SchemaSnapshot read(Connection connection, Dialect dialect, Set<String> excludedTables) {
        Set<String> excluded = excludedTables.stream().map(SchemaReader::lower).collect(Collectors.toSet());
        Predicate<String> include = name -> !excluded.contains(lower(name)) && !lower(name).startsWith(OWN_TABLE_PREFIX);
        try {
            return readerFor(dialect).read(connection, include);
        } catch (SQLException e) {
            throw new RehearsalException(ErrorCode.CONNECTION_FAILED, "cannot read the " + dialect.name()
                    + " schema catalog: " + e.getMessage() + "; check the user may read the catalog", e);
        }
    }

    private static EngineSchemaReader readerFor(Dialect dialect) {
        if (dialect == Dialects.SQLITE) {
            return new SqliteSchemaReader();
        }
        if (dialect == Dialects.POSTGRES) {
            return new PostgresSchemaReader();
        }
        if (dialect == Dialects.MARIADB) {
            return new MariaDbSchemaReader();
        }
        throw new RehearsalException(ErrorCode.BAD_USAGE, "no schema reader for dialect " + dialect.name()
                + ": use sqlite, postgres or mariadb");
    }

    private static String lower(String name) {
        return name.toLowerCase(Locale.ROOT);
    }
}
