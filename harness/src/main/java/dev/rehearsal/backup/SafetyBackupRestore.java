package dev.rehearsal.backup;

import dev.rehearsal.ErrorCode;
import dev.rehearsal.RehearsalException;
import dev.rehearsal.database.Target;
import dev.rehearsal.verification.DatabaseSnapshot;
import java.nio.file.Path;
import java.util.HashSet;

/**
 * A restore on an engine that cannot replace a database in one transaction: back the target up
 * first (verified), and if the restore fails part-way, restore that safety
 * backup, so a failure never leaves the target empty without a word.
 */
final class SafetyBackupRestore {
    private final BackupService service;
    private final BackupStrategy strategy;

    SafetyBackupRestore(BackupService service, BackupStrategy strategy) {
        this.service = service;
        this.strategy = strategy;
    }

    RestoreResult restore(Backup backup, Target target) {
        Backup safety = takeSafetyBackup(backup, target);
        try {
            strategy.restore(backup.file(), target);
        } catch (RehearsalException failure) {
            throw restoreSafetyBackup(backup, target, safety, failure);
        }
        DatabaseSnapshot restored = service.checkRestored(backup, target,
                "; what it held before the restore is in the safety backup " + safety.file());
        return new RestoreResult(backup, restored, RestoreProtection.SAFETY_BACKUP, safety);
    }

    private Backup takeSafetyBackup(Backup backup, Target target) {
        String refusal = ", so " + backup.name() + " was not restored and " + target.displayUrl() + " was not touched";
        Backup safety;
        try {
            safety = service.create(target, directoryOf(backup), new HashSet<>(backup.manifest().excludedTables()));
        } catch (RehearsalException e) {
            throw new RehearsalException(ErrorCode.BACKUP_FAILED, "cannot take a safety backup of "
                    + target.displayUrl() + refusal + ": " + e.getMessage(), e);
        }
        // Checksum and integrity (the dump ran to its end); no trial restore, which would need a
        // scratch database the restoring user may not be allowed to create.
        VerificationOutcome verified = service.verify(safety, (Target) null);
        if (!verified.ok()) {
            throw new RehearsalException(ErrorCode.BACKUP_FAILED, "the safety backup " + safety.file() + " of "
                    + target.displayUrl() + " fails verification" + refusal + "\n" + verified.render());
        }
        return safety;
    }

    private RehearsalException restoreSafetyBackup(Backup backup, Target target, Backup safety,
            RehearsalException failure) {
        String failed = "restore of " + backup.name() + " into " + target.displayUrl() + " failed part-way: "
                + failure.getMessage();
        try {
            strategy.restore(safety.file(), target);
            DatabaseSnapshot back = service.checkRestored(safety, target, "");
            return new RehearsalException(ErrorCode.BACKUP_FAILED, failed + "\nThe safety backup " + safety.file()
                    + " was restored automatically: " + target.displayUrl() + " is back to what it held before the"
                    + " restore (checked: data checksum " + DataChecksum.of(back.data()) + ")", failure);
        } catch (RehearsalException second) {
            return new RehearsalException(ErrorCode.BACKUP_FAILED, failed + "\nRestoring the safety backup "
                    + safety.file() + " ALSO FAILED: " + second.getMessage() + "\n" + target.displayUrl()
                    + " may be empty or partly restored. Restore it by hand: " + safety.restoreCommand(target), failure);
        }
    }

    private static Path directoryOf(Backup backup) {
        return backup.file().toAbsolutePath().getParent();
    }
}
