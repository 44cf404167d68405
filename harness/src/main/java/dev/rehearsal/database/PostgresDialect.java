package dev.rehearsal.database;

import dev.rehearsal.migration.sql.SqlSyntax;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Set;
import java.util.zip.CRC32;

/** PostgreSQL: transactional DDL, session advisory locks. */
final class PostgresDialect implements Dialect {

    @Override
    public String name() {
        return "postgres";
    }

    @Override
    public String fileVariant() {
        return "postgres";
    }

    @Override
    public Set<String> fileVariantAliases() {
        return Set.of("postgresql", "pg");
    }

    /** NAMEDATALEN - 1: longer names are truncated without an error. */
    @Override
    public int maxIdentifierLength() {
        return 63;
    }

    @Override
    public SqlSyntax syntax() {
        return SqlSyntax.POSTGRES;
    }

    @Override
    public boolean transactionalDdl() {
        return true;
    }

    /** {@code SET TRANSACTION READ ONLY} also works after a savepoint, and rolling back to it undoes it. */
    @Override
    public ReadOnlySession beginReadOnly(Connection connection, boolean insideCallersTransaction) throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.execute("set transaction read only");
        }
        return () -> { };
    }

    /** SQLSTATE 25006, read_only_sql_transaction: DML, DDL, nextval(), writes in functions and CTEs. */
    @Override
    public boolean refusedAsReadOnly(SQLException e) {
        return "25006".equals(e.getSQLState());
    }

    @Override
    public MigrationLock lock(Connection connection, String lockName, Duration timeout) throws SQLException {
        long key = advisoryKey(lockName);
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!tryLock(connection, key)) {
            if (System.nanoTime() > deadline) {
                throw LockTimeouts.timedOut(lockName, timeout, "pg_advisory_lock " + key);
            }
            LockTimeouts.pause();
        }
        return () -> {
            try (PreparedStatement unlock = connection.prepareStatement("select pg_advisory_unlock(?)")) {
                unlock.setLong(1, key);
                unlock.execute();
            } catch (SQLException e) {
                throw new IllegalStateException("could not release the advisory lock: " + e.getMessage(), e);
            }
        };
    }

    private static boolean tryLock(Connection connection, long key) throws SQLException {
        boolean autoCommit = connection.getAutoCommit();
        try (PreparedStatement lock = connection.prepareStatement("select pg_try_advisory_lock(?)")) {
            lock.setLong(1, key);
            try (ResultSet rs = lock.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        } finally {
            if (!autoCommit) {
                connection.commit();
            }
        }
    }

    /** A stable key per lock name (and so per history table), like Flyway's per-schema lock. */
    static long advisoryKey(String lockName) {
        CRC32 crc = new CRC32();
        crc.update(("rehearsal:" + lockName).getBytes(StandardCharsets.UTF_8));
        return 0x52480000_00000000L | crc.getValue();
    }
}
