package dev.rehearsal.snapshot.data;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/** Runs statements in tests. */
final class Sql {
    private Sql() {
    }

    static void run(Connection c, String... statements) throws SQLException {
        try (Statement s = c.createStatement()) {
            for (String sql : statements) {
                s.execute(sql);
            }
        }
    }

    /** A column type per engine: {@code type(engine, "sqlite-type", "postgres-type", "mariadb-type")}. */
    static String type(String engine, String sqlite, String postgres, String mariadb) {
        return switch (engine) {
            case "sqlite" -> sqlite;
            case "postgres" -> postgres;
            default -> mariadb;
        };
    }
}
