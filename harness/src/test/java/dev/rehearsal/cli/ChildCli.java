package dev.rehearsal.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * The CLI in a child JVM (the test classpath), to be killed with SIGKILL like an operator's process:
 * alone, or with its whole process group ({@code setsid} makes the child its group's leader).
 */
final class ChildCli {
    private final Process process;
    private final Path output;

    private ChildCli(Process process, Path output) {
        this.process = process;
        this.output = output;
    }

    static ChildCli start(Path output, boolean ownProcessGroup, String... args) throws IOException {
        List<String> command = new ArrayList<>();
        if (ownProcessGroup) {
            command.add("setsid");
        }
        command.addAll(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m",
                "-cp", System.getProperty("java.class.path"), RehearsalCommand.class.getName()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
        return new ChildCli(process, output);
    }

    /**
     * The first running descendant whose executable is called {@code name} (psql, mariadb,
     * mariadb-dump) and that connects to a server (not a {@code --help} or {@code --version} probe).
     */
    Optional<ProcessHandle> descendant(String name) {
        return process.descendants().filter(p -> p.info().command().map(c -> Path.of(c).getFileName().toString()
                .equals(name)).orElse(false)).filter(p -> p.info().arguments().map(a -> String.join(" ", a)
                .contains("--host=")).orElse(false)).findFirst();
    }

    /** Waits until {@code condition} holds; false when the child exited first or a minute passed. */
    boolean await(BooleanSupplier condition) throws InterruptedException {
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

    /** SIGKILL to the JVM only: its children are left to notice on their own. */
    void killJvm() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    /** SIGKILL to the JVM's whole process group (it was started with its own). */
    void killProcessGroup() throws Exception {
        new ProcessBuilder("kill", "-9", "--", "-" + process.pid()).inheritIO().start().waitFor();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    int waitFor() throws InterruptedException {
        if (!process.waitFor(3, TimeUnit.MINUTES)) {
            process.destroyForcibly();
        }
        return process.exitValue();
    }

    String output() throws IOException {
        return Files.readString(output, StandardCharsets.UTF_8);
    }
}
