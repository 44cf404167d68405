package dev.rehearsal.bench;

import dev.rehearsal.RehearsalException;
import dev.rehearsal.database.Dialect;
import dev.rehearsal.database.Dialects;
import dev.rehearsal.database.IsolatedDatabase;
import dev.rehearsal.database.Target;
import dev.rehearsal.snapshot.schema.SchemaReader;
import dev.rehearsal.snapshot.schema.SchemaSnapshot;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * How long one schema snapshot takes on a 200-table schema: {@code SchemaReader.read} on SQLite and,
 * when reachable, on the local PostgreSQL and MariaDB (a uniquely named database, dropped after).
 * Target: under one second each.
 *
 * <pre>java -cp bench/target/rehearsal-bench.jar dev.rehearsal.bench.SnapshotBenchmark [tables] [rounds]</pre>
 * The server URLs can be overridden with {@code -Dbench.postgres.url=...} and {@code -Dbench.mariadb.url=...}.
 */
public final class SnapshotBenchmark {
    private static final String POSTGRES = "jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres";
    private static final String MARIADB = "jdbc:mariadb://127.0.0.1:3306/?user=root";

    private SnapshotBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int tables = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        measure("sqlite", IsolatedDatabase::sqlite, tables, rounds);
        measure("postgres", prefix -> IsolatedDatabase.on(Target.of(System.getProperty("bench.postgres.url", POSTGRES)), prefix),
                tables, rounds);
        measure("mariadb", prefix -> IsolatedDatabase.on(Target.of(System.getProperty("bench.mariadb.url", MARIADB)), prefix),
                tables, rounds);
    }

    private interface Databases {
        IsolatedDatabase create(String prefix);
    }

    private static void measure(String engine, Databases databases, int tables, int rounds) throws SQLException {
        IsolatedDatabase db;
        try {
            db = databases.create("bench");
        } catch (RehearsalException e) {
            System.out.printf(Locale.ROOT, "%-8s skipped: %s%n", engine, e.getMessage());
            return;
        }
        try (db; Connection c = db.target().connect()) {
            Dialect dialect = db.target().dialect();
            long start = System.nanoTime();
            int statements = create(c, dialect, tables);
            long built = System.nanoTime() - start;
            List<Long> times = new ArrayList<>();
            SchemaSnapshot snapshot = null;
            for (int round = -2; round < rounds; round++) {
                long t0 = System.nanoTime();
                snapshot = SchemaReader.read(c, dialect, Set.of());
                long elapsed = System.nanoTime() - t0;
                if (round >= 0) {
                    times.add(elapsed);
                }
            }
            if (snapshot.tables().size() != tables) {
                throw new IllegalStateException(engine + ": snapshot holds " + snapshot.tables().size() + " tables, expected " + tables);
            }
            double median = Medians.millis(times);
            System.out.printf(Locale.ROOT, "%-8s %d tables, %d views, %d triggers (%d DDL statements in %.1f s): "
                            + "SchemaReader.read median %.0f ms of %d (min %.0f, max %.0f) -> %s%n",
                    engine, snapshot.tables().size(), snapshot.views().size(), snapshot.triggers().size(), statements, built / 1e9,
                    median, rounds, times.stream().mapToLong(Long::longValue).min().orElse(0) / 1e6,
                    times.stream().mapToLong(Long::longValue).max().orElse(0) / 1e6,
                    median < 1000 ? "under the 1 s target" : "OVER the 1 s target");
        }
    }

    /** The schema: see {@link SchemaGenerator}. Returns the number of statements executed. */
    private static int create(Connection c, Dialect dialect, int tables) throws SQLException {
        List<String> ddl = SchemaGenerator.ddl(dialect, tables);
        try (Statement s = c.createStatement()) {
            for (String sql : ddl) {
                s.execute(sql);
            }
        }
        return ddl.size();
    }

    /** 200 tables of mixed types, indexes, foreign keys to earlier tables, some views and triggers. */
    static final class SchemaGenerator {
        private SchemaGenerator() {
        }

        static List<String> ddl(Dialect dialect, int tables) {
            boolean pg = dialect == Dialects.POSTGRES;
            boolean maria = dialect == Dialects.MARIADB;
            String integer = maria ? "INT" : "INTEGER";
            String real = pg || maria ? "DOUBLE PRECISION" : "REAL";
            String timestamp = maria ? "DATETIME" : "TIMESTAMP";
            String blob = pg ? "BYTEA" : "BLOB";
            String yes = dialect == Dialects.SQLITE ? "1" : "TRUE";
            List<String> ddl = new ArrayList<>();
            if (pg) {
                ddl.add("CREATE FUNCTION bench_touch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN"
                        + " NEW.created_at = now(); RETURN NEW; END $$");
            }
            for (int i = 1; i <= tables; i++) {
                String t = "t_" + i;
                StringBuilder create = new StringBuilder("CREATE TABLE " + t + " (id " + integer + " PRIMARY KEY, name VARCHAR(100) NOT NULL,"
                        + " amount DECIMAL(12,2) DEFAULT 0, score " + real + ", created_at " + timestamp + ", flag BOOLEAN NOT NULL DEFAULT " + yes);
                if (i % 2 == 0) {
                    create.append(", payload ").append(blob);
                }
                if (i % 3 == 0) {
                    create.append(", parent_id ").append(integer).append(" REFERENCES t_").append(i - 1).append(" (id)");
                }
                ddl.add(create.append(")").toString());
                ddl.add("CREATE INDEX idx_" + t + "_name ON " + t + " (name)");
                if (i % 2 == 1) {
                    ddl.add("CREATE UNIQUE INDEX idx_" + t + "_created ON " + t + " (created_at, id)");
                }
                if (i % 20 == 0) {
                    ddl.add("CREATE VIEW v_" + i + " AS SELECT id, name, amount FROM " + t + " WHERE flag = " + yes);
                }
                if (i % 25 == 0) {
                    ddl.add(trigger(dialect, t));
                }
            }
            return ddl;
        }

        private static String trigger(Dialect dialect, String t) {
            if (dialect == Dialects.POSTGRES) {
                return "CREATE TRIGGER trg_" + t + " BEFORE UPDATE ON " + t + " FOR EACH ROW EXECUTE FUNCTION bench_touch()";
            }
            if (dialect == Dialects.MARIADB) {
                return "CREATE TRIGGER trg_" + t + " BEFORE UPDATE ON " + t + " FOR EACH ROW SET NEW.created_at = NOW()";
            }
            return "CREATE TRIGGER trg_" + t + " AFTER UPDATE ON " + t + " BEGIN UPDATE " + t
                    + " SET created_at = CURRENT_TIMESTAMP WHERE id = NEW.id; END";
        }
    }
}
