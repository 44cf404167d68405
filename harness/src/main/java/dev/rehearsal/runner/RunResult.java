package dev.rehearsal.runner;

import java.util.List;
import java.util.stream.Stream;

/**
 * What one runner command executed, in order, and what it warned about (a down script changed
 * since its migration was applied, run as it is now).
 */
public record RunResult(List<ExecutedMigration> executed, List<String> warnings) {
    public RunResult {
        executed = List.copyOf(executed);
        warnings = List.copyOf(warnings);
    }

    public RunResult(List<ExecutedMigration> executed) {
        this(executed, List.of());
    }

    public static RunResult nothing() {
        return new RunResult(List.of());
    }

    public RunResult then(RunResult next) {
        return new RunResult(Stream.concat(executed.stream(), next.executed.stream()).toList(),
                Stream.concat(warnings.stream(), next.warnings.stream()).toList());
    }

    public RunResult withWarnings(List<String> more) {
        return new RunResult(executed, Stream.concat(warnings.stream(), more.stream()).toList());
    }
}
