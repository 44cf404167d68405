package dev.rehearsal.drill;

import dev.rehearsal.migration.Migration;

/**
 * What one injected fault left behind, after its recovery path ran.
 *
 * @param migration the migration the fault was injected into
 * @param fault e.g. {@code fail after statement 3}, {@code connection cut after statement 2}
 * @param recoveryPath {@code transaction rollback} or {@code restore from backup}
 * @param recovered schema and data equal the pre-migration state and the history does not say applied
 * @param diff what differs from the pre-migration state, or why the fault did not recover; empty when recovered
 * @param historyStatus the migration's history entry right after the fault ({@code failed},
 *     {@code not applied}, never {@code applied} when all is well), and after a restore what it became
 * @since 0.1
 */
public record FaultResult(Migration migration, String fault, String recoveryPath, boolean recovered, String diff,
        String historyStatus) {
}
