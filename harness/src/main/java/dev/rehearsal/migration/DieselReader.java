package dev.rehearsal.migration;

import dev.rehearsal.ErrorCode;
import dev.rehearsal.RehearsalException;
import dev.rehearsal.database.Dialect;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * diesel: a folder {@code <version>_<name>/} holding {@code up.sql} and an optional {@code down.sql}
 * ({@code up.<dialect>.sql} variants allowed). Diesel writes versions as {@code 2024-01-01-120000};
 * as in diesel, the dashes are dropped and versions compare as text (see {@link MigrationVersion}).
 * {@code run_in_transaction = false} in the folder's {@code metadata.toml} opts the migration out of
 * a transaction.
 */
final class DieselReader implements MigrationReader {
    private static final Pattern FOLDER = Pattern.compile("(?<version>[^_]+)_(?<name>.+)");
    private static final Pattern FILE = Pattern.compile("(?<role>up|down)" + MigrationFileName.VARIANT + "\\.sql");
    private static final Pattern NO_TRANSACTION =
            Pattern.compile("(?m)^\\s*run_in_transaction\\s*=\\s*false\\s*$");

    @Override
    public MigrationFormat format() {
        return MigrationFormat.DIESEL;
    }

    /** A folder holding an {@code up.sql} (or an {@code up.<dialect>.sql}). */
    @Override
    public boolean recognizes(Path folder) {
        return Files.isDirectory(folder) && sqlFiles(folder).stream().anyMatch(f -> f.getFileName().toString()
                .startsWith("up.") && FILE.matcher(f.getFileName().toString()).matches());
    }

    /** Any versioned folder holding SQL: in a diesel directory, one without up.sql is a broken migration. */
    @Override
    public boolean accepts(Path folder) {
        Matcher m = FOLDER.matcher(folder.getFileName().toString());
        return Files.isDirectory(folder) && m.matches() && MigrationVersion.isVersion(m.group("version")
                .replace("-", "")) && !sqlFiles(folder).isEmpty();
    }

    @Override
    public List<Migration> read(List<Path> folders, Dialect dialect) {
        List<MigrationFileName> names = new ArrayList<>();
        for (Path folder : folders) {
            Matcher m = FOLDER.matcher(folder.getFileName().toString());
            if (!m.matches()) {
                throw new RehearsalException(ErrorCode.INVALID_VERSION, folder
                        + ": not a diesel migration folder name; use <version>_<name>, e.g. 2024-01-01-120000_add_users");
            }
            names.add(new MigrationFileName(folder, version(folder, m.group("version")), m.group("name"), null, "folder"));
        }
        List<Migration> migrations = new ArrayList<>();
        for (VariantSelection.VersionFiles version : VariantSelection.select(names, dialect)) {
            Path folder = version.chosen().get("folder");
            VariantSelection.VersionFiles files = filesOf(folder, version, dialect);
            Path up = UpDownFiles.chosenUp(files, "up", folder.resolve("up.sql").toString());
            migrations.add(UpDownFiles.migration(version, format(), up, files.chosen().get("down"),
                    !SourceText.declares(folder.resolve("metadata.toml"), NO_TRANSACTION), dialect));
        }
        return migrations;
    }

    /**
     * The version as diesel reads it: the text before the first {@code _}, dashes dropped, compared as
     * text ({@code 2024-01-01-120000} is {@code 20240101120000} and sorts before {@code 2024-01-02}).
     */
    private static MigrationVersion version(Path folder, String text) {
        MigrationFileName.version(folder, text.replace("-", ""));
        MigrationFileName.requireStorable(folder, text);
        return MigrationVersion.diesel(text);
    }

    private static VariantSelection.VersionFiles filesOf(Path folder, VariantSelection.VersionFiles version,
            Dialect dialect) {
        List<MigrationFileName> files = new ArrayList<>();
        for (Path file : sqlFiles(folder)) {
            Matcher m = FILE.matcher(file.getFileName().toString());
            if (!m.matches()) {
                throw new RehearsalException(ErrorCode.BAD_MIGRATION_FILE, file
                        + ": not part of a diesel migration; name it up.sql or down.sql, or move it out of the folder");
            }
            files.add(new MigrationFileName(file, version.version(), version.name(),
                    MigrationFileName.variant(file, m.group("variant")), m.group("role")));
        }
        return VariantSelection.select(files, dialect).get(0);
    }

    private static List<Path> sqlFiles(Path folder) {
        return DirectoryEntries.list(folder).stream()
                .filter(f -> f.getFileName().toString().endsWith(".sql") && Files.isRegularFile(f)).toList();
    }
}
