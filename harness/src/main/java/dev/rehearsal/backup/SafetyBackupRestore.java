package dev.rehearsal.backup;

import dev.rehearsal.ErrorCode;
import dev.rehearsal.RehearsalException;
import dev.rehearsal.database.Target;
import dev.rehearsal.verification.DatabaseSnapshot;
import java.nio.file.Path;
import java.util.HashSet;

/**
 * A restore on an engine that cannot replace a database in one transaction: back the target up
 * first (verified), mark the target while it is being replaced ({@link RestoreMarker}), and if the
 * restore fails part-way or its result differs from the backup, restore that safety backup
 * automatically, so a failure never leaves the wrong content in place without a word.
 */
final class SafetyBackupRestore {
    private final BackupService service;
    private final BackupStrategy strategy;

    SafetyBackupRestore(BackupService service, BackupStrategy strategy) {
        this.service = service;
        this.strategy = strategy;
    }

    RestoreResult restore(Backup backup, Target target) {
        // A marker already there means an earlier restore was cut off: it names the state from before
        // that one, so it stays until a restore here succeeds.
        boolean earlierInterruption = RestoreMarker.find(target).isPresent();
        Backup safety = takeSafetyBackup(backup, target);
        String note = "an interrupted `rehearsal backup restore` of " + backup.name() + " left " + target.displayUrl()
                + " partly restored; what it held before is in the safety backup " + safety.file()
                + "; restore it with: " + safety.restoreCommand(target);
        try {
            strategy.restore(backup.file(), target, new RestoreCheck(backup.manifest(), staged -> { }, note));
        } catch (RehearsalException failure) {
            throw restoreSafetyBackup(backup, target, safety, failure, "failed part-way", note, earlierInterruption);
        }
        DatabaseSnapshot restored;
        try {
            restored = service.checkRestored(backup, target, "");
        } catch (RehearsalException differs) {
            throw restoreSafetyBackup(backup, target, safety, differs, "does not match the backup", note,
                    earlierInterruption);
        }
        RestoreMarker.clear(target);
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
            RehearsalException failure, String how, String note, boolean earlierInterruption) {
        String failed = "restore of " + backup.name() + " into " + target.displayUrl() + " " + how + ": "
                + failure.getMessage();
        try {
            strategy.restore(safety.file(), target, new RestoreCheck(safety.manifest(), staged -> { }, note));
            DatabaseSnapshot back = service.checkRestored(safety, target, "");
            if (!earlierInterruption) {
                RestoreMarker.clear(target);
            }
            return new RehearsalException(ErrorCode.BACKUP_FAILED, failed + "\nThe safety backup " + safety.file()
                    + " was restored automatically: " + target.displayUrl() + " is back to what it held before the"
                    + " restore (checked: data checksum " + DataChecksum.of(back.data()) + ")", failure);
        } catch (RehearsalException second) {
            return new RehearsalException(ErrorCode.BACKUP_FAILED, failed + "\nRestoring the safety backup "
                    + safety.file() + " ALSO FAILED: " + second.getMessage() + "\n" + target.displayUrl()
                    + " may be empty or partly restored (it is marked so for every command). Restore it by hand: "
                    + safety.restoreCommand(target), failure);
        }
    }

    private static Path directoryOf(Backup backup) {
        return backup.file().toAbsolutePath().getParent();
    }
}
