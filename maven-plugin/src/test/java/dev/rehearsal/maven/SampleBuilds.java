package dev.rehearsal.maven;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Runs the machine's {@code mvn verify} on a sample project from {@code src/test/resources/samples}, with a
 * private local repository (never the shared one) holding this reactor's jars. Third-party artifacts come
 * from the shared local repository read as a file:// remote repository, Central only for what it lacks
 * (on a fresh machine: Maven 3.8.7's default plugins, which this project's own build never uses).
 * The repository is seeded once per test JVM and reused; each build's log is kept beside its project.
 */
final class SampleBuilds {
    static final String VERSION = property("rehearsal.it.version");
    private static final Path WORK = Path.of(property("rehearsal.it.workDir"));
    private static final Path REPOSITORY = WORK.resolve("repository");
    private static final Path SETTINGS = WORK.resolve("settings.xml");
    private static final Path SAMPLES = Path.of(resource("samples"));
    private static boolean seeded;

    private SampleBuilds() {
    }

    /** What one {@code mvn} run did. */
    record Build(Path project, int exitCode, String log) {
        /** The build log's tail, for assertion messages. */
        String tail() {
            List<String> lines = log.lines().toList();
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
        }
    }

    /**
     * Copies {@code samples/<sample>} to a fresh directory with {@code samples/sets/<set>} as its
     * {@code db/migrations} and runs {@code mvn -B verify} there.
     */
    static Build verify(String sample, String set) {
        seed();
        Path project = WORK.resolve("projects").resolve(sample + "-" + set);
        deleteRecursively(project);
        copyTree(SAMPLES.resolve(sample), project);
        copyTree(SAMPLES.resolve("sets").resolve(set), project.resolve("db/migrations"));
        return run(project, "mvn", "-B", "-s", SETTINGS.toString(), "-Dmaven.repo.local=" + REPOSITORY, "verify");
    }

    private static Build run(Path project, String... command) {
        Path log = project.resolve("build.log");
        ProcessBuilder builder = new ProcessBuilder(command).directory(project.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        Map<String, String> environment = builder.environment();
        // Left by the outer Maven; the sample is its own project.
        List.of("MAVEN_BASEDIR", "MAVEN_PROJECTBASEDIR", "MAVEN_CMD_LINE_ARGS").forEach(environment::remove);
        try {
            Process process = builder.start();
            if (!process.waitFor(5, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IllegalStateException("mvn did not finish in 5 minutes in " + project + "; see " + log);
            }
            return new Build(project, process.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run mvn (is it on PATH?) in " + project, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The reactor's parent pom, harness and plugin, laid out as `mvn install` would, in the private repository only. */
    private static synchronized void seed() {
        if (seeded) {
            return;
        }
        install("rehearsal-parent", Path.of(property("rehearsal.it.parentPom")), null);
        install("rehearsal-harness", Path.of(property("rehearsal.it.harnessPom")), Path.of(property("rehearsal.it.harnessJar")));
        install("rehearsal-maven-plugin", Path.of(property("rehearsal.it.pluginPom")), Path.of(property("rehearsal.it.pluginJar")));
        String sharedRepository = Path.of(property("rehearsal.it.localRepository")).toUri().toString();
        String repository = "<id>machine</id><url>" + sharedRepository + "</url>"
                + "<releases><checksumPolicy>ignore</checksumPolicy></releases><snapshots><enabled>false</enabled></snapshots>";
        write(SETTINGS, """
                <settings>
                  <profiles>
                    <profile>
                      <id>machine-repository</id>
                      <repositories><repository>%1$s</repository></repositories>
                      <pluginRepositories><pluginRepository>%1$s</pluginRepository></pluginRepositories>
                    </profile>
                  </profiles>
                  <activeProfiles><activeProfile>machine-repository</activeProfile></activeProfiles>
                </settings>
                """.formatted(repository));
        seeded = true;
    }

    private static void install(String artifactId, Path pom, Path jar) {
        Path directory = REPOSITORY.resolve("dev/rehearsal").resolve(artifactId).resolve(VERSION);
        String base = artifactId + "-" + VERSION;
        try {
            Files.createDirectories(directory);
            Files.copy(pom, directory.resolve(base + ".pom"), StandardCopyOption.REPLACE_EXISTING);
            if (jar != null) {
                if (!Files.isRegularFile(jar)) {
                    throw new IllegalStateException(jar + " is missing: run the ITs in a reactor build that packages it"
                            + " (mvn -B verify from the root)");
                }
                Files.copy(jar, directory.resolve(base + ".jar"), StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot seed " + directory, e);
        }
    }

    private static void copyTree(Path from, Path to) {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : files.toList()) {
                Path target = to.resolve(from.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    String text = Files.readString(file, StandardCharsets.UTF_8);
                    write(target, file.getFileName().toString().equals("pom.xml") ? text.replace("@rehearsal.version@", VERSION) : text);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy " + from + " to " + to, e);
        }
    }

    private static void write(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    private static void deleteRecursively(Path directory) {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> files = Files.walk(directory)) {
            for (Path file : files.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList()) {
                Files.delete(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + directory, e);
        }
    }

    private static String property(String key) {
        String value = System.getProperty(key);
        if (value == null) {
            throw new IllegalStateException("system property " + key + " is not set: run the ITs through Failsafe"
                    + " (mvn -B verify), whose configuration in maven-plugin/pom.xml sets it");
        }
        return value;
    }

    private static String resource(String name) {
        try {
            return Path.of(SampleBuilds.class.getClassLoader().getResource(name).toURI()).toString();
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
