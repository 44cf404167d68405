package dev.rehearsal.migration;

import dev.rehearsal.database.Dialect;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The formats that keep up and down in one {@code <version>_<name>.sql} file (optionally
 * {@code <version>_<name>.<dialect>.sql}), told apart by their marker comments.
 */
abstract class SingleFileReader implements MigrationReader {
    static final String SCRIPT = "script";
    private static final Pattern NAME =
            Pattern.compile("(?<version>[^_]+)_(?<name>.+?)" + MigrationFileName.VARIANT + "\\.sql");
    private static final Pattern PAIRED = Pattern.compile(".*\\.(up|down)\\.sql");

    private final MigrationFormat format;
    private final MarkerSyntax syntax;

    SingleFileReader(MigrationFormat format, MarkerSyntax syntax) {
        this.format = format;
        this.syntax = syntax;
    }

    @Override
    public final MigrationFormat format() {
        return format;
    }

    /** A file with this format's name shape holding at least one of its directive lines. */
    @Override
    public boolean recognizes(Path file) {
        return hasMigrationName(file) && SourceText.read(file).lines().map(String::trim).anyMatch(syntax::isDirective);
    }

    /** Any {@code <version>_<name>.sql}: in a directory of this format, a file without markers is a broken migration. */
    @Override
    public boolean accepts(Path file) {
        if (!hasMigrationName(file)) {
            return false;
        }
        String name = file.getFileName().toString();
        return MigrationVersion.isVersion(name.substring(0, name.indexOf('_')));
    }

    @Override
    public List<Migration> read(List<Path> files, Dialect dialect) {
        List<MigrationFileName> names = new ArrayList<>();
        for (Path file : files) {
            names.add(MigrationFileName.match(NAME, file, file.getFileName().toString(), SCRIPT));
        }
        List<Migration> migrations = new ArrayList<>();
        for (VariantSelection.VersionFiles version : VariantSelection.select(names, dialect)) {
            Path file = version.requiredForTarget(SCRIPT);
            String text = SourceText.read(file);
            MarkedFile parsed = MarkedFile.parse(file, syntax.substitute(file, text), syntax, dialect);
            int downStart = downMarkerOffset(file, text);
            migrations.add(new Migration(version.version(), version.description(), format(), parsed.up(),
                    parsed.down(), Checksums.of(List.of(text)),
                    Checksums.of(List.of(downStart < 0 ? text : text.substring(0, downStart))),
                    downStart < 0 ? null : Checksums.of(List.of(text.substring(downStart)))));
        }
        return migrations;
    }

    /**
     * Where the Down marker's line starts in the file as written (before any substitution), or -1:
     * the up and down checksums cover the text before and from it, so an edited down section leaves
     * the up checksum alone.
     */
    private int downMarkerOffset(Path file, String text) {
        int offset = 0;
        int number = 1;
        for (String line : text.split("\n", -1)) {
            String trimmed = line.trim();
            if (syntax.isDirective(trimmed) && syntax.parse(trimmed, file, number).kind() == MarkerSyntax.Kind.DOWN) {
                return offset;
            }
            offset += line.length() + 1;
            number++;
        }
        return -1;
    }

    private static boolean hasMigrationName(Path file) {
        String name = file.getFileName().toString();
        return Files.isRegularFile(file) && NAME.matcher(name).matches() && !PAIRED.matcher(name).matches();
    }
}
