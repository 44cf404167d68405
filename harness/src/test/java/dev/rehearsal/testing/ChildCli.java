package dev.rehearsal.testing;

import dev.rehearsal.cli.RehearsalCommand;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * {@code rehearsal} in a child JVM of its own process group (through {@code setsid}), for what an
 * in-process run cannot show: an environment variable the command reads, a {@code kill -9} like an
 * operator's (of the JVM alone, or of its whole process group) at a chosen point, several
 * processes racing for one database. Output goes to files in {@code dir} so a killed child leaves
 * what it printed.
 */
public final class ChildCli {
    private final Process process;
    private final Path out;
    private final Path err;

    private ChildCli(Process process, Path out, Path err) {
        this.process = process;
        this.out = out;
        this.err = err;
    }

    /** Starts {@code rehearsal args...} with {@code environment} added to this JVM's; stdin is empty. */
    public static ChildCli start(Path dir, String name, Map<String, String> environment, String... args)
            throws IOException {
        Files.createDirectories(dir);
        List<String> command = new ArrayList<>(List.of("setsid",
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m", "-XX:TieredStopAtLevel=1",
                "-cp", System.getProperty("java.class.path"), RehearsalCommand.class.getName()));
        command.addAll(List.of(args));
        Path out = dir.resolve(name + ".out");
        Path err = dir.resolve(name + ".err");
        ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        builder.environment().putAll(environment);
        return new ChildCli(builder.start(), out, err);
    }

    /**
     * The first running descendant whose executable is called {@code name} (psql, mariadb,
     * mariadb-dump, pg_dump) and that connects to a server (not a {@code --help} or {@code --version} probe).
     */
    public Optional<ProcessHandle> descendant(String name) {
        return process.descendants().filter(p -> p.info().command().map(c -> Path.of(c).getFileName().toString()
                .equals(name)).orElse(false)).filter(p -> p.info().arguments().map(a -> String.join(" ", a)
                .contains("--host=")).orElse(false)).findFirst();
    }

    /** Waits until {@code condition} holds; false when the child exited first or a minute passed. */
    public boolean await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return true;
            }
            if (!process.isAlive()) {
                return false;
            }
            Thread.sleep(10);
        }
        return false;
    }

    /** Waits for the child to exit (at most three minutes) and returns its exit code. */
    public int waitFor() throws InterruptedException {
        if (!process.waitFor(3, TimeUnit.MINUTES)) {
            killProcessGroup();
            throw new AssertionError("child rehearsal did not finish in 3 minutes:\n" + this);
        }
        return process.exitValue();
    }

    /** SIGKILL to the JVM only: the client tools it started are left to notice on their own. */
    public void killJvm() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    /** {@code kill -9 -PGID}: the JVM and everything it started. {@code setsid} made the child its group leader. */
    public void killProcessGroup() throws InterruptedException {
        try {
            new ProcessBuilder("kill", "-9", "--", "-" + process.pid()).inheritIO().start().waitFor();
        } catch (IOException e) {
            throw new AssertionError("cannot run kill: " + e.getMessage(), e);
        }
        process.waitFor(30, TimeUnit.SECONDS);
    }

    public String out() throws IOException {
        return Files.readString(out);
    }

    public String err() throws IOException {
        return Files.readString(err);
    }

    @Override
    public String toString() {
        try {
            return "--- out\n" + out() + "--- err\n" + err();
        } catch (IOException e) {
            return e.toString();
        }
    }
}
