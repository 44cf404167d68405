package dev.rehearsal.runner;

import dev.rehearsal.migration.MigrationVersion;
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
}
