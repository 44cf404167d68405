package dev.rehearsal.backup;

import dev.rehearsal.ErrorCode;
import dev.rehearsal.RehearsalException;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Finds client tools (pg_dump, mariadb-dump...) on a search path and runs them. */
final class ExternalTools {
    private final List<Path> searchPath;

    ExternalTools(List<Path> searchPath) {
        this.searchPath = List.copyOf(searchPath);
    }

    static ExternalTools fromEnvironment() {
        String path = System.getenv("PATH");
        List<Path> dirs = new ArrayList<>();
        if (path != null) {
            for (String dir : path.split(File.pathSeparator)) {
                if (!dir.isBlank()) {
                    dirs.add(Path.of(dir));
                }
            }
        }
        return new ExternalTools(dirs);
    }

    Optional<Path> find(String name) {
        return searchPath.stream().map(dir -> dir.resolve(name)).filter(Files::isExecutable).findFirst();
    }

    /**
     * The first of {@code names} on the search path.
     *
     * @throws RehearsalException naming the tool and the package that brings it
     */
    Path require(String purpose, String packageHint, String... names) {
        for (String name : names) {
            Optional<Path> found = find(name);
            if (found.isPresent()) {
                return found.get();
            }
        }
        throw new RehearsalException(ErrorCode.BACKUP_FAILED, String.join(" (or ", names)
                + (names.length > 1 ? ")" : "") + " not found on the PATH; it is needed to " + purpose
                + ". Install " + packageHint + " and try again; nothing was changed");
    }

    /** A finished tool run: its exit code and what it printed (stdout, unless redirected, and stderr). */
    record Result(int exitCode, String output) {
        boolean ok() {
            return exitCode == 0;
        }
    }

    /**
     * Runs {@code command} with extra environment variables (passwords go here), stdin from
     * {@code input} and stdout into {@code output} when given.
     */
    static Result run(List<String> command, Map<String, String> environment, Path input, Path output) {
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().putAll(environment);
        if (input != null) {
            builder.redirectInput(input.toFile());
        } else {
            builder.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        }
        if (output != null) {
            builder.redirectOutput(output.toFile());
        } else {
            builder.redirectErrorStream(true);
        }
        try {
            Process process = ClientProcess.track(builder.start());
            String printed = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (output != null) {
                printed = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            }
            return new Result(process.waitFor(), printed.strip());
        } catch (IOException e) {
            // A RehearsalException, so that callers who undo a half-done restore on failure see this one too.
            throw new RehearsalException(ErrorCode.BACKUP_FAILED, "cannot run " + command.get(0) + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RehearsalException(ErrorCode.BACKUP_FAILED, "interrupted while running " + command.get(0), e);
        }
    }

    /** Runs and throws {@code BACKUP_FAILED} with the tool's own message when it fails. */
    static Result runOrFail(String what, List<String> command, Map<String, String> environment, Path input, Path output) {
        Result result = run(command, environment, input, output);
        if (!result.ok()) {
            throw new RehearsalException(ErrorCode.BACKUP_FAILED, what + " failed: " + Path.of(command.get(0)).getFileName()
                    + " exited with " + result.exitCode() + (result.output().isEmpty() ? "" : ": " + result.output()));
        }
        return result;
    }
}
