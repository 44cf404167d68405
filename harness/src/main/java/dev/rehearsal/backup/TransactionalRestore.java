package dev.rehearsal.backup;

import dev.rehearsal.ErrorCode;
import dev.rehearsal.RehearsalException;
import dev.rehearsal.database.Target;
import dev.rehearsal.snapshot.diff.Diff;
import dev.rehearsal.verification.DatabaseSnapshot;
import java.util.HashSet;
import java.util.Set;

/**
 * A restore on an engine that replaces a database all or nothing (SQLite, PostgreSQL): the strategy
 * checks the content against the manifest before it replaces anything; a failure is rolled back,
 * and whether the target really is as before is checked and said.
 */
final class TransactionalRestore {
    private final BackupService service;
    private final BackupStrategy strategy;

    TransactionalRestore(BackupService service, BackupStrategy strategy) {
        this.service = service;
        this.strategy = strategy;
    }

    RestoreResult restore(Backup backup, Target target) {
        BackupManifest manifest = backup.manifest();
        Set<String> excluded = new HashSet<>(manifest.excludedTables());
        DatabaseSnapshot before = BackupService.snapshot(target, excluded);
        try {
            strategy.restore(backup.file(), target, new RestoreCheck(manifest, staged -> checkStaged(backup, staged,
                    target), null));
        } catch (RehearsalException e) {
            throw new RehearsalException(ErrorCode.BACKUP_FAILED, "restore of " + backup.name() + " into "
                    + target.displayUrl() + " failed and was rolled back: " + stateAfterRollback(target, before, excluded)
                    + "\n" + e.getMessage(), e);
        }
        return new RestoreResult(backup, service.checkRestored(backup, target, ""), RestoreProtection.TRANSACTION, null);
    }

    /** Compares a staged copy (a side file) with the manifest before it replaces {@code target}. */
    private static void checkStaged(Backup backup, Target staged, Target target) {
        BackupManifest manifest = backup.manifest();
        DatabaseSnapshot state = BackupService.snapshot(staged, new HashSet<>(manifest.excludedTables()));
        Diff diff = DatabaseSnapshot.compare(manifest.state(), state, "in the manifest", "in the backup file");
        if (!diff.isEmpty()) {
            throw new RehearsalException(ErrorCode.BACKUP_FAILED, "the content of " + backup.name() + " differs from"
                    + " its manifest (checked in a private copy before replacing anything; checksum "
                    + DataChecksum.of(manifest.data()) + " expected, " + DataChecksum.of(state.data()) + " found), so "
                    + target.displayUrl() + " was not replaced:\n" + diff.render());
        }
    }

    /** Says, after checking, whether a rolled-back restore really left the target as it was. */
    private static String stateAfterRollback(Target target, DatabaseSnapshot before, Set<String> excluded) {
        DatabaseSnapshot now;
        try {
            now = BackupService.snapshot(target, excluded);
        } catch (RehearsalException e) {
            return target.displayUrl() + " should be unchanged, but it cannot be read to check: " + e.getMessage();
        }
        Diff diff = DatabaseSnapshot.compare(before, now, "before the restore", "now");
        return diff.isEmpty() ? target.displayUrl() + " is unchanged (checked: data checksum "
                + DataChecksum.of(now.data()) + ", as before the restore)"
                : target.displayUrl() + " is NOT as before the restore:\n" + diff.render();
    }
}
