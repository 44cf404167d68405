package dev.rehearsal.migration;

import dev.rehearsal.ErrorCode;
import dev.rehearsal.RehearsalException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Every migration of one directory, read for one dialect and sorted by version.
 *
 * @param directory the migrations directory
 * @param format the directory's convention ({@link MigrationFormat#SQL_MIGRATE} for an empty directory)
 * @param migrations the migrations, ascending by version, versions unique
 */
public record MigrationSet(Path directory, MigrationFormat format, List<Migration> migrations) {

    public MigrationSet {
        List<Migration> sorted = new ArrayList<>(migrations);
        sorted.sort(Comparator.comparing(Migration::version));
        migrations = List.copyOf(sorted);
    }

    /** The migration with version {@code version} ({@code 001} finds {@code 1}), if any. */
    public Optional<Migration> find(MigrationVersion version) {
        return migrations.stream().filter(m -> m.version().equals(version)).findFirst();
    }

    /**
     * The migration with version {@code version}.
     *
     * @throws RehearsalException UNKNOWN_VERSION when there is none
     */
    public Migration get(MigrationVersion version) {
        return find(version).orElseThrow(() -> new RehearsalException(ErrorCode.UNKNOWN_VERSION,
                "no migration has version " + version + " in " + directory + "; the versions are "
                        + versions()));
    }

    /** The versions in order. */
    public List<MigrationVersion> versions() {
        return migrations.stream().map(Migration::version).toList();
    }

    /** The newest migration, or empty for an empty directory. */
    public Optional<Migration> latest() {
        return migrations.isEmpty() ? Optional.empty() : Optional.of(migrations.get(migrations.size() - 1));
    }

    public boolean isEmpty() {
        return migrations.isEmpty();
    }

    public int size() {
        return migrations.size();
    }
}
