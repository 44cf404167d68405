package dev.rehearsal.database;

import dev.rehearsal.migration.sql.SqlSyntax;
import java.lang.management.ManagementFactory;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;

/** SQLite through sqlite-jdbc: transactional DDL, a lock row instead of server-side locks. */
final class SqliteDialect implements Dialect {

    @Override
    public String name() {
        return "sqlite";
    }

    @Override
    public String fileVariant() {
        return "sqlite";
    }

    @Override
    public SqlSyntax syntax() {
        return SqlSyntax.SQLITE;
    }

    @Override
    public boolean transactionalDdl() {
        return true;
    }

    @Override
    public String serverVersion(Connection connection) throws SQLException {
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery("select sqlite_version()")) {
            rs.next();
            return rs.getString(1);
        }
    }

    /**
     * SQLite has no named locks that outlive a transaction, so the lock is a row: it is inserted
     * under {@code BEGIN IMMEDIATE} (which serializes writers) only when no other runner's row is
     * there, and deleted on release.
     */
    @Override
    public MigrationLock lock(Connection connection, String lockName, Duration timeout) throws SQLException {
        String table = quote(lockName);
        String owner = ManagementFactory.getRuntimeMXBean().getName() + "/" + Thread.currentThread().getId()
                + "/" + System.nanoTime();
        try (Statement s = connection.createStatement()) {
            s.execute("create table if not exists " + table
                    + " (id integer primary key check (id = 1), owner text not null, acquired_at text not null)");
        }
        boolean restoreAutoCommit = connection.getAutoCommit();
        connection.setAutoCommit(true);
        long deadline = System.nanoTime() + timeout.toNanos();
        String holder = null;
        try {
            while (true) {
                try (Statement s = connection.createStatement()) {
                    s.execute("begin immediate");
                    boolean committed = false;
                    try {
                        holder = currentHolder(connection, table);
                        if (holder == null) {
                            try (PreparedStatement insert = connection.prepareStatement(
                                    "insert into " + table + " (id, owner, acquired_at) values (1, ?, ?)")) {
                                insert.setString(1, owner);
                                insert.setString(2, Instant.now().toString());
                                insert.executeUpdate();
                            }
                            s.execute("commit");
                            committed = true;
                            break;
                        }
                        s.execute("commit");
                        committed = true;
                    } finally {
                        if (!committed) {
                            s.execute("rollback");
                        }
                    }
                } catch (SQLException busy) {
                    if (!isBusy(busy)) {
                        throw busy;
                    }
                }
                if (System.nanoTime() > deadline) {
                    throw LockTimeouts.timedOut(lockName, timeout, holder == null ? null : "held by " + holder);
                }
                LockTimeouts.pause();
            }
        } finally {
            connection.setAutoCommit(restoreAutoCommit);
        }
        return () -> release(connection, table, owner);
    }

    private static String currentHolder(Connection connection, String table) throws SQLException {
        try (Statement s = connection.createStatement();
                ResultSet rs = s.executeQuery("select owner from " + table + " where id = 1")) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    private static boolean isBusy(SQLException e) {
        String message = String.valueOf(e.getMessage());
        return message.contains("SQLITE_BUSY") || message.contains("database is locked");
    }

    private static void release(Connection connection, String table, String owner) {
        try {
            if (connection.isClosed()) {
                return;
            }
            boolean autoCommit = connection.getAutoCommit();
            if (!autoCommit) {
                connection.rollback();
            }
            try (PreparedStatement delete = connection.prepareStatement("delete from " + table + " where owner = ?")) {
                delete.setString(1, owner);
                delete.executeUpdate();
            }
            if (!autoCommit) {
                connection.commit();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not release the SQLite migration lock: " + e.getMessage(), e);
        }
    }
}
