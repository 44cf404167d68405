package dev.rehearsal.migration;

import java.util.List;

/**
 * One versioned migration: its up script and, when the files provide one, its down script.
 *
 * @param version the version from the file name
 * @param description the name part of the file name, words separated by spaces
 * @param format the convention the files follow
 * @param up the forward script; empty (no statement) for a no-op migration of a format that allows one
 * @param down the rollback script, or null when the files have none
 * @param checksum SHA-256 (hex) over every file of the migration, line endings normalized: the one
 *     checksum history tables of format 1 recorded, still compared for their rows
 * @param upChecksum SHA-256 (hex) of the up part alone: the up file, or a single file's text above its
 *     Down marker (the whole file when it has none); a change makes {@code up} and {@code down} refuse
 * @param downChecksum SHA-256 (hex) of the down part alone (the down file, or a single file's text
 *     from its Down marker to the end), or null when there is none; a change is only a warning
 */
public record Migration(
        MigrationVersion version,
        String description,
        MigrationFormat format,
        MigrationScript up,
        MigrationScript down,
        String checksum,
        String upChecksum,
        String downChecksum) {

    /**
     * For readers whose scripts hold their files' text as written (paired files): the up and down
     * checksums are those of the scripts' text.
     */
    public Migration(MigrationVersion version, String description, MigrationFormat format, MigrationScript up,
            MigrationScript down, String checksum) {
        this(version, description, format, up, down, checksum, Checksums.of(List.of(up.sql())),
                down == null ? null : Checksums.of(List.of(down.sql())));
    }

    /** A missing or empty down never counts as a working rollback. */
    public boolean hasRollback() {
        return down != null && !down.isEmpty();
    }

    /** Why there is no rollback, or null when there is one. */
    public String missingRollbackReason() {
        if (down == null) {
            return "migration " + version + " has no down script";
        }
        if (down.isEmpty()) {
            return "the down script of migration " + version + " is empty (" + down.fileName() + ")";
        }
        return null;
    }

    /** {@code V20240101 unify media}: how a person refers to the migration. */
    public String displayName() {
        return version + " " + description;
    }
}
