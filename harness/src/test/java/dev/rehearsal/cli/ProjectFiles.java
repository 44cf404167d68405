package dev.rehearsal.cli;

import java.nio.file.Files;
import java.nio.file.Path;

/** Paths in the repository, wherever Maven runs the tests from. */
final class ProjectFiles {
    private ProjectFiles() {
    }

    static Path root() {
        String configured = System.getProperty("rehearsal.projectRoot");
        Path start = configured != null ? Path.of(configured) : Path.of("").toAbsolutePath();
        for (Path p = start.toAbsolutePath().normalize(); p != null; p = p.getParent()) {
            if (Files.isDirectory(p.resolve("migrations")) && Files.isDirectory(p.resolve("harness"))) {
                return p;
            }
        }
        throw new IllegalStateException("cannot find the repository root from " + start);
    }

    static Path migrations(String set) {
        return root().resolve("migrations").resolve(set);
    }
}
