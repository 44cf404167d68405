package dev.rehearsal.migration;

import dev.rehearsal.ErrorCode;
import dev.rehearsal.RehearsalException;
import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Lists a migrations directory (or a diesel folder). A symbolic link that resolves to nothing would
 * look like no file at all, and its migration would silently not run: one named like a migration is
 * refused instead.
 */
final class DirectoryEntries {
    /** {@code *.sql}, or a versioned folder name such as diesel's {@code 2024-01-01-120000_add_users}. */
    private static final Pattern MIGRATION_LIKE = Pattern.compile("(?i).*\\.sql|\\d[\\d._-]*_[^.]+");

    private DirectoryEntries() {
    }

    /**
     * The entries of {@code directory} not starting with a dot, sorted by name.
     *
     * @throws RehearsalException MIGRATIONS_NOT_FOUND when it cannot be listed; BAD_MIGRATION_FILE naming
     *     the link when a dangling or looping symbolic link is named like a migration
     */
    static List<Path> list(Path directory) {
        try (Stream<Path> entries = Files.list(directory)) {
            List<Path> listed = entries.filter(e -> !e.getFileName().toString().startsWith(".")).sorted().toList();
            listed.forEach(DirectoryEntries::requireResolvable);
            return listed;
        } catch (IOException e) {
            throw new RehearsalException(ErrorCode.MIGRATIONS_NOT_FOUND,
                    directory + ": cannot be listed (" + e.getMessage() + "); check its permissions", e);
        }
    }

    private static void requireResolvable(Path entry) {
        if (!Files.isSymbolicLink(entry) || Files.exists(entry)
                || !MIGRATION_LIKE.matcher(entry.getFileName().toString()).matches()) {
            return;
        }
        String why;
        try {
            entry.toRealPath();
            return; // resolved after all (created meanwhile)
        } catch (NoSuchFileException e) {
            why = "which does not exist";
        } catch (FileSystemException e) {
            why = "which cannot be resolved (" + String.valueOf(e.getReason()).toLowerCase(Locale.ROOT)
                    + "): the link loops";
        } catch (IOException e) {
            why = "which cannot be resolved (" + e.getMessage() + ")";
        }
        throw new RehearsalException(ErrorCode.BAD_MIGRATION_FILE, entry + ": a symbolic link to '" + target(entry)
                + "', " + why + "; point it at the migration file, or delete the link");
    }

    private static String target(Path link) {
        try {
            return Files.readSymbolicLink(link).toString();
        } catch (IOException e) {
            return "?";
        }
    }
}
