package dev.rehearsal.migration;

import dev.rehearsal.ErrorCode;
import dev.rehearsal.RehearsalException;
import dev.rehearsal.database.Dialect;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Reads a migrations directory completely (every file parsed and split, every version checked)
 * before anything touches a database, so a broken file stops a run before its first statement.
 *
 * <p>The directory's format is detected from its entries (not recursively); one directory holds
 * one format. Entries starting with a dot and files not ending in {@code .sql} (README.md, *.yaml,
 * Flyway's {@code .sql.conf}) are ignored; folders are ignored unless they are diesel migrations. A
 * {@code .sql} file that fits no format is an error, so a typo in a name never makes a migration
 * silently vanish; so is a dangling or looping symbolic link named like a migration.
 *
 * <p>Each {@link Migration#checksum()} is SHA-256 over the migration's files for the dialect, UTF-8,
 * line endings normalized to {@code \n}, files joined with one NUL character in the order up, down;
 * see {@link Checksums} for the exact rule.
 */
public final class MigrationLoader {
    private static final Map<MigrationFormat, String> NAMING = Map.of(
            MigrationFormat.SQL_MIGRATE, "<version>_<name>.sql with a '-- +migrate Up' line",
            MigrationFormat.GOOSE, "<version>_<name>.sql with a '-- +goose Up' line",
            MigrationFormat.DBMATE, "<version>_<name>.sql with a '-- migrate:up' line",
            MigrationFormat.PAIRED_FILES, "<version>_<name>.up.sql (and .down.sql) or V<version>.<Name>.up.sql",
            MigrationFormat.DIESEL, "<version>_<name>/up.sql (and down.sql)",
            MigrationFormat.FLYWAY, "V<version>__<description>.sql (and U<version>__<description>.sql)");

    private MigrationLoader() {
    }

    /**
     * Loads every migration in {@code directory} for {@code dialect}.
     *
     * @return the migrations sorted by version; an empty directory gives an empty sql-migrate set
     * @throws RehearsalException MIGRATIONS_NOT_FOUND for a missing directory, MIXED_FORMATS,
     *     BAD_MIGRATION_FILE ({@code file:line: what; how to fix}), INVALID_VERSION or DUPLICATE_VERSION
     */
    public static MigrationSet load(Path directory, Dialect dialect) {
        Detection detection = detect(directory);
        return new MigrationSet(directory, detection.reader().format(),
                detection.reader().read(detection.entries(), dialect));
    }

    /** The directory's reader and the entries it must read. */
    record Detection(MigrationReader reader, List<Path> entries) {
    }

    /** Settles the directory's format without parsing the migrations (used by {@code create} too). */
    static Detection detect(Path directory) {
        List<Path> candidates = candidates(directory);
        List<MigrationReader> readers = MigrationReader.all();
        Map<MigrationReader, List<Path>> claimed = new LinkedHashMap<>();
        List<Path> unclaimed = new ArrayList<>();
        for (Path entry : candidates) {
            MigrationReader reader = readers.stream().filter(r -> r.recognizes(entry)).findFirst().orElse(null);
            if (reader == null) {
                unclaimed.add(entry);
            } else {
                claimed.computeIfAbsent(reader, r -> new ArrayList<>()).add(entry);
            }
        }
        if (claimed.size() > 1) {
            throw new RehearsalException(ErrorCode.MIXED_FORMATS, directory + " mixes migration formats: "
                    + claimed.entrySet().stream()
                            .map(e -> e.getValue().get(0).getFileName() + " (" + e.getKey().format().displayName() + ")")
                            .collect(Collectors.joining(", "))
                    + "; keep one format per directory (convert the files or move them to a directory of their own)");
        }
        if (claimed.isEmpty()) {
            unclaimed.stream().filter(Files::isRegularFile).findFirst().ifPresent(file -> {
                throw new RehearsalException(ErrorCode.BAD_MIGRATION_FILE, file
                        + ": not a migration of any known format; name it " + Arrays.stream(MigrationFormat.values()).map(NAMING::get)
                                .collect(Collectors.joining(", or "))
                        + ", or move it out of " + directory);
            });
            return new Detection(readers.stream().filter(r -> r.format() == MigrationFormat.SQL_MIGRATE)
                    .findFirst().orElseThrow(), List.of());
        }
        MigrationReader reader = claimed.keySet().iterator().next();
        List<Path> entries = new ArrayList<>(claimed.get(reader));
        for (Path entry : unclaimed) {
            if (reader.accepts(entry)) {
                entries.add(entry);
            } else if (Files.isRegularFile(entry)) {
                throw new RehearsalException(ErrorCode.BAD_MIGRATION_FILE, entry + ": not a "
                        + reader.format().displayName() + " migration like the others in " + directory
                        + "; name it " + NAMING.get(reader.format()) + ", or move it out of the directory");
            }
        }
        return new Detection(reader, entries);
    }

    /** The directory's {@code .sql} files and folders, by name; everything else is not ours to read. */
    private static List<Path> candidates(Path directory) {
        if (!Files.isDirectory(directory)) {
            throw new RehearsalException(ErrorCode.MIGRATIONS_NOT_FOUND, directory
                    + ": no such directory; create it (rehearsal create <name> does) or point to the migrations directory");
        }
        return DirectoryEntries.list(directory).stream()
                .filter(e -> Files.isDirectory(e) || e.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".sql"))
                .toList();
    }
}
