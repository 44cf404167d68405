package dev.rehearsal.runner;

import java.util.List;

/** What one runner command executed, in order. */
public record RunResult(List<ExecutedMigration> executed) {
    public RunResult {
        executed = List.copyOf(executed);
    }

    public static RunResult nothing() {
        return new RunResult(List.of());
    }

    public RunResult then(RunResult next) {
        return new RunResult(java.util.stream.Stream.concat(executed.stream(), next.executed.stream()).toList());
    }
}
