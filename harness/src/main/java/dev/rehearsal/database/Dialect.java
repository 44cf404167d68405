package dev.rehearsal.database;

import dev.rehearsal.migration.sql.SqlSyntax;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Set;

/**
 * What differs between the database engines Rehearsal drives. One implementation per engine;
 * everything above this seam is engine-neutral.
 */
public interface Dialect {

    /** Short, stable name: {@code sqlite}, {@code postgres}, {@code mariadb}. */
    String name();

    /** The infix of dialect-specific migration files ({@code name.<infix>.up.sql}), e.g. {@code mysql}. */
    String fileVariant();

    /**
     * Other infixes that mean this dialect in migration file names ({@code pg} and {@code postgresql}
     * for {@code postgres}); empty when there are none.
     */
    default Set<String> fileVariantAliases() {
        return Set.of();
    }

    /**
     * The longest identifier (table name) the engine keeps, in characters of a plain ASCII name;
     * {@link Integer#MAX_VALUE} when it sets no limit. PostgreSQL truncates longer names silently.
     */
    default int maxIdentifierLength() {
        return Integer.MAX_VALUE;
    }

    /** The lexical rules the statement splitter uses for this engine. */
    SqlSyntax syntax();

    /** True when DDL can be rolled back with the transaction (SQLite, PostgreSQL; not MariaDB). */
    boolean transactionalDdl();

    /** Quotes an identifier for this engine; the SQL standard's double quotes unless overridden. */
    default String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }

    /** The column type for long text (history table, markers). */
    default String textType() {
        return "TEXT";
    }


    /**
     * Takes the cross-process migration lock, waiting up to {@code timeout}.
     *
     * @return a handle whose {@code close()} releases the lock
     * @throws dev.rehearsal.RehearsalException with {@code LOCK_TIMEOUT} when another runner keeps it
     */
    MigrationLock lock(Connection connection, String lockName, Duration timeout) throws SQLException;

    /**
     * Makes {@code connection}'s current transaction read-only, for work that must never write
     * (verification checks, pre captures). Called with auto-commit off, before the transaction's
     * first statement or right after a savepoint; the caller rolls back afterwards.
     *
     * @param insideCallersTransaction true when a transaction of the caller was open before (then
     *     only a savepoint separates this work from it)
     * @return undoes what outlives the transaction (session settings); run after the rollback
     * @throws dev.rehearsal.RehearsalException with {@code BAD_USAGE} when the engine cannot make an
     *     open transaction read-only
     * @since 0.2
     */
    ReadOnlySession beginReadOnly(Connection connection, boolean insideCallersTransaction) throws SQLException;

    /** Whether {@code e} is this engine refusing a write because the transaction or session is read-only. */
    boolean refusedAsReadOnly(SQLException e);

    /** What {@link #beginReadOnly} changed beyond the transaction, undone after it. */
    @FunctionalInterface
    interface ReadOnlySession {
        void end() throws SQLException;
    }

    /** The engine's version string, as the server reports it. */
    default String serverVersion(Connection connection) throws SQLException {
        return connection.getMetaData().getDatabaseProductVersion();
    }

    /** Finds the dialect for a JDBC URL. */
    static Dialect forUrl(String jdbcUrl) {
        return Dialects.forUrl(jdbcUrl);
    }
}
