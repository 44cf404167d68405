package dev.rehearsal.backup;

import dev.rehearsal.RehearsalException;
import dev.rehearsal.database.Dialect;
import dev.rehearsal.migration.MigrationVersion;
import dev.rehearsal.runner.history.HistoryRow;
import dev.rehearsal.runner.history.HistoryStatus;
import dev.rehearsal.runner.history.SchemaHistory;
import dev.rehearsal.verification.DatabaseSnapshot;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What a manifest records about the database a backup was taken of, read over a connection that
 * sees what the dump sees where the engine allows it.
 *
 * @param contentDigests the engine's own per-table digests for its in-transaction restore check; empty when none
 */
record SourceState(String serverVersion, DatabaseSnapshot state, String lastMigration, List<String> unfinishedMigrations,
        SortedMap<String, String> contentDigests) {

    SourceState {
        unfinishedMigrations = List.copyOf(unfinishedMigrations);
        contentDigests = new TreeMap<>(contentDigests);
    }

    SourceState withContentDigests(SortedMap<String, String> digests) {
        return new SourceState(serverVersion, state, lastMigration, unfinishedMigrations, digests);
    }

    /** Reads the manifest's view of the database on {@code c}: version, snapshot and history. */
    static SourceState read(Connection c, Dialect dialect, Set<String> excluded) throws SQLException {
        String serverVersion = dialect.serverVersion(c);
        DatabaseSnapshot state = DatabaseSnapshot.take(c, dialect, excluded);
        List<HistoryRow> history = history(c, dialect, excluded);
        String last = history.stream().filter(r -> r.status() == HistoryStatus.APPLIED).map(HistoryRow::version)
                .max(Comparator.naturalOrder()).map(MigrationVersion::text).orElse(null);
        List<String> unfinished = history.stream().filter(r -> r.status() == HistoryStatus.FAILED)
                .map(r -> r.version().text() + (r.statementsRun() == HistoryRow.UNKNOWN_PROGRESS ? " interrupted" : " failed"))
                .toList();
        return new SourceState(serverVersion, state, last, unfinished, new TreeMap<>());
    }

    /**
     * The rows of whichever excluded table is a Rehearsal history table (the caller passes the
     * history's internal tables; the lock table is not a history and is skipped). Inside a
     * transaction (PostgreSQL reads in the dump's snapshot) each attempt runs behind a savepoint, as
     * a failed query would otherwise abort the transaction.
     */
    private static List<HistoryRow> history(Connection c, Dialect dialect, Set<String> excluded) throws SQLException {
        for (String table : new TreeSet<>(excluded)) {
            Savepoint savepoint = c.getAutoCommit() ? null : c.setSavepoint();
            try {
                List<HistoryRow> rows = new SchemaHistory(dialect, table).rows(c);
                if (!rows.isEmpty()) {
                    return rows;
                }
            } catch (RehearsalException | SQLException e) {
                if (savepoint != null) {
                    c.rollback(savepoint); // not a history table (the lock table, a user's table): the next one
                }
            }
        }
        return List.of();
    }

    /** Reads the state over a connection; see {@link BackupStrategy#dump}. */
    @FunctionalInterface
    interface Reader {
        SourceState read(Connection c) throws SQLException;
    }
}
