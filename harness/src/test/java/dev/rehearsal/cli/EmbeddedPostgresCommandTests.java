package dev.rehearsal.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rehearsal.rehearse.results.ResultsWriter;
import dev.rehearsal.rehearse.results.TargetResult;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code rehearse --targets postgres-17}: an embedded server from the command line, and what an interrupted run leaves. */
class EmbeddedPostgresCommandTests {
    private static final Pattern SERVER = Pattern.compile(
            "SERVER   postgres-17: embedded PostgreSQL 17\\.12\\.0 \\(io\\.zonky\\.test, binaries from the classpath\\),"
                    + " started in [0-9]+\\.[0-9] s\\n");

    @TempDir
    Path out;

    @Test
    void rehearsesTheSetOnAnEmbeddedPostgres() throws IOException {
        CliRun run = CliRun.of("rehearse", "--migrations", RehearseCommandTests.set("good").toString(),
                "--targets", "sqlite,postgres-17", "--out", out.toString());

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out()).containsPattern(SERVER).contains("28 passed, 0 warnings, 0 failed, 0 skipped");
        TargetResult postgres = ResultsWriter.read(out.resolve(ResultsWriter.FILE)).suites().get(0).targets().get(1);
        assertThat(postgres.target()).isEqualTo("postgres-17");
        assertThat(postgres.serverVersion()).startsWith("17.");
        assertThat(Files.readString(out.resolve("rehearsal-report.html"))).contains(postgres.server());
        assertThat(listening(port(postgres.maskedUrl()))).isFalse();
    }

    /** SIGTERM (Ctrl-C, a CI job cancelled) mid-run: the shutdown hook stops the server and deletes its data. */
    @Test
    void interruptedRunLeavesNoServerRunning() throws Exception {
        Path servers = out.resolve("servers");
        Path printed = out.resolve("child.out");
        Process child = startChild(servers, printed);
        try {
            assertThat(awaitFirstStep(child, printed)).as("no step on the server:\n%s", Files.readString(printed)).isTrue();
            assertThat(postgresProcessesUnder(servers)).isNotEmpty();

            child.destroy(); // SIGTERM
            assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();

            assertThat(child.exitValue()).as("interrupted, not finished:\n%s", Files.readString(printed)).isNotZero();
            assertThat(postgresProcessesUnder(servers)).isEmpty();
            assertThat(servers).as("created by the run, deleted with it").doesNotExist();
        } finally {
            child.destroyForcibly();
        }
    }

    /** kill -9 of the JVM runs no shutdown hook: the watchdog, in a session of its own, stops the server. */
    @Test
    void killedRunLeavesNoServerRunning() throws Exception {
        Path servers = out.resolve("servers");
        Path printed = out.resolve("child.out");
        Process child = startChild(servers, printed);
        try {
            assertThat(awaitFirstStep(child, printed)).as("no step on the server:\n%s", Files.readString(printed)).isTrue();
            assertThat(postgresProcessesUnder(servers)).isNotEmpty();

            child.destroyForcibly(); // SIGKILL
            assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();

            for (int i = 0; i < 200 && !postgresProcessesUnder(servers).isEmpty(); i++) {
                Thread.sleep(50);
            }
            assertThat(postgresProcessesUnder(servers)).isEmpty();
            for (int i = 0; i < 100 && servers.toFile().list().length > 0; i++) {
                Thread.sleep(50);
            }
            assertThat(servers.toFile().list()).as("server directories").isEmpty();
        } finally {
            child.destroyForcibly();
        }
    }

    private static Process startChild(Path servers, Path printed) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx128m", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                RehearsalCommand.class.getName(), "rehearse", "--migrations", RehearseCommandTests.set("good").toString(),
                "--targets", "postgres-17", "--embedded-dir", servers.toString(),
                "--out", printed.resolveSibling("reports").toString()));
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(printed.toFile()).start();
    }

    /** Waits for the server line and the first step run on it. */
    private static boolean awaitFirstStep(Process child, Path printed) throws IOException, InterruptedException {
        for (int i = 0; i < 1200 && child.isAlive(); i++) {
            String text = Files.readString(printed);
            if (SERVER.matcher(text).find() && text.contains("PASSED   postgres-17 ")) {
                return true;
            }
            Thread.sleep(50);
        }
        return false;
    }

    /** The server processes whose command line names a data directory under {@code dir} (not the watchdog watching it). */
    private static List<String> postgresProcessesUnder(Path dir) {
        return ProcessHandle.allProcesses().filter(ProcessHandle::isAlive).map(p -> p.info().commandLine().orElse(""))
                .filter(c -> c.contains("postgres") && c.contains(dir.toString()) && !c.contains("rehearsal-watchdog"))
                .toList();
    }

    private static int port(String jdbcUrl) {
        return URI.create(jdbcUrl.substring("jdbc:".length())).getPort();
    }

    private static boolean listening(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
            return true;
        } catch (IOException refused) {
            return false;
        }
    }
}
