package dev.rehearsal.verification;

import dev.rehearsal.RehearsalException;
import java.sql.SQLException;
import java.sql.Savepoint;

/**
 * Runs one check. A check that cannot run (a SQL error, a missing table or capture, a write the
 * read-only transaction refused) fails with the reason instead of stopping the suite.
 */
final class CheckEvaluator {
    private CheckEvaluator() {
    }

    static CheckResult evaluate(Check check, CheckContext context) {
        Savepoint savepoint = null;
        try {
            // Inside a caller's transaction a failed statement poisons it on PostgreSQL; a savepoint contains that.
            if (!context.connection.getAutoCommit()) {
                savepoint = context.connection.setSavepoint();
            }
            Outcome outcome = dispatch(check, context);
            release(context, savepoint);
            return CheckResult.of(check, outcome.held(), outcome.message());
        } catch (SQLException e) {
            rollback(context, savepoint);
            if (context.dialect.refusedAsReadOnly(e)) {
                return CheckResult.of(check, false, "refused: checks run read-only and this one tried to write;"
                        + " nothing was changed (" + e.getMessage().strip() + ")");
            }
            return CheckResult.of(check, false, "SQL error: " + e.getMessage().strip());
        } catch (RehearsalException | CheckContext.MissingCapture e) {
            rollback(context, savepoint);
            return CheckResult.of(check, false, e.getMessage());
        }
    }

    // Java 17: no pattern switch; the interface is sealed, so the chain is complete.
    private static Outcome dispatch(Check check, CheckContext context) throws SQLException {
        if (check instanceof Check.TableExists c) {
            return SchemaChecks.tableExists(c, context);
        }
        if (check instanceof Check.TableAbsent c) {
            return SchemaChecks.tableAbsent(c, context);
        }
        if (check instanceof Check.ColumnExists c) {
            return SchemaChecks.column(c, context);
        }
        if (check instanceof Check.IndexExists c) {
            return SchemaChecks.index(c, context);
        }
        if (check instanceof Check.RowCount c) {
            return CountChecks.rowCount(c, context);
        }
        if (check instanceof Check.RowCountEquals c) {
            return CountChecks.rowCountEquals(c, context);
        }
        if (check instanceof Check.ChecksumPreserved c) {
            return CountChecks.checksumPreserved(c, context);
        }
        if (check instanceof Check.Query c) {
            return QueryChecks.query(c, context);
        }
        if (check instanceof Check.Marker c) {
            return QueryChecks.marker(c, context);
        }
        return OrphanChecks.noOrphans((Check.NoOrphans) check, context);
    }

    private static void release(CheckContext context, Savepoint savepoint) throws SQLException {
        if (savepoint != null) {
            context.connection.releaseSavepoint(savepoint);
        }
    }

    private static void rollback(CheckContext context, Savepoint savepoint) {
        if (savepoint != null) {
            try {
                context.connection.rollback(savepoint);
            } catch (SQLException ignored) {
                // The check already failed with the first error; that one is worth reporting.
            }
        }
    }
}
