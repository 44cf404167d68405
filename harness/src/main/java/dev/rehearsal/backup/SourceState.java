package dev.rehearsal.backup;

import dev.rehearsal.verification.DatabaseSnapshot;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

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

    /** Reads the state over a connection; see {@link BackupStrategy#dump}. */
    @FunctionalInterface
    interface Reader {
        SourceState read(Connection c) throws SQLException;
    }
}
