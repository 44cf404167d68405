package dev.rehearsal.stage;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Migration directories and suites written for one test: up/down pairs, one statement per line. */
public final class StageFixtures {
    public static final String FIRST = "20240101000000";
    public static final String SECOND = "20240102000000";

    private StageFixtures() {
    }

    /** A first migration (teams with two rows) and a second one whose up is {@code secondUp}. */
    public static Path migrations(Path dir, String secondUp) throws IOException {
        Path migrations = Files.createDirectories(dir.resolve("migrations"));
        Files.writeString(migrations.resolve(FIRST + "_create_teams.up.sql"),
                "create table teams (id integer primary key, name varchar(50) not null);\n"
                        + "insert into teams (id, name) values (1, 'core'), (2, 'ops');\n");
        Files.writeString(migrations.resolve(FIRST + "_create_teams.down.sql"), "drop table teams;\n");
        Files.writeString(migrations.resolve(SECOND + "_create_accounts.up.sql"), secondUp);
        Files.writeString(migrations.resolve(SECOND + "_create_accounts.down.sql"), "drop table accounts;\n");
        return migrations;
    }

    /** Creates accounts with one row. */
    public static String goodSecond() {
        return "create table accounts (id integer primary key, team_id integer not null);\n"
                + "insert into accounts (id, team_id) values (1, 1);\n"
                + "update teams set name = 'core team' where id = 1;\n";
    }

    /** Creates a table, changes data, then fails on its last statement (MariaDB keeps the DDL). */
    public static String failingSecond() {
        return "create table accounts (id integer primary key, team_id integer not null);\n"
                + "insert into accounts (id, team_id) values (1, 1);\n"
                + "update teams set name = 'broken' where id = 2;\n"
                + "insert into no_such_table (id) values (1);\n";
    }

    public static Path suite(Path dir, String name, String checks) throws IOException {
        return Files.writeString(dir.resolve(name + ".yaml"), "name: " + name + "\npre:\n  - capture: teams\npost:\n"
                + checks);
    }

    public static String passingChecks() {
        return "  - table_exists: accounts\n  - row_count_equals: \"teams == pre.teams\"\n";
    }

    public static String failingChecks() {
        return "  - table_exists: accounts\n  - row_count: {table: accounts, exact: 5}\n";
    }
}
