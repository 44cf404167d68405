package dev.rehearsal.migration;

import dev.rehearsal.ErrorCode;
import dev.rehearsal.RehearsalException;
import dev.rehearsal.database.Dialect;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Builds a migration whose up and down live in separate files (paired files, diesel, Flyway V/U). */
final class UpDownFiles {
    private UpDownFiles() {
    }

    /**
     * @param down the down file, or null when there is none
     * @param transactional false when the format's metadata opts the migration out of a transaction
     */
    static Migration migration(VariantSelection.VersionFiles version, MigrationFormat format, Path up, Path down,
            boolean transactional, Dialect dialect) {
        return migration(version, format, up, transactional, down, transactional, dialect);
    }

    /** The same, with each file's own opt-out (popx marks the up and the down file separately). */
    static Migration migration(VariantSelection.VersionFiles version, MigrationFormat format, Path up,
            boolean upTransactional, Path down, boolean downTransactional, Dialect dialect) {
        String upText = SourceText.read(up);
        // An empty or comment-only up file is a no-op migration, as golang-migrate, sqlx, diesel and popx
        // run it: teams keep one as a placeholder, or for a version only another dialect's variant needs.
        MigrationScript upScript = Scripts.split(up, upText, 1, upTransactional, dialect);
        List<String> texts = new ArrayList<>(List.of(upText));
        MigrationScript downScript = null;
        String downChecksum = null;
        if (down != null) {
            String downText = SourceText.read(down);
            texts.add(downText);
            downScript = Scripts.split(down, downText, 1, downTransactional, dialect);
            downChecksum = Checksums.of(List.of(downText));
        }
        return new Migration(version.version(), version.description(), format, upScript, downScript,
                Checksums.of(texts), Checksums.of(List.of(upText)), downChecksum);
    }

    /**
     * The up file chosen for the dialect.
     *
     * @param expectedUp the up file's name, for the message
     * @throws RehearsalException BAD_MIGRATION_FILE when no dialect has one (a down without its up), or
     *     only other dialects have one
     */
    static Path chosenUp(VariantSelection.VersionFiles files, String upRole, String expectedUp) {
        Path up = files.requiredForTarget(upRole);
        if (up == null) {
            throw new RehearsalException(ErrorCode.BAD_MIGRATION_FILE, files.all().get(0).path()
                    + ": has no up file; add " + expectedUp + " or delete it");
        }
        return up;
    }
}
