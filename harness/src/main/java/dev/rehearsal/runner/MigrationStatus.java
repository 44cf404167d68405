package dev.rehearsal.runner;

import dev.rehearsal.migration.MigrationVersion;
import dev.rehearsal.runner.history.HistoryStatus;
import java.time.Instant;

/**
 * One row of {@code status}: a migration on disk, in the history, or both.
 *
 * @param state pending, applied, failed, interrupted (the runner was cut off mid-script), rolled_back, or
 *     missing (applied, file gone)
 * @param appliedAt null when never run
 * @param executionMillis -1 when never run
 */
public record MigrationStatus(MigrationVersion version, String name, String state, Instant appliedAt,
        long executionMillis, int batch, boolean hasRollback) {

    /** The state of a migration whose runner stopped mid-script (killed, connection cut): its progress is unknown. */
    public static final String INTERRUPTED = "interrupted";

    /**
     * Whether {@code up} would apply it: never applied, rolled back since, or failed (a failure that
     * left statements applied makes {@code up} refuse until repaired, see {@code MigrationRunner.repairNeeded}).
     */
    public boolean awaitsUp() {
        return state.equals("pending") || state.equals(HistoryStatus.ROLLED_BACK.column())
                || state.equals(HistoryStatus.FAILED.column());
    }

    /** Whether {@code down} could roll it back. */
    public boolean isApplied() {
        return state.equals(HistoryStatus.APPLIED.column());
    }
}
