package dev.rehearsal.runner.history;

import dev.rehearsal.migration.MigrationVersion;
import java.time.Instant;

/**
 * One migration's row in the history table: its latest state.
 *
 * @param statementsRun for a failed migration, how many statements had run (and, where DDL is
 *     not transactional, stay applied) before the failure, or {@link #UNKNOWN_PROGRESS} when the
 *     runner was cut off mid-script; otherwise the script's count
 * @param error the database's message for a failed migration, else null
 * @param checksum the migration's checksum over up and down together ({@code Migration.checksum})
 * @param upChecksum the up part's checksum, or null for a row recorded before the history kept it
 *     (table format 1): only {@code checksum} is known for such a row
 * @param downChecksum the down part's checksum when the row was last written, null when the
 *     migration had no down then (or for a format-1 row)
 */
public record HistoryRow(
        MigrationVersion version,
        String name,
        String checksum,
        String upChecksum,
        String downChecksum,
        Instant appliedAt,
        long executionMillis,
        int batch,
        HistoryStatus status,
        String installedBy,
        int statementsRun,
        String error) {

    /**
     * Written before a script that runs without a transaction starts, and replaced when it ends: if
     * the runner dies (connection cut, process killed) the row stays and says the state is unknown.
     */
    public static final int UNKNOWN_PROGRESS = -1;

    /** Written by a Rehearsal that kept one checksum for up and down: which part changed cannot be told. */
    public boolean hasCombinedChecksumOnly() {
        return upChecksum == null;
    }

    /** A failure that may have left statements applied: the database needs a look, then repair. */
    public boolean isPartialFailure() {
        return status == HistoryStatus.FAILED && statementsRun != 0;
    }
}
