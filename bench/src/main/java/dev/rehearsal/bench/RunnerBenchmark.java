package dev.rehearsal.bench;

import dev.rehearsal.database.Dialects;
import dev.rehearsal.database.Target;
import dev.rehearsal.migration.Migration;
import dev.rehearsal.migration.MigrationLoader;
import dev.rehearsal.migration.MigrationSet;
import dev.rehearsal.migration.sql.SqlStatement;
import dev.rehearsal.runner.DownScope;
import dev.rehearsal.runner.MigrationRunner;
import dev.rehearsal.runner.RunnerOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.flywaydb.core.Flyway;

/**
 * The runner's overhead: 200 generated migrations applied up, down and up on SQLite by Rehearsal,
 * by plain JDBC executing the same statements (one transaction per migration, as the runner does),
 * and applied up by Flyway {@code migrate}, all in the same run on the same disk.
 *
 * <pre>java -cp bench/target/rehearsal-bench.jar dev.rehearsal.bench.RunnerBenchmark [migrations] [rounds]</pre>
 */
public final class RunnerBenchmark {

    public static void main(String[] args) throws Exception {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 7;
        Path work = Files.createTempDirectory("rehearsal-runner-bench");
        Path paired = work.resolve("paired");
        Path flyway = work.resolve("flyway");
        generate(paired, flyway, count);
        MigrationSet set = MigrationLoader.load(paired, Dialects.SQLITE);

        List<Long> jdbcCycle = new ArrayList<>();
        List<Long> rehearsalCycle = new ArrayList<>();
        List<Long> jdbcUp = new ArrayList<>();
        List<Long> rehearsalUp = new ArrayList<>();
        List<Long> flywayUp = new ArrayList<>();
        for (int round = -2; round < rounds; round++) {
            boolean measured = round >= 0;
            record(measured, jdbcCycle, () -> jdbc(work, set.migrations(), true));
            record(measured, rehearsalCycle, () -> rehearsal(work, paired, true));
            record(measured, jdbcUp, () -> jdbc(work, set.migrations(), false));
            record(measured, rehearsalUp, () -> rehearsal(work, paired, false));
            record(measured, flywayUp, () -> flyway(work, flyway));
        }
        System.out.printf(Locale.ROOT, "%d migrations on SQLite, median of %d rounds after 2 warm-up rounds%n", count, rounds);
        System.out.printf(Locale.ROOT, "up+down+up  plain JDBC          %8.1f ms%n", median(jdbcCycle));
        System.out.printf(Locale.ROOT, "up+down+up  Rehearsal (load+run) %8.1f ms  ratio to JDBC %.3f%n",
                median(rehearsalCycle), median(rehearsalCycle) / median(jdbcCycle));
        System.out.printf(Locale.ROOT, "up          plain JDBC          %8.1f ms%n", median(jdbcUp));
        System.out.printf(Locale.ROOT, "up          Rehearsal (load+run) %8.1f ms  ratio to JDBC %.3f%n",
                median(rehearsalUp), median(rehearsalUp) / median(jdbcUp));
        System.out.printf(Locale.ROOT, "up          Flyway migrate      %8.1f ms  Rehearsal/Flyway %.3f%n",
                median(flywayUp), median(rehearsalUp) / median(flywayUp));
    }

    private interface Work {
        void run() throws Exception;
    }

    private static void record(boolean measured, List<Long> into, Work work) throws Exception {
        long start = System.nanoTime();
        work.run();
        if (measured) {
            into.add(System.nanoTime() - start);
        }
    }

    private static double median(List<Long> nanos) {
        List<Long> sorted = nanos.stream().sorted().toList();
        return sorted.get(sorted.size() / 2) / 1e6;
    }

    private static Path freshDatabase(Path work) throws IOException {
        Path db = work.resolve("bench.db");
        Files.deleteIfExists(db);
        return db;
    }

    /** The baseline: the same statements, one transaction per migration, nothing else. */
    private static void jdbc(Path work, List<Migration> migrations, boolean cycle) throws Exception {
        Path db = freshDatabase(work);
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement()) {
            runScripts(c, s, migrations, true);
            if (cycle) {
                List<Migration> reversed = migrations.stream().sorted(Comparator.comparing(Migration::version).reversed()).toList();
                runScripts(c, s, reversed, false);
                runScripts(c, s, migrations, true);
            }
        }
    }

    private static void runScripts(Connection c, Statement s, List<Migration> migrations, boolean up) throws SQLException {
        for (Migration m : migrations) {
            c.setAutoCommit(false);
            for (SqlStatement statement : (up ? m.up() : m.down()).statements()) {
                s.execute(statement.sql());
            }
            c.commit();
            c.setAutoCommit(true);
        }
    }

    private static void rehearsal(Path work, Path migrations, boolean cycle) throws Exception {
        Path db = freshDatabase(work);
        Target target = Target.sqlite(db);
        MigrationRunner runner = new MigrationRunner(target, MigrationLoader.load(migrations, target.dialect()).migrations(),
                RunnerOptions.defaults());
        runner.up(null);
        if (cycle) {
            runner.down(DownScope.all());
            runner.up(null);
        }
    }

    private static void flyway(Path work, Path migrations) throws Exception {
        Path db = freshDatabase(work);
        Flyway.configure().dataSource("jdbc:sqlite:" + db, null, null)
                .locations("filesystem:" + migrations.toAbsolutePath())
                .load().migrate();
    }

    private static void generate(Path paired, Path flyway, int count) throws IOException {
        Files.createDirectories(paired);
        Files.createDirectories(flyway);
        for (int i = 1; i <= count; i++) {
            String table = "t_" + i;
            String up = "CREATE TABLE " + table + " (id INTEGER PRIMARY KEY, name VARCHAR(100) NOT NULL, amount REAL,"
                    + " created_at VARCHAR(32));\n"
                    + "CREATE INDEX idx_" + table + "_name ON " + table + " (name);\n"
                    + "INSERT INTO " + table + " (id, name, amount, created_at) VALUES (1, 'first; not a split', 1.5,"
                    + " '2024-01-01'), (2, 'second', NULL, '2024-01-02');\n"
                    + "-- a comment; with a semicolon\n"
                    + "UPDATE " + table + " SET amount = 2.5 WHERE id = 2;\n";
            String down = "DROP TABLE " + table + ";\n";
            String version = String.format(Locale.ROOT, "%04d", i);
            Files.writeString(paired.resolve(version + "_create_" + table + ".up.sql"), up);
            Files.writeString(paired.resolve(version + "_create_" + table + ".down.sql"), down);
            Files.writeString(flyway.resolve("V" + i + "__create_" + table + ".sql"), up);
        }
    }
}
