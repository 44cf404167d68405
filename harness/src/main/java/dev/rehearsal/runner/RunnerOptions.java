package dev.rehearsal.runner;

import dev.rehearsal.runner.history.SchemaHistory;
import java.time.Duration;

/**
 * How a {@link MigrationRunner} behaves.
 *
 * @param historyTable name of the history table ({@code rehearsal_history} by default)
 * @param lockTimeout how long a runner waits for another one to release the migration lock
 * @param installedBy recorded in the history's {@code installed_by} column
 * @param allowOutOfOrder apply pending migrations older than the newest applied one
 * @param hook called before each statement (fault injection, tracing)
 * @param listener progress callbacks
 * @param beforeChanges called under the lock before the first statement of a run (the safety backup)
 */
public record RunnerOptions(String historyTable, Duration lockTimeout, String installedBy, boolean allowOutOfOrder,
        StatementHook hook, RunListener listener, BeforeChanges beforeChanges) {

    public static RunnerOptions defaults() {
        return new RunnerOptions(SchemaHistory.DEFAULT_TABLE, Duration.ofSeconds(30),
                System.getProperty("user.name", "rehearsal"), false, StatementHook.NONE, RunListener.SILENT,
                BeforeChanges.NONE);
    }

    public RunnerOptions withHistoryTable(String table) {
        return new RunnerOptions(table, lockTimeout, installedBy, allowOutOfOrder, hook, listener, beforeChanges);
    }

    public RunnerOptions withLockTimeout(Duration timeout) {
        return new RunnerOptions(historyTable, timeout, installedBy, allowOutOfOrder, hook, listener, beforeChanges);
    }

    public RunnerOptions withAllowOutOfOrder(boolean allow) {
        return new RunnerOptions(historyTable, lockTimeout, installedBy, allow, hook, listener, beforeChanges);
    }

    public RunnerOptions withHook(StatementHook statementHook) {
        return new RunnerOptions(historyTable, lockTimeout, installedBy, allowOutOfOrder, statementHook, listener, beforeChanges);
    }

    public RunnerOptions withListener(RunListener runListener) {
        return new RunnerOptions(historyTable, lockTimeout, installedBy, allowOutOfOrder, hook, runListener, beforeChanges);
    }

    public RunnerOptions withBeforeChanges(BeforeChanges before) {
        return new RunnerOptions(historyTable, lockTimeout, installedBy, allowOutOfOrder, hook, listener, before);
    }
}
