package dev.rehearsal.embedded;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Stops a server when the JVM that started it dies without running its shutdown hooks
 * ({@code kill -9}): a shell in a session of its own (a process-group kill does not reach it, and
 * pg_ctl puts PostgreSQL in its own session too) that blocks reading a pipe from the JVM; the pipe
 * closes when the JVM exits, however it exits, and the shell then kills the processes named by the
 * pid files in the data directory and deletes the server's directory. After a normal stop there is
 * nothing left for it to do.
 */
final class Watchdog {
    private static final String SCRIPT = "cat >/dev/null 2>&1; for f in \"$1\"/*.pid; do [ -f \"$f\" ] &&"
            + " kill -9 \"$(head -n 1 \"$f\")\" 2>/dev/null; done; sleep 1; rm -rf \"$2\"";

    private final Process process;

    private Watchdog(Process process) {
        this.process = process;
    }

    /** Watches {@code data}; null where no {@code setsid}/{@code sh} exists (the shutdown hook still runs on a normal exit). */
    static Watchdog start(Path data, Path serverDirectory) {
        List<String> command = new ArrayList<>();
        if (Files.isExecutable(Path.of("/usr/bin/setsid")) || Files.isExecutable(Path.of("/bin/setsid"))) {
            command.add("setsid");
        }
        command.addAll(List.of("sh", "-c", SCRIPT, "rehearsal-watchdog", data.toString(), serverDirectory.toString()));
        try {
            return new Watchdog(new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start());
        } catch (IOException noShell) {
            return null;
        }
    }

    /** The server was stopped and its directory deleted: let the shell find nothing and exit. */
    void release() {
        try {
            process.getOutputStream().close();
        } catch (IOException e) {
            process.destroy();
        }
    }
}
