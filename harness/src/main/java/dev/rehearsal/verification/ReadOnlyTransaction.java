package dev.rehearsal.verification;

import dev.rehearsal.ErrorCode;
import dev.rehearsal.RehearsalException;
import dev.rehearsal.database.Dialect;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;

/**
 * Runs checks and captures in a read-only transaction that is always rolled back, whatever the
 * suite's SQL tries: suites read the database, they never change it. On a connection in
 * auto-commit mode the transaction is our own; inside a caller's transaction a savepoint fences it
 * (where the engine can make that part read-only; MariaDB cannot, and refuses).
 */
final class ReadOnlyTransaction {
    @FunctionalInterface
    interface Work<T> {
        T run() throws SQLException;
    }

    private ReadOnlyTransaction() {
    }

    static <T> T run(Connection c, Dialect d, Work<T> work) {
        try {
            boolean autoCommit = c.getAutoCommit();
            Savepoint fence = null;
            if (autoCommit) {
                c.setAutoCommit(false);
            } else {
                fence = c.setSavepoint();
            }
            Dialect.ReadOnlySession session = null;
            try {
                session = d.beginReadOnly(c, !autoCommit);
                return work.run();
            } finally {
                end(c, fence, session, autoCommit);
            }
        } catch (SQLException e) {
            throw new RehearsalException(ErrorCode.CONNECTION_FAILED, "cannot run the checks in a read-only"
                    + " transaction: " + e.getMessage(), e);
        }
    }

    /** Rolls back, then undoes the session settings, then restores auto-commit: each even when one before failed. */
    private static void end(Connection c, Savepoint fence, Dialect.ReadOnlySession session, boolean autoCommit)
            throws SQLException {
        try {
            if (fence == null) {
                c.rollback();
            } else {
                c.rollback(fence);
                c.releaseSavepoint(fence);
            }
        } finally {
            try {
                if (session != null) {
                    session.end();
                }
            } finally {
                if (autoCommit) {
                    c.setAutoCommit(true);
                }
            }
        }
    }
}
