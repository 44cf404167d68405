package dev.rehearsal.drill;

import dev.rehearsal.database.Target;
import dev.rehearsal.migration.Migration;
import dev.rehearsal.migration.MigrationVersion;
import dev.rehearsal.migration.sql.SqlStatement;
import dev.rehearsal.runner.Direction;
import dev.rehearsal.runner.StatementHook;
import java.sql.Connection;
import java.sql.SQLException;

/** Injects one fault into one migration's up script, through the runner's own statement hook. */
final class FaultHook implements StatementHook {
    /** SQLSTATE class 58 (system error), so an injected failure never looks like the script's own. */
    static final String SQL_STATE = "58000";

    private final Target target;
    private final MigrationVersion version;
    private final Fault fault;
    private boolean fired;

    FaultHook(Target target, MigrationVersion version, Fault fault) {
        this.target = target;
        this.version = version;
        this.fault = fault;
    }

    @Override
    public void beforeStatement(Migration migration, Direction direction, int index, SqlStatement statement,
            Connection connection) throws SQLException {
        if (fired || direction != Direction.UP || !migration.version().equals(version)
                || index != fault.afterStatements()) {
            return;
        }
        fired = true;
        if (fault.kind() == Fault.Kind.FAIL) {
            throw new SQLException("injected fault: " + fault.describe(), SQL_STATE);
        }
        // The runner goes on to send the next statement over the dead session, as it would after a real cut.
        ConnectionCutter.cut(target, connection);
    }

    boolean fired() {
        return fired;
    }
}
