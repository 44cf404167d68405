package dev.rehearsal.backup;

/**
 * What keeps a failed restore from losing the target's data, so every restore can say which.
 *
 * @since 0.1
 */
public enum RestoreProtection {
    /** The whole replacement is one transaction: a failure rolls it back and the target is unchanged. */
    TRANSACTION,
    /**
     * The engine cannot replace a database in one transaction (MariaDB: DDL commits implicitly), so
     * a verified safety backup of the target is taken first and restored if the restore fails.
     */
    SAFETY_BACKUP
}
