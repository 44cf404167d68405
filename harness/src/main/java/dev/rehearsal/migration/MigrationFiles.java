package dev.rehearsal.migration;

import dev.rehearsal.ErrorCode;
import dev.rehearsal.RehearsalException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Creates new migration files in a directory's own format ({@code rehearsal create NAME}). */
public final class MigrationFiles {
    private static final DateTimeFormatter VERSION =
            DateTimeFormatter.ofPattern("yyyyMMddHHmmss").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter DIESEL_VERSION =
            DateTimeFormatter.ofPattern("yyyy-MM-dd-HHmmss").withZone(ZoneOffset.UTC);

    private MigrationFiles() {
    }

    /**
     * Creates the file(s) of a new migration versioned with the current UTC time as 14 digits
     * ({@code yyyyMMddHHmmss}; diesel folders spell the same digits {@code yyyy-MM-dd-HHmmss}, as diesel
     * does). The format is the directory's; a missing or empty directory is created as sql-migrate.
     * The up script starts empty: a single-file format's empty up section fails to load until it is
     * written; an empty up file (paired files, diesel, Flyway) is a no-op migration, as its tools run it.
     *
     * @param name words of the description; spaces become underscores ({@code "add users"} -> {@code add_users})
     * @return the created files, up first
     * @throws RehearsalException BAD_USAGE for an unusable name or when the file already exists;
     *     MIXED_FORMATS or BAD_MIGRATION_FILE when the directory's format cannot be told
     */
    public static List<Path> create(Path directory, String name, Clock clock) {
        String slug = name == null ? "" : name.trim().replaceAll("\\s+", "_");
        if (!slug.matches("[A-Za-z0-9][A-Za-z0-9_-]*")) {
            throw new RehearsalException(ErrorCode.BAD_USAGE, "'" + name + "' cannot name a migration file;"
                    + " use letters, digits, spaces, '_' and '-' (e.g. \"add users\")");
        }
        MigrationFormat format = Files.isDirectory(directory)
                ? MigrationLoader.detect(directory).reader().format()
                : MigrationFormat.SQL_MIGRATE;
        String version = VERSION.format(clock.instant());
        Map<Path, String> files = new LinkedHashMap<>();
        switch (format) {
            case SQL_MIGRATE -> files.put(directory.resolve(version + "_" + slug + ".sql"),
                    "-- +migrate Up\n\n-- +migrate Down\n");
            case GOOSE -> files.put(directory.resolve(version + "_" + slug + ".sql"),
                    "-- +goose Up\n\n-- +goose Down\n");
            case DBMATE -> files.put(directory.resolve(version + "_" + slug + ".sql"),
                    "-- migrate:up\n\n-- migrate:down\n");
            case PAIRED_FILES -> {
                files.put(directory.resolve(version + "_" + slug + ".up.sql"), "");
                files.put(directory.resolve(version + "_" + slug + ".down.sql"), "");
            }
            case DIESEL -> {
                Path folder = directory.resolve(DIESEL_VERSION.format(clock.instant()) + "_" + slug);
                files.put(folder.resolve("up.sql"), "");
                files.put(folder.resolve("down.sql"), "");
            }
            case FLYWAY -> {
                files.put(directory.resolve("V" + version + "__" + slug + ".sql"), "");
                files.put(directory.resolve("U" + version + "__" + slug + ".sql"), "");
            }
            default -> throw new IllegalStateException("no template for " + format);
        }
        return write(files);
    }

    private static List<Path> write(Map<Path, String> files) {
        List<Path> created = new ArrayList<>();
        for (Map.Entry<Path, String> file : files.entrySet()) {
            try {
                Files.createDirectories(file.getKey().getParent());
                Files.writeString(file.getKey(), file.getValue(), StandardCharsets.UTF_8,
                        StandardOpenOption.CREATE_NEW);
                created.add(file.getKey());
            } catch (FileAlreadyExistsException e) {
                throw new RehearsalException(ErrorCode.BAD_USAGE, file.getKey()
                        + " already exists; wait a second or choose another name", e);
            } catch (IOException e) {
                throw new RehearsalException(ErrorCode.MIGRATIONS_NOT_FOUND, file.getKey()
                        + ": cannot be written (" + e.getMessage() + "); check the directory's permissions", e);
            }
        }
        return created;
    }
}
