package dev.rehearsal.runner;

import dev.rehearsal.migration.MigrationVersion;
import dev.rehearsal.runner.history.HistoryStatus;
import java.time.Instant;

/**
 * One row of {@code status}: a migration on disk, in the history, or both.
 *
 * @param state pending, applied, failed, rolled_back, or missing (applied, file gone)
 * @param appliedAt null when never run
 * @param executionMillis -1 when never run
 */
public record MigrationStatus(MigrationVersion version, String name, String state, Instant appliedAt,
        long executionMillis, int batch, boolean hasRollback) {

    /** Whether {@code up} would apply it: never applied, or rolled back since. */
    public boolean awaitsUp() {
        return state.equals("pending") || state.equals(HistoryStatus.ROLLED_BACK.column());
    }

    /** Whether {@code down} could roll it back. */
    public boolean isApplied() {
        return state.equals(HistoryStatus.APPLIED.column());
    }
}
