package dev.rehearsal.runner.history;

import dev.rehearsal.migration.MigrationVersion;
import java.time.Instant;

/**
 * One migration's row in the history table: its latest state.
 *
 * @param statementsRun for a failed migration, how many statements had run (and, where DDL is
 *     not transactional, stay applied) before the failure; otherwise the script's count
 * @param error the database's message for a failed migration, else null
 */
public record HistoryRow(
        MigrationVersion version,
        String name,
        String checksum,
        Instant appliedAt,
        long executionMillis,
        int batch,
        HistoryStatus status,
        String installedBy,
        int statementsRun,
        String error) {
}
