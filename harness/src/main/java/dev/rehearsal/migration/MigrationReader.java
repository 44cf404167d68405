package dev.rehearsal.migration;

import dev.rehearsal.database.Dialect;
import java.nio.file.Path;
import java.util.List;

/**
 * Reads one migration file convention. The {@link MigrationLoader} asks every reader which entries
 * of a directory it {@link #recognizes}, settles on one format per directory, and hands that reader
 * all of the directory's entries of its format.
 *
 * @since 0.1
 */
public interface MigrationReader {

    /** The convention this reader reads. */
    MigrationFormat format();

    /**
     * True when {@code entry} (a file, or a folder for diesel, directly inside the migrations
     * directory) certainly follows this convention: by its name, and for the single-file formats by a
     * marker comment inside. Decides the directory's format, so it must not claim other formats' files.
     */
    boolean recognizes(Path entry);

    /**
     * True when {@code entry} belongs to this convention once the directory is known to use it, even
     * though {@link #recognizes} cannot tell (a {@code 2_x.sql} that lost its Up marker in a
     * sql-migrate directory). {@link #read} then reports what is wrong with it.
     */
    default boolean accepts(Path entry) {
        return recognizes(entry);
    }

    /**
     * Reads every migration the given entries hold for {@code dialect}: picks the dialect's variant
     * files, splits the scripts, and checks versions.
     *
     * @param entries entries this reader {@link #accepts}, in any order
     * @return the migrations in version order
     * @throws dev.rehearsal.RehearsalException BAD_MIGRATION_FILE (also for an unknown dialect infix, and for
     *     a migration only other dialects have), INVALID_VERSION or DUPLICATE_VERSION, naming the file (and line)
     */
    List<Migration> read(List<Path> entries, Dialect dialect);

    /** Every reader Rehearsal ships, name-based formats first. */
    static List<MigrationReader> all() {
        return List.of(new FlywayReader(), new PairedFilesReader(), new DieselReader(), new SqlMigrateReader(),
                new GooseReader(), new DbmateReader());
    }
}
