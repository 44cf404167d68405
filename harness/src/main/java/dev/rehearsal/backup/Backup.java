package dev.rehearsal.backup;

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

    static Path manifestFileOf(Path file) {
        return file.resolveSibling(file.getFileName() + BackupManifest.SUFFIX);
    }
}
