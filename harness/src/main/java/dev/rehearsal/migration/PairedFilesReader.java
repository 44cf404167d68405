package dev.rehearsal.migration;

import dev.rehearsal.database.Dialect;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** golang-migrate and sqlx: {@code <version>_<name>[.<dialect>].up.sql} and an optional {@code .down.sql}. */
final class PairedFilesReader implements MigrationReader {
    private static final Pattern NAME = Pattern.compile(
            "(?<version>[^_]+)_(?<name>.+?)" + MigrationFileName.VARIANT + "\\.(?<role>up|down)\\.sql");

    @Override
    public MigrationFormat format() {
        return MigrationFormat.PAIRED_FILES;
    }

    @Override
    public boolean recognizes(Path file) {
        return Files.isRegularFile(file) && NAME.matcher(file.getFileName().toString()).matches();
    }

    @Override
    public List<Migration> read(List<Path> files, Dialect dialect) {
        List<MigrationFileName> names = new ArrayList<>();
        for (Path file : files) {
            names.add(MigrationFileName.match(NAME, file, file.getFileName().toString(), null));
        }
        List<Migration> migrations = new ArrayList<>();
        for (VariantSelection.VersionFiles version : VariantSelection.select(names, dialect)) {
            Path up = UpDownFiles.chosenUp(version, "up", version.version() + "_" + version.name() + ".up.sql");
            migrations.add(UpDownFiles.migration(version, format(), up, version.chosen().get("down"), true,
                    dialect));
        }
        return migrations;
    }
}
