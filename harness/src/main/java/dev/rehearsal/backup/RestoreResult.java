package dev.rehearsal.backup;

import dev.rehearsal.verification.DatabaseSnapshot;

/**
 * A restore that succeeded: the target's state afterwards (checked equal to the backup's manifest)
 * and what protected the target while it ran.
 *
 * @param safetyBackup the verified backup of the target taken just before the restore, kept in the
 *     backup's directory; null when the restore ran in one transaction
 * @since 0.1
 */
public record RestoreResult(Backup backup, DatabaseSnapshot state, RestoreProtection protection, Backup safetyBackup) {

    /** {@code in one transaction} or {@code behind the verified safety backup <file> (kept)}. */
    public String protectionDescription() {
        return protection == RestoreProtection.TRANSACTION ? "in one transaction"
                : "behind the verified safety backup " + safetyBackup.file() + " (kept)";
    }
}
