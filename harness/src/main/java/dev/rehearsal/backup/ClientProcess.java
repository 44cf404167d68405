package dev.rehearsal.backup;

import dev.rehearsal.ErrorCode;
import dev.rehearsal.RehearsalException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A client tool (psql, mariadb) whose standard input this JVM writes through a pipe, so that the
 * client cannot outlive us with work we never checked: when this process dies, even by kill -9, the
 * pipe closes and the client reads end-of-file instead of the rest of a restore. A shutdown hook
 * also kills every client still running when the JVM exits (Ctrl-C, SIGTERM). Output (stdout and
 * stderr together) is read on a thread, so a chatty client never blocks on a full pipe.
 */
final class ClientProcess implements AutoCloseable {
    private static final Set<Process> RUNNING = ConcurrentHashMap.newKeySet();
    private static final int KEPT_OUTPUT_CHARS = 64 * 1024;

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> RUNNING.forEach(p -> {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
        }), "rehearsal-client-reaper"));
    }

    private final String name;
    private final Process process;
    private final StringBuilder output = new StringBuilder();
    private final Thread reader;

    private ClientProcess(String name, Process process) {
        this.name = name;
        this.process = process;
        this.reader = new Thread(this::readOutput, name + "-output");
        reader.setDaemon(true);
        reader.start();
    }

    /** Starts {@code command} with extra environment variables (passwords go here) and stdin from this JVM. */
    static ClientProcess start(List<String> command, Map<String, String> environment) {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(environment);
        try {
            return new ClientProcess(Path.of(command.get(0)).getFileName().toString(), track(builder.start()));
        } catch (IOException e) {
            throw new RehearsalException(ErrorCode.BACKUP_FAILED, "cannot run " + command.get(0) + ": " + e.getMessage()
                    + "; nothing was changed", e);
        }
    }

    /** Registers {@code process} to be killed if the JVM exits before it ends. */
    static Process track(Process process) {
        RUNNING.add(process);
        process.onExit().thenRun(() -> RUNNING.remove(process));
        return process;
    }

    /** The client's standard input. */
    OutputStream input() {
        return process.getOutputStream();
    }

    /** Waits until the client printed the line {@code line} (true) or exited without it (false). */
    boolean awaitLine(String line) throws InterruptedException {
        synchronized (output) {
            while (!containsLine(line)) {
                if (!reader.isAlive()) {
                    return containsLine(line);
                }
                output.wait(200);
            }
            return true;
        }
    }

    /** Closes stdin (end of input), waits for the client to exit, and returns its exit code and output. */
    ExternalTools.Result finish() throws InterruptedException {
        try {
            process.getOutputStream().close();
        } catch (IOException e) {
            // The client already exited and closed its end: its exit code tells what happened.
        }
        int exit = process.waitFor();
        reader.join();
        return new ExternalTools.Result(exit, output().strip());
    }

    String output() {
        synchronized (output) {
            return output.toString();
        }
    }

    String name() {
        return name;
    }

    /** Kills the client if it still runs: an unfinished restore must not go on unchecked. */
    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroyForcibly();
        }
    }

    private boolean containsLine(String line) {
        return output.indexOf("\n" + line + "\n") >= 0 || output.indexOf(line + "\n") == 0;
    }

    private void readOutput() {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                synchronized (output) {
                    output.append(line).append('\n');
                    if (output.length() > KEPT_OUTPUT_CHARS) {
                        output.delete(0, output.length() - KEPT_OUTPUT_CHARS);
                    }
                    output.notifyAll();
                }
            }
        } catch (IOException e) {
            // The client is gone; its exit code says how.
        } finally {
            synchronized (output) {
                output.notifyAll();
            }
        }
    }
}
