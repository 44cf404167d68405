package dev.rehearsal.drill;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Where a drill writes its backups: the caller's directory (kept), or a temporary one (removed on close). */
final class ScratchDirectory implements AutoCloseable {
    private final Path path;
    private final boolean temporary;

    private ScratchDirectory(Path path, boolean temporary) {
        this.path = path;
        this.temporary = temporary;
    }

    static ScratchDirectory of(Path given, String prefix) {
        try {
            if (given != null) {
                return new ScratchDirectory(Files.createDirectories(given), false);
            }
            return new ScratchDirectory(Files.createTempDirectory(prefix), true);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the backup directory: " + e.getMessage(), e);
        }
    }

    Path path() {
        return path;
    }

    /** A fresh subdirectory for one backup. */
    Path newSubdirectory(String name) {
        try {
            return Files.createDirectories(path.resolve(name));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + path.resolve(name) + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        if (!temporary) {
            return;
        }
        try (Stream<Path> files = Files.walk(path)) {
            for (Path p : (Iterable<Path>) files.sorted(Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            // A leftover temporary directory is not worth failing a drill over.
        }
    }
}
