package dev.rehearsal.runner;

import dev.rehearsal.migration.Migration;
import dev.rehearsal.migration.sql.SqlStatement;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * Called before each statement a runner executes. The seam for fault injection (throw to make a
 * migration fail after statement k, or close the connection to cut it) and for tracing.
 */
@FunctionalInterface
public interface StatementHook {
    StatementHook NONE = (migration, direction, index, statement, connection) -> { };

    /** @param index 0-based position of {@code statement} in its script */
    void beforeStatement(Migration migration, Direction direction, int index, SqlStatement statement,
            Connection connection) throws SQLException;
}
