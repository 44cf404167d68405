package dev.rehearsal.migration;

import dev.rehearsal.database.Dialect;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Up and down in two files: golang-migrate and sqlx ({@code <version>_<name>.up.sql} and an optional
 * {@code .down.sql}), popx/pop ({@code <version>_<name>[.<dialect>][.autocommit].up.sql}: one
 * directory holds variants for several dialects beside generic files), and
 * {@code V<version>.<Name>.up.sql}. Files pair by version alone, as golang-migrate pairs them; the
 * target dialect's variant wins over the generic file; popx's {@code .autocommit} runs the file
 * outside a transaction.
 */
final class PairedFilesReader implements MigrationReader {
    private static final String ENDING = MigrationFileName.VARIANT + "(?<autocommit>\\.autocommit)?\\.(?<role>up|down)\\.sql";
    private static final Pattern NAME = Pattern.compile("(?<version>[^_]+)_(?<name>.+?)" + ENDING);
    /** {@code V1.CreateUsers.up.sql}, {@code V1.2.CreateUsers.up.sql}: the name starts after the last version part. */
    private static final Pattern V_NAME = Pattern.compile("V(?<version>\\d+(?:[._]\\d+)*)\\.(?<name>[^\\d.][^.]*)" + ENDING);

    @Override
    public MigrationFormat format() {
        return MigrationFormat.PAIRED_FILES;
    }

    @Override
    public boolean recognizes(Path file) {
        String name = file.getFileName().toString();
        return Files.isRegularFile(file) && (NAME.matcher(name).matches() || V_NAME.matcher(name).matches());
    }

    @Override
    public List<Migration> read(List<Path> files, Dialect dialect) {
        List<MigrationFileName> names = new ArrayList<>();
        for (Path file : files) {
            String name = file.getFileName().toString();
            MigrationFileName parsed = MigrationFileName.match(V_NAME, file, name, null);
            names.add(parsed != null ? parsed : MigrationFileName.match(NAME, file, name, null));
        }
        List<Migration> migrations = new ArrayList<>();
        for (VariantSelection.VersionFiles version : VariantSelection.select(names, dialect)) {
            Path up = UpDownFiles.chosenUp(version, "up", version.version() + "_" + version.name() + ".up.sql");
            Path down = version.chosen().get("down");
            migrations.add(UpDownFiles.migration(version, format(), up, !autocommit(up), down,
                    down == null || !autocommit(down), dialect));
        }
        return migrations;
    }

    /** popx's {@code .autocommit} infix: the file runs outside a transaction. */
    private static boolean autocommit(Path file) {
        String name = file.getFileName().toString();
        return name.contains(".autocommit.up.") || name.contains(".autocommit.down.");
    }
}
