package dev.rehearsal.stage;

import dev.rehearsal.backup.Backup;
import dev.rehearsal.verification.SuiteResult;

/**
 * How a staged migration ended.
 *
 * @param backup the safety backup; null with --skip-backup or when nothing was to migrate
 * @param suite the verification suite's result; null when none ran
 * @param checksumBefore the data checksum before the migration (the backup's); null without a backup
 * @param checksumRestored the data checksum after the automatic restore; null when none ran
 * @param summary one paragraph saying what happened and where the backup is
 * @since 0.1
 */
public record StageResult(Outcome outcome, Backup backup, SuiteResult suite, String checksumBefore,
        String checksumRestored, String summary) {

    public enum Outcome {
        /** Migrated (or rolled back) and every error check passed. */
        SUCCEEDED,
        /** Nothing pending (or nothing applied, for a rollback); the database was not touched. */
        NOTHING_TO_DO,
        /** The migration or a check failed; the backup was restored and proved identical. */
        FAILED_RESTORED,
        /**
         * The migration failed inside a transaction that rolled it back, and the database was checked
         * equal to the backup's capture: nothing needed restoring, and nothing was restored.
         */
        FAILED_UNCHANGED,
        /** The migration or a check failed and the database was NOT restored (no backup, or the restore failed). */
        FAILED_NOT_RESTORED
    }

    /** 0 for success or nothing to do, 1 for any failure. */
    public int exitCode() {
        return outcome == Outcome.SUCCEEDED || outcome == Outcome.NOTHING_TO_DO ? 0 : 1;
    }
}
