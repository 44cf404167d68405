package dev.rehearsal.backup;

import dev.rehearsal.database.Target;
import java.util.function.Consumer;

/**
 * What a strategy checks before a restore replaces anything, and what it leaves behind while it
 * cannot be all or nothing.
 *
 * @param manifest the backup's manifest, whose state the restored content must equal
 * @param verifyStaged throws {@code BACKUP_FAILED} with the differences when a staged copy (a side
 *     file, a scratch database) differs from the manifest
 * @param interruptedNote for engines that replace a database in many commits (MariaDB): what the
 *     marker left in the target until the restore is checked says (which safety backup holds the
 *     previous content, and the command that restores it)
 */
record RestoreCheck(BackupManifest manifest, Consumer<Target> verifyStaged, String interruptedNote) {
}
