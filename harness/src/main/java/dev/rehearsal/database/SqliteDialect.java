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
import java.util.Set;

/** SQLite through sqlite-jdbc: transactional DDL, a lock row instead of server-side locks. */
final class SqliteDialect implements Dialect {
    /** {@code pid@host} of this JVM, the prefix of every owner this process writes. */
    private static final String PROCESS = ManagementFactory.getRuntimeMXBean().getName();

    @Override
    public String name() {
        return "sqlite";
    }

    @Override
    public String fileVariant() {
        return "sqlite";
    }

    @Override
    public Set<String> fileVariantAliases() {
        return Set.of("sqlite3");
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

    /** {@code PRAGMA query_only} refuses every change to the database files; its old value comes back after. */
    @Override
    public ReadOnlySession beginReadOnly(Connection connection, boolean insideCallersTransaction) throws SQLException {
        long before;
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery("pragma query_only")) {
            rs.next();
            before = rs.getLong(1);
        }
        try (Statement s = connection.createStatement()) {
            s.execute("pragma query_only = 1");
        }
        return () -> {
            try (Statement s = connection.createStatement()) {
                s.execute("pragma query_only = " + before);
            }
        };
    }

    /** SQLITE_READONLY (8), and its extended codes in the low byte. */
    @Override
    public boolean refusedAsReadOnly(SQLException e) {
        return (e.getErrorCode() & 0xff) == 8;
    }

    /**
     * SQLite has no named locks that outlive a transaction, so the lock is a row: it is inserted
     * under {@code BEGIN IMMEDIATE} (which serializes writers) only when no other runner's row is
     * there, and deleted on release.
     */
    @Override
    public MigrationLock lock(Connection connection, String lockName, Duration timeout) throws SQLException {
        String table = quote(lockName);
        String owner = PROCESS + "/" + Thread.currentThread().getId() + "/" + System.nanoTime();
        // Kept so the row can still be released when the lock's own connection was cut.
        String url = connection.getMetaData().getURL();
        long deadline = System.nanoTime() + timeout.toNanos();
        createLockTable(connection, table, timeout, deadline);
        boolean restoreAutoCommit = connection.getAutoCommit();
        connection.setAutoCommit(true);
        String holder = null;
        boolean busy = false;
        try {
            while (true) {
                try (Statement s = connection.createStatement()) {
                    s.execute("begin immediate");
                    boolean committed = false;
                    try {
                        holder = currentHolder(connection, table);
                        if (holder != null && ownerIsDead(holder)) {
                            try (Statement stale = connection.createStatement()) {
                                stale.executeUpdate("delete from " + table + " where id = 1");
                            }
                            holder = null;
                        }
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
                    busy = false;
                } catch (SQLException e) {
                    if (!isBusy(e)) {
                        throw e;
                    }
                    busy = true;
                }
                if (System.nanoTime() > deadline) {
                    // No lock row, but the database refused a write transaction: any program's open write
                    // transaction does that, not only another runner's.
                    throw busy && holder == null ? LockTimeouts.databaseBusy(timeout)
                            : LockTimeouts.timedOut(lockName, timeout, holder == null ? null : "held by " + holder);
                }
                LockTimeouts.pause();
            }
        } finally {
            connection.setAutoCommit(restoreAutoCommit);
        }
        return () -> release(connection, url, table, owner);
    }

    /** Creating the table is a write too: another connection's open write transaction blocks it. */
    private static void createLockTable(Connection connection, String table, Duration timeout, long deadline)
            throws SQLException {
        while (true) {
            try (Statement s = connection.createStatement()) {
                s.execute("create table if not exists " + table
                        + " (id integer primary key check (id = 1), owner text not null, acquired_at text not null)");
                return;
            } catch (SQLException e) {
                if (!isBusy(e)) {
                    throw e;
                }
                if (System.nanoTime() > deadline) {
                    throw LockTimeouts.databaseBusy(timeout);
                }
                LockTimeouts.pause();
            }
        }
    }

    /**
     * A lock row written on this host by a process that no longer runs is stale: its runner was
     * killed before it could release it. Rows from other hosts are never judged.
     */
    static boolean ownerIsDead(String owner) {
        int at = owner.indexOf('@');
        int slash = owner.indexOf('/');
        if (at <= 0 || slash < at) {
            return false;
        }
        String host = owner.substring(at + 1, slash);
        if (!PROCESS.endsWith("@" + host)) {
            return false;
        }
        try {
            return ProcessHandle.of(Long.parseLong(owner.substring(0, at))).map(p -> !p.isAlive()).orElse(true);
        } catch (NumberFormatException e) {
            return false;
        }
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

    private static void release(Connection connection, String url, String table, String owner) {
        try {
            if (connection.isClosed()) {
                try (Connection fresh = java.sql.DriverManager.getConnection(url);
                        PreparedStatement delete = fresh.prepareStatement("delete from " + table + " where owner = ?")) {
                    delete.setString(1, owner);
                    delete.executeUpdate();
                }
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
