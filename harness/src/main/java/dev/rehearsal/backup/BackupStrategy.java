package dev.rehearsal.backup;

import dev.rehearsal.ErrorCode;
import dev.rehearsal.RehearsalException;
import dev.rehearsal.database.Target;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
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

    /**
     * Writes a backup of {@code source} into {@code file}, which exists, is empty and is owner-only,
     * and reads the manifest's view of the source with {@code reader}: in the dump's own snapshot
     * where the engine can share one (PostgreSQL), else just before the dump.
     */
    SourceState dump(Target source, Path file, SourceState.Reader reader);

    /**
     * Replaces the whole content of {@code target} with the backup in {@code file}, checking the
     * restored content against {@code check} before it replaces anything where the engine can
     * (PostgreSQL: inside the transaction, before COMMIT; SQLite: a verified side copy). With
     * {@link RestoreProtection#TRANSACTION} a failure leaves {@code target} unchanged; otherwise it may
     * leave it empty or partly restored, marked as such, and the caller guards it (see
     * {@link #restoreProtection()}).
     */
    void restore(Path file, Target target, RestoreCheck check);

    /** Whether {@link #restore} is all or nothing, or needs a safety backup around it. */
    RestoreProtection restoreProtection();

    /** Reads {@code source}'s state with {@code reader} over a connection of its own, then closes it. */
    static SourceState readSeparately(Target source, SourceState.Reader reader) {
        try (Connection c = source.connect()) {
            return reader.read(c);
        } catch (SQLException e) {
            throw new RehearsalException(ErrorCode.BACKUP_FAILED, "cannot read "
                    + source.displayUrl() + " before backing it up: " + e.getMessage() + "; nothing was changed", e);
        }
    }

    /** The engine's own integrity check of a backup file; empty when it is sound. */
    List<String> integrityProblems(Path file);
}
