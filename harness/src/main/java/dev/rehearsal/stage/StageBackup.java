package dev.rehearsal.stage;

import dev.rehearsal.ErrorCode;
import dev.rehearsal.RehearsalException;
import dev.rehearsal.backup.Backup;
import dev.rehearsal.backup.BackupService;
import dev.rehearsal.backup.VerificationOutcome;
import dev.rehearsal.database.IsolatedDatabase;
import dev.rehearsal.database.Target;
import java.util.Set;

/** A stage's first step: the backup it restores on failure, verified by a trial restore. */
final class StageBackup {
    private final Target target;
    private final BackupService backups;
    private final StageListener listener;

    StageBackup(Target target, BackupService backups, StageListener listener) {
        this.target = target;
        this.backups = backups;
        this.listener = listener;
    }

    /**
     * The verified backup, or null (with a warning) under {@code --skip-backup}.
     *
     * @throws RehearsalException {@code BACKUP_FAILED} when it cannot be written or fails verification
     */
    Backup take(StageOptions options, Set<String> internalTables) {
        if (options.skipBackup()) {
            listener.warning("--skip-backup: NO BACKUP is taken. If the migration or a check fails, nothing restores "
                    + target.displayUrl() + "; it stays as the failure left it");
            return null;
        }
        Backup backup = backups.create(target, options.backupDir(), internalTables);
        VerificationOutcome verified = verifyWithTrialRestore(backup);
        if (!verified.ok()) {
            throw new RehearsalException(ErrorCode.BACKUP_FAILED, "the fresh backup fails verification; not migrating."
                    + " The database was not changed\n" + verified.render());
        }
        return backup;
    }

    /**
     * Only a backup that restores is a safety net, so it is restored into a scratch database on the
     * target's server. A user who may not create one still gets the checksum and integrity checks,
     * and a warning.
     */
    private VerificationOutcome verifyWithTrialRestore(Backup backup) {
        IsolatedDatabase scratch;
        try {
            scratch = IsolatedDatabase.on(target, "rehearsal_trial");
        } catch (RehearsalException e) {
            listener.warning("the backup gets no trial restore (" + e.getMessage() + "); it is checked by checksum and"
                    + " integrity check only");
            return backups.verify(backup, (Target) null);
        }
        try (scratch) {
            return backups.verify(backup, scratch);
        }
    }
}
