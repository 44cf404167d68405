package dev.rehearsal.backup;

import dev.rehearsal.database.Target;
import dev.rehearsal.snapshot.data.DatabaseFingerprint;
import dev.rehearsal.snapshot.data.Fingerprinter;
import dev.rehearsal.verification.DatabaseSnapshot;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/** A small schema with data, a foreign key and an index, the same on every engine. */
final class BackupFixtures {
    static final Set<String> EXCLUDED = Set.of("rehearsal_history", "rehearsal_history_lock");

    private BackupFixtures() {
    }

    static void populate(Target target) throws SQLException {
        execute(target,
                "create table teams (id integer primary key, name varchar(50) not null)",
                "create table users (id integer primary key, team_id integer, email varchar(100) not null unique,"
                        + " foreign key (team_id) references teams (id))",
                "create index idx_users_team on users (team_id)",
                "insert into teams (id, name) values (1, 'core'), (2, 'ops')",
                "insert into users (id, team_id, email) values (1, 1, 'a@x.io'), (2, 2, 'b@x.io'), (3, null, 'c@x.io')");
    }

    /** Changes data and schema, as a migration gone wrong would. */
    static void damage(Target target) throws SQLException {
        execute(target,
                "delete from users where id = 3",
                "update teams set name = 'renamed' where id = 1",
                "create table leftovers (id integer primary key)");
    }

    static void execute(Target target, String... statements) throws SQLException {
        try (Connection c = target.connect(); Statement s = c.createStatement()) {
            for (String sql : statements) {
                s.execute(sql);
            }
        }
    }

    static DatabaseSnapshot snapshot(Target target) throws SQLException {
        try (Connection c = target.connect()) {
            return DatabaseSnapshot.take(c, target.dialect(), EXCLUDED);
        }
    }

    /** PostgreSQL's own per-table digests of {@code target} as a manifest records them; empty elsewhere. */
    static SortedMap<String, String> contentDigests(Target target) throws SQLException {
        if (!target.dialect().name().equals("postgres")) {
            return new TreeMap<>();
        }
        try (Connection c = target.connect()) {
            return PostgresContentDigests.read(c);
        }
    }

    static DatabaseFingerprint fingerprint(Target target) throws SQLException {
        try (Connection c = target.connect()) {
            return Fingerprinter.fingerprint(c, target.dialect(), EXCLUDED);
        }
    }
}
