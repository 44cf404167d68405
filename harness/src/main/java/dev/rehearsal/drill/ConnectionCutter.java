package dev.rehearsal.drill;

import dev.rehearsal.database.Dialects;
import dev.rehearsal.database.Target;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Cuts a migration's session the way a crash or a dropped network would: SQLite's connection is
 * closed; a server session is killed from a second connection (PostgreSQL
 * {@code pg_terminate_backend}, MariaDB {@code KILL CONNECTION}) and awaited until it is gone.
 */
final class ConnectionCutter {
    private static final long GONE_TIMEOUT_MILLIS = 10_000;

    private ConnectionCutter() {
    }

    static void cut(Target target, Connection victim) throws SQLException {
        if (target.dialect() == Dialects.SQLITE) {
            victim.close();
            return;
        }
        boolean postgres = target.dialect() == Dialects.POSTGRES;
        long session = singleLong(victim, postgres ? "select pg_backend_pid()" : "select connection_id()");
        try (Connection killer = target.connect(); Statement s = killer.createStatement()) {
            s.execute(postgres ? "select pg_terminate_backend(" + session + ")" : "kill connection " + session);
            awaitGone(killer, postgres ? "select count(*) from pg_stat_activity where pid = ?"
                    : "select count(*) from information_schema.processlist where id = ?", session);
        }
    }

    private static long singleLong(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static void awaitGone(Connection c, String countSql, long session) throws SQLException {
        long deadline = System.currentTimeMillis() + GONE_TIMEOUT_MILLIS;
        try (PreparedStatement count = c.prepareStatement(countSql)) {
            count.setLong(1, session);
            while (true) {
                try (ResultSet rs = count.executeQuery()) {
                    rs.next();
                    if (rs.getLong(1) == 0) {
                        return;
                    }
                }
                if (System.currentTimeMillis() > deadline) {
                    throw new SQLException("session " + session + " was still alive " + GONE_TIMEOUT_MILLIS
                            + " ms after it was killed");
                }
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new SQLException("interrupted while waiting for session " + session + " to end", e);
                }
            }
        }
    }
}
