package dev.rehearsal.drill;

import dev.rehearsal.backup.Backup;
import dev.rehearsal.backup.BackupService;
import dev.rehearsal.database.Target;
import java.nio.file.Path;
import java.util.Set;

/**
 * A backup taken before a migration by {@link BackupService}. The dump holds every table, the
 * history included, so restoring it also takes back the failed history row a fault leaves;
 * {@code excluded} only keeps Rehearsal's tables out of the manifest's snapshot check.
 */
final class PreMigrationBackup {
    private final BackupService service;
    private final Backup backup;

    private PreMigrationBackup(BackupService service, Backup backup) {
        this.service = service;
        this.backup = backup;
    }

    static PreMigrationBackup take(Target target, Path directory, Set<String> excluded) {
        BackupService service = new BackupService();
        return new PreMigrationBackup(service, service.create(target, directory, excluded));
    }

    /** Replaces the target's content with the backup; BackupService verifies it first and checks the result. */
    void restoreInto(Target target) {
        service.restore(backup, target);
    }
}
