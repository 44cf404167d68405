package dev.rehearsal.runner;

import dev.rehearsal.ErrorCode;
import dev.rehearsal.RehearsalException;
import dev.rehearsal.database.Dialect;
import dev.rehearsal.database.SqliteFunctions;
import dev.rehearsal.migration.Migration;
import dev.rehearsal.migration.MigrationScript;
import dev.rehearsal.migration.sql.SqlStatement;
import dev.rehearsal.runner.history.HistoryRow;
import dev.rehearsal.runner.history.HistoryStatus;
import dev.rehearsal.runner.history.SchemaHistory;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;

/**
 * Runs one script of one migration and records the outcome in the history. Where the engine
 * rolls DDL back, the script and its history row share one transaction, so a failure leaves
 * nothing behind; elsewhere each statement commits on its own and a failure is recorded with the
 * count of statements that stayed applied.
 */
final class MigrationExecutor {
    /** The history row's error while a transactional script runs; never committed unless the script commits. */
    private static final String IN_TRANSACTION = "interrupted: the runner's transaction was ended by the script;"
            + " the database may be partly changed";

    private final Dialect dialect;
    private final SchemaHistory history;
    private final RunnerOptions options;
    private final String recovery;

    /** @param recovery how to get back to the state before the run, or null; kept in the interrupted marker */
    MigrationExecutor(Dialect dialect, SchemaHistory history, RunnerOptions options, String recovery) {
        this.dialect = dialect;
        this.history = history;
        this.options = options;
        this.recovery = recovery;
    }

    /** @param previous the migration's history row before this run, or null */
    ExecutedMigration execute(Connection c, Migration migration, Direction direction, int batch, HistoryRow previous)
            throws SQLException {
        PlannedScript planned = new PlannedScript(migration, direction);
        MigrationScript script = planned.script();
        boolean transactional = planned.transactional(dialect);
        options.listener().started(migration, direction);
        long start = System.nanoTime();
        int ran = 0;
        c.setAutoCommit(!transactional);
        if (transactional) {
            // Inside the transaction: gone after a rollback, still there if something in the script committed.
            history.write(c, row(migration, HistoryStatus.FAILED, batch, 0, HistoryRow.UNKNOWN_PROGRESS, IN_TRANSACTION));
        } else {
            // Without a transaction, a runner cut off mid-script could not record anything: say so up front.
            history.write(c, row(migration, HistoryStatus.FAILED, batch, 0, HistoryRow.UNKNOWN_PROGRESS,
                    "interrupted: the runner stopped before " + (direction == Direction.UP ? "" : "rolling back ")
                            + "this script finished; the database may be partly changed"
                            + (recovery == null ? "" : ". " + recovery)));
        }
        try (Statement jdbc = c.createStatement()) {
            for (SqlStatement statement : script.statements()) {
                options.hook().beforeStatement(migration, direction, ran, statement, c);
                jdbc.execute(statement.sql());
                ran++;
            }
            long millis = (System.nanoTime() - start) / 1_000_000;
            history.write(c, row(migration, direction == Direction.UP ? HistoryStatus.APPLIED : HistoryStatus.ROLLED_BACK,
                    batch, millis, ran, null));
            if (transactional) {
                c.commit();
            }
            ExecutedMigration executed = new ExecutedMigration(migration, direction, millis, ran, transactional);
            options.listener().finished(executed);
            return executed;
        } catch (SQLException | RuntimeException e) {
            long millis = (System.nanoTime() - start) / 1_000_000;
            throw failure(c, migration, direction, script, batch, ran, transactional, millis, e, previous);
        } finally {
            restoreAutoCommit(c);
        }
    }

    private RehearsalException failure(Connection c, Migration migration, Direction direction, MigrationScript script,
            int batch, int ran, boolean transactional, long millis, Exception cause, HistoryRow previous) {
        String where = location(script, ran);
        StringBuilder message = new StringBuilder()
                .append(direction == Direction.UP ? "migration " : "rollback of migration ")
                .append(migration.displayName()).append(" failed at ").append(where)
                .append(" (statement ").append(ran + 1).append(" of ").append(script.statements().size()).append("): ")
                .append(rootMessage(cause))
                .append(SqliteFunctions.hintFor(rootMessage(cause)).orElse(""));
        String recordProblem = null;
        try {
            if (transactional && rolledBack(c, migration)) {
                message.append("\nThe transaction was rolled back (checked: the marker written at its start is gone):"
                        + " the database is as it was before this ").append(direction == Direction.UP ? "migration." : "rollback.");
                if (direction == Direction.UP) {
                    history.write(c, row(migration, HistoryStatus.FAILED, batch, millis, 0, rootMessage(cause)));
                }
            } else if (transactional) {
                history.write(c, row(migration, HistoryStatus.FAILED, batch, millis, HistoryRow.UNKNOWN_PROGRESS,
                        rootMessage(cause)));
                message.append("\nSomething in the script ended the runner's transaction (the marker written at its start"
                        + " was committed): what ran before that stayed applied, so the database is NOT as it was before."
                        + " Restore a backup or undo the statements by hand, then run `rehearsal repair`.");
            } else if (ran == 0) {
                c.setAutoCommit(true);
                message.append("\nNo statement of it had run: the database is unchanged.");
                if (direction == Direction.UP) {
                    history.write(c, row(migration, HistoryStatus.FAILED, batch, millis, 0, rootMessage(cause)));
                } else {
                    history.write(c, previous);
                }
            } else {
                c.setAutoCommit(true);
                history.write(c, row(migration, HistoryStatus.FAILED, batch, millis, ran, rootMessage(cause)));
                message.append("\n").append(ran).append(" statement(s) before it stayed applied: ")
                        .append(TransactionControl.firstIn(script).map(own -> "the script manages its own transaction ("
                                + TransactionControl.describe(script, own) + ") and ran as written, not in the runner's")
                                .orElse(dialect.transactionalDdl() ? "the script runs without a transaction"
                                : "DDL commits implicitly on " + dialect.name()))
                        .append(", so the database is partly changed. Restore a backup or finish/undo the statements"
                                + " by hand, then run `rehearsal repair` to clear the failed entry.");
            }
        } catch (SQLException | RuntimeException recording) {
            recordProblem = rootMessage(recording);
        }
        if (recordProblem != null) {
            message.append("\nThe failure could not be recorded in ").append(history.table()).append(": ")
                    .append(recordProblem);
        }
        return new RehearsalException(ErrorCode.MIGRATION_FAILED, message.toString(), cause);
    }

    /**
     * Rolls back, then checks that the rollback undid the whole script: the marker row written at the
     * transaction's start must be gone. A COMMIT inside the script would have committed it.
     */
    private boolean rolledBack(Connection c, Migration migration) throws SQLException {
        try {
            c.rollback();
        } catch (SQLException e) {
            // SQLite has no transaction to roll back once the script committed it: the check below tells.
        }
        c.setAutoCommit(true);
        return history.rows(c).stream().filter(r -> r.version().equals(migration.version()))
                .noneMatch(r -> IN_TRANSACTION.equals(r.error()));
    }

    private static String location(MigrationScript script, int index) {
        if (index < script.statements().size()) {
            SqlStatement failing = script.statements().get(index);
            return script.fileName() + ":" + failing.line() + ":" + failing.column();
        }
        return script.fileName();
    }

    private HistoryRow row(Migration migration, HistoryStatus status, int batch, long millis, int ran, String error) {
        return new HistoryRow(migration.version(), migration.description(), migration.checksum(),
                migration.upChecksum(), migration.downChecksum(), Instant.now(), millis,
                batch, status, options.installedBy(), ran, error);
    }

    private static void restoreAutoCommit(Connection c) {
        try {
            if (!c.isClosed() && !c.getAutoCommit()) {
                c.rollback();
                c.setAutoCommit(true);
            }
        } catch (SQLException ignored) {
            // The connection is gone (a cut connection in a fault drill); the failure is already reported.
        }
    }

    static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t && t.getMessage() == null) {
            t = t.getCause();
        }
        return String.valueOf(t.getMessage()).strip();
    }
}
