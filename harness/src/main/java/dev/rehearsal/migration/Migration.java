package dev.rehearsal.migration;

/**
 * One versioned migration: its up script and, when the files provide one, its down script.
 *
 * @param version the version from the file name
 * @param description the name part of the file name, words separated by spaces
 * @param format the convention the files follow
 * @param up the forward script; empty (no statement) for a no-op migration of a format that allows one
 * @param down the rollback script, or null when the files have none
 * @param checksum SHA-256 (hex) over every file of the migration, line endings normalized
 */
public record Migration(
        MigrationVersion version,
        String description,
        MigrationFormat format,
        MigrationScript up,
        MigrationScript down,
        String checksum) {

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
