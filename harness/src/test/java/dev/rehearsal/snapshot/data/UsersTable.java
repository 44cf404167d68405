package dev.rehearsal.snapshot.data;

import java.sql.Connection;
import java.sql.SQLException;

/** A small {@code users (id, name, nick, score)} table, and moving its {@code name} column on each engine. */
final class UsersTable {
    private UsersTable() {
    }

    static void create(Connection c) throws SQLException {
        Sql.run(c, "create table users (id integer primary key, name varchar(50), nick varchar(50), score integer)",
                "insert into users values (1, 'ann', 'a', 10)", "insert into users values (2, 'bob', 'b', 20)",
                "insert into users values (3, null, 'c', null)");
    }

    /** Moves {@code name} after {@code score}, keeping every value, the way each engine allows it. */
    static void moveNameToTheEnd(Connection c, String engine) throws SQLException {
        switch (engine) {
            // SQLite cannot move a column: the table is rebuilt with the columns in another order.
            case "sqlite" -> Sql.run(c,
                    "create table users_moved (id integer primary key, nick varchar(50), score integer, name varchar(50))",
                    "insert into users_moved (id, name, nick, score) select id, name, nick, score from users",
                    "drop table users", "alter table users_moved rename to users");
            // PostgreSQL cannot either: a new column takes the values, the old one goes.
            case "postgres" -> Sql.run(c, "alter table users rename column name to name_old",
                    "alter table users add column name varchar(50)", "update users set name = name_old",
                    "alter table users drop column name_old");
            default -> Sql.run(c, "alter table users modify name varchar(50) after score");
        }
    }
}
