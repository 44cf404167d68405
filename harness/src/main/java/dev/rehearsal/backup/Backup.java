package dev.rehearsal.backup;

import dev.rehearsal.database.Target;
import java.nio.file.Path;

/**
 * One backup: the file the engine's tool wrote and the manifest describing it.
 *
 * @param file the backup file, e.g. {@code backups/db_backup_20240301-120000.dump}
 * @since 0.1
 */
public record Backup(Path file, BackupManifest manifest) {

    /** The manifest beside the file: {@code <file name>.manifest.json}. */
    public Path manifestFile() {
        return manifestFileOf(file);
    }

    /** The file name, which names the backup on the command line. */
    public String name() {
        return file.getFileName().toString();
    }

    /** The command that restores this backup into {@code target}, for messages; the password is never in it. */
    public String restoreCommand(Target target) {
        return "rehearsal backup restore " + name() + " --backup-dir " + file.toAbsolutePath().getParent() + " --url '"
                + target.displayUrl() + "'" + (target.user() == null ? "" : " --user " + target.user()) + " --force";
    }

    static Path manifestFileOf(Path file) {
        return file.resolveSibling(file.getFileName() + BackupManifest.SUFFIX);
    }
}
