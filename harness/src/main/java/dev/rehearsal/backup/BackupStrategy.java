package dev.rehearsal.backup;

import dev.rehearsal.database.Target;
import java.nio.file.Path;
import java.util.List;

/**
 * How one engine writes, checks and restores a backup file. One implementation per engine:
 * {@link SqliteBackupStrategy}, {@link PostgresBackupStrategy}, {@link MariaDbBackupStrategy}.
 * Everything engine-neutral (naming, manifests, checksums, fingerprints) lives in {@link BackupService}.
 *
 * @since 0.1
 */
public interface BackupStrategy {

    /** The backup file's extension, without the dot ({@code db}, {@code dump}, {@code sql}). */
    String extension();

    /**
     * Checks that everything a dump of {@code source} needs is there (client tools on the PATH, a
     * client not older than the server). Changes nothing.
     *
     * @throws dev.rehearsal.RehearsalException with {@code BACKUP_FAILED}, naming what is missing
     */
    void checkCanDump(Target source);

    /** Checks that a restore into {@code target} can run (client tools). Changes nothing. */
    void checkCanRestore(Target target);

    /** Writes a backup of {@code source} into {@code file}, which exists, is empty and is owner-only. */
    void dump(Target source, Path file);

    /**
     * Replaces the whole content of {@code target} with the backup in {@code file}. With
     * {@link RestoreProtection#TRANSACTION} a failure leaves {@code target} unchanged; otherwise it may
     * leave it empty or partly restored, and the caller guards it (see {@link #restoreProtection()}).
     */
    void restore(Path file, Target target);

    /** Whether {@link #restore} is all or nothing, or needs a safety backup around it. */
    RestoreProtection restoreProtection();

    /** The engine's own integrity check of a backup file; empty when it is sound. */
    List<String> integrityProblems(Path file);
}
