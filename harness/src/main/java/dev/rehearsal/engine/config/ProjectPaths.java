package dev.rehearsal.engine.config;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Resolves the project-relative paths of {@code @RehearsalSuite}: against the configured project
 * root, or else against the nearest directory (walking up from the working directory) in which the
 * path exists, because Surefire runs each module with the module directory as working directory.
 *
 * @param root the configured project root, or null
 * @param workingDirectory where the walk starts
 */
public record ProjectPaths(Path root, Path workingDirectory) {

    /** An input path; when found nowhere, the path under the root (or working directory), so the error names it. */
    public Path resolve(String path) {
        Path given = Path.of(path);
        if (given.isAbsolute()) {
            return given.normalize();
        }
        if (root != null) {
            return root.resolve(given).normalize();
        }
        for (Path dir = workingDirectory; dir != null; dir = dir.getParent()) {
            if (Files.exists(dir.resolve(given))) {
                return dir.resolve(given).normalize();
            }
        }
        return workingDirectory.resolve(given).normalize();
    }

    /** An output path: under the configured root, else under the working directory. */
    public Path resolveForOutput(String path) {
        Path given = Path.of(path);
        if (given.isAbsolute()) {
            return given.normalize();
        }
        return (root != null ? root : workingDirectory).resolve(given).normalize();
    }
}
