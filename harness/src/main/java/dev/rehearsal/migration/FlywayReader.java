package dev.rehearsal.migration;

import dev.rehearsal.ErrorCode;
import dev.rehearsal.RehearsalException;
import dev.rehearsal.database.Dialect;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Flyway: {@code V<version>__<description>[.<dialect>].sql} with an optional undo
 * {@code U<version>__<description>.sql}; a {@code <file>.conf} beside the V file holding
 * {@code executeInTransaction=false} opts the migration out of a transaction, as in Flyway.
 */
final class FlywayReader implements MigrationReader {
    private static final Pattern NAME = Pattern.compile(
            "(?<role>[VU])(?<version>.+?)__(?<name>.+?)" + MigrationFileName.VARIANT + "\\.sql");
    private static final Pattern ANY = Pattern.compile("[VUR].*__.*\\.sql");
    private static final Pattern NO_TRANSACTION =
            Pattern.compile("(?m)^\\s*(flyway\\.)?executeInTransaction\\s*=\\s*false\\s*$");

    @Override
    public MigrationFormat format() {
        return MigrationFormat.FLYWAY;
    }

    @Override
    public boolean recognizes(Path file) {
        return Files.isRegularFile(file) && ANY.matcher(file.getFileName().toString()).matches();
    }

    @Override
    public List<Migration> read(List<Path> files, Dialect dialect) {
        List<MigrationFileName> names = new ArrayList<>();
        for (Path file : files) {
            MigrationFileName name = MigrationFileName.match(NAME, file, file.getFileName().toString(), null);
            if (name == null) {
                throw new RehearsalException(ErrorCode.BAD_MIGRATION_FILE, file + ": "
                        + (file.getFileName().toString().startsWith("R")
                                ? "repeatable migrations (R__) are not supported; make it a versioned V<version>__ file"
                                : "not a Flyway migration name; use V<version>__<description>.sql"));
            }
            names.add(name);
        }
        List<Migration> migrations = new ArrayList<>();
        for (VariantSelection.VersionFiles version : VariantSelection.select(names, dialect)) {
            Path up = UpDownFiles.chosenUp(version, "V", "V" + version.version() + "__" + version.name() + ".sql");
            migrations.add(UpDownFiles.migration(version, format(), up, version.chosen().get("U"),
                    transactional(up, version), dialect));
        }
        return migrations;
    }

    /** The chosen file's {@code .conf}, else the generic V file's: a variant inherits the generic settings. */
    private static boolean transactional(Path up, VariantSelection.VersionFiles version) {
        Path conf = up.resolveSibling(up.getFileName() + ".conf");
        if (!Files.isRegularFile(conf)) {
            conf = version.all().stream()
                    .filter(f -> f.role().equals("V") && f.variant() == null)
                    .map(f -> f.path().resolveSibling(f.path().getFileName() + ".conf"))
                    .findFirst().orElse(conf);
        }
        return !SourceText.declares(conf, NO_TRANSACTION);
    }
}
