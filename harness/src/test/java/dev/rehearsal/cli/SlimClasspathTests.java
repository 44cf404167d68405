package dev.rehearsal.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The CLI runs on the class path the shaded CLI jar has: without Testcontainers (and docker-java,
 * JNA), AssertJ, ByteBuddy and the JUnit Platform (harness/pom.xml leaves them out). A child JVM
 * gets this test's class path minus those jars.
 */
class SlimClasspathTests {
    private static final List<String> LEFT_OUT = List.of("testcontainers", "docker-java", "/jna", "assertj",
            "byte-buddy", "junit", "opentest4j", "duct-tape", "commons-compress");

    @TempDir
    Path dir;

    private record Run(int exitCode, String out) {
    }

    private Run cli(String... args) throws Exception {
        String classPath = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> LEFT_OUT.stream().noneMatch(entry::contains))
                .collect(Collectors.joining(File.pathSeparator));
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", classPath, RehearsalCommand.class.getName()));
        command.addAll(List.of(args));
        Path out = dir.resolve("out-" + System.nanoTime() + ".txt");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(out.toFile());
        // A Docker engine "looks reachable", so a server target without URL tries the Testcontainers route.
        builder.environment().put("DOCKER_HOST", "tcp://127.0.0.1:1");
        Process process = builder.start();
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        return new Run(process.exitValue(), Files.readString(out));
    }

    @Test
    void migrationCommandsAndRehearseRunWithoutTheLeftOutJarsAndNameTheMissingDependency() throws Exception {
        assertThat(System.getProperty("java.class.path")).as("the filter has something to remove").contains("testcontainers");
        Path migrations = Files.createDirectories(dir.resolve("migrations"));
        Files.writeString(migrations.resolve("1_notes.up.sql"), "create table notes (id integer primary key);\n");
        Files.writeString(migrations.resolve("1_notes.down.sql"), "drop table notes;\n");
        String db = dir.resolve("app.db").toString();

        assertThat(cli("--help").out()).contains("Commands:", "rehearse");
        Run up = cli("up", "--url", db, "--migrations", migrations.toString());
        assertThat(up.exitCode()).as(up.out()).isZero();
        Run status = cli("status", "--url", db, "--migrations", migrations.toString(), "--json");
        assertThat(status.exitCode()).as(status.out()).isZero();
        assertThat(status.out()).contains("\"state\" : \"applied\"");

        Run rehearse = cli("rehearse", "--migrations", migrations.toString(), "--targets", "sqlite,postgres",
                "--out", dir.resolve("reports").toString());
        assertThat(rehearse.out()).as(rehearse.out()).doesNotContain("NoClassDefFoundError")
                .contains("postgres: no --postgres-url configured, and the Docker route needs Testcontainers, which is"
                        + " not on the class path: add org.testcontainers:testcontainers-postgresql (test scope)");
        assertThat(rehearse.exitCode()).as("the server target could not run: exit 3").isEqualTo(3);
    }
}
