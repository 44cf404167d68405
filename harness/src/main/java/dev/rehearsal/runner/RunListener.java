package dev.rehearsal.runner;

import dev.rehearsal.migration.Migration;

/** Progress of a run, for the CLI's output and the engine's report entries. */
public interface RunListener {
    RunListener SILENT = new RunListener() { };

    default void started(Migration migration, Direction direction) {
    }

    default void finished(ExecutedMigration executed) {
    }

    /** Something the run goes on despite (a changed down script), said before the first script runs. */
    default void warning(String message) {
    }
}
