package dev.rehearsal.embedded;

import java.nio.file.Path;

/**
 * Where the embedded servers of a run live.
 *
 * @param dataRoot the directory under which each server gets its own data directory, deleted when the run
 *     ends; null for a temporary directory
 * @param mavenRepository the local Maven repository in which binaries are looked up when the classpath
 *     lacks them
 * @param repositorySetting how the user sets {@code mavenRepository}, for messages
 */
public record EmbeddedSettings(Path dataRoot, Path mavenRepository, String repositorySetting) {

    /** {@code maven.repo.local} when set, else {@code ~/.m2/repository}: where Maven caches what it downloads. */
    public static Path defaultMavenRepository() {
        String local = System.getProperty("maven.repo.local");
        if (local != null && !local.isBlank()) {
            return Path.of(local).toAbsolutePath();
        }
        return Path.of(System.getProperty("user.home"), ".m2", "repository");
    }

    /** Temporary data, binaries from the default Maven repository (the command line). */
    public static EmbeddedSettings defaults(String repositorySetting) {
        return new EmbeddedSettings(null, defaultMavenRepository(), repositorySetting);
    }
}
