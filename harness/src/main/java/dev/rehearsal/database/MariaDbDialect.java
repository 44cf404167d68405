package dev.rehearsal.database;

import dev.rehearsal.ErrorCode;
import dev.rehearsal.RehearsalException;
import dev.rehearsal.migration.sql.SqlSyntax;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Set;

/** MariaDB and MySQL: DDL commits implicitly, named locks through {@code GET_LOCK}. */
final class MariaDbDialect implements Dialect {

    @Override
    public String name() {
        return "mariadb";
    }

    @Override
    public String fileVariant() {
        return "mysql";
    }

    @Override
    public Set<String> fileVariantAliases() {
        return Set.of("mariadb");
    }

    /** Longer names fail with "Incorrect table name". */
    @Override
    public int maxIdentifierLength() {
        return 64;
    }

    @Override
    public SqlSyntax syntax() {
        return SqlSyntax.MYSQL;
    }

    @Override
    public boolean transactionalDdl() {
        return false;
    }

    @Override
    public String quote(String identifier) {
        return '`' + identifier.replace("`", "``") + '`';
    }

    @Override
    public String textType() {
        return "TEXT";
    }

    /**
     * {@code START TRANSACTION READ ONLY} alone does not stop DDL: MariaDB commits before it and
     * runs it outside the transaction. Making the session read-only as well refuses DDL too; it is
     * set back afterwards. An open transaction cannot become read-only, so that is refused.
     */
    @Override
    public ReadOnlySession beginReadOnly(Connection connection, boolean insideCallersTransaction) throws SQLException {
        if (insideCallersTransaction) {
            throw new RehearsalException(ErrorCode.BAD_USAGE, "MariaDB cannot make an open transaction read-only:"
                    + " run verification on a connection in auto-commit mode (it opens its own read-only"
                    + " transaction and rolls it back)");
        }
        boolean sessionWasReadOnly;
        try (Statement s = connection.createStatement();
                ResultSet rs = s.executeQuery("select @@session.tx_read_only")) {
            rs.next();
            sessionWasReadOnly = rs.getBoolean(1);
        }
        try (Statement s = connection.createStatement()) {
            s.execute("set session transaction read only");
            s.execute("start transaction read only");
        }
        return () -> {
            if (!sessionWasReadOnly) {
                try (Statement s = connection.createStatement()) {
                    s.execute("set session transaction read write");
                }
            }
        };
    }

    /** Error 1792, ER_CANT_EXECUTE_IN_READ_ONLY_TRANSACTION (SQLSTATE 25006). */
    @Override
    public boolean refusedAsReadOnly(SQLException e) {
        return e.getErrorCode() == 1792 || "25006".equals(e.getSQLState());
    }

    @Override
    public MigrationLock lock(Connection connection, String lockName, Duration timeout) throws SQLException {
        // GET_LOCK names are server-wide: qualify with the schema so two databases never contend.
        String name = "rehearsal:" + connection.getCatalog() + ":" + lockName;
        long seconds = Math.max(0, (timeout.toMillis() + 999) / 1000);
        try (PreparedStatement lock = connection.prepareStatement("select get_lock(?, ?)")) {
            lock.setString(1, name);
            lock.setLong(2, seconds);
            try (ResultSet rs = lock.executeQuery()) {
                rs.next();
                if (rs.getInt(1) != 1) {
                    throw LockTimeouts.timedOut(lockName, timeout, "GET_LOCK('" + name + "')");
                }
            }
        }
        return () -> {
            try (PreparedStatement release = connection.prepareStatement("select release_lock(?)")) {
                release.setString(1, name);
                release.execute();
            } catch (SQLException e) {
                throw new IllegalStateException("could not release the named lock: " + e.getMessage(), e);
            }
        };
    }
}
