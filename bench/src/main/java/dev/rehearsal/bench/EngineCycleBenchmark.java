package dev.rehearsal.bench;

import dev.rehearsal.engine.Constants;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;
import liquibase.Contexts;
import liquibase.LabelExpression;
import liquibase.Liquibase;
import liquibase.Scope;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.resource.DirectoryResourceAccessor;
import liquibase.ui.LoggerUIService;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.launcher.EngineFilter;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

/**
 * The full per-migration cycle on SQLite: the Rehearsal engine (through the JUnit Platform Launcher)
 * on {@code count} generated migrations over a {@code seedRows}-row seed, against Liquibase
 * {@code updateTestingRollback} on the same changes as a formatted-SQL changelog, alternating, after
 * one warm-up round of each. Then one instrumented pass ({@link CycleBreakdown}) that makes the
 * engine's calls itself and says where the time goes.
 *
 * <pre>java -cp bench/target/rehearsal-bench.jar dev.rehearsal.bench.EngineCycleBenchmark [migrations] [rounds] [seedRows]</pre>
 */
public final class EngineCycleBenchmark {
    /** Held strongly: java.util.logging forgets the level of a logger nobody references. */
    private static final Logger LIQUIBASE_LOG = Logger.getLogger("liquibase");

    private EngineCycleBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        long seedRows = args.length > 2 ? Long.parseLong(args[2].replace("_", "")) : 10_000;
        System.setProperty("liquibase.logLevel", "WARNING");
        System.setProperty("liquibase.command.showSummary", "OFF");
        LIQUIBASE_LOG.setLevel(Level.WARNING);
        Path work = Files.createTempDirectory("rehearsal-cycle-bench");
        try {
            Path migrations = work.resolve("migrations");
            Path changelog = work.resolve("liquibase");
            CycleMigrations.write(migrations, changelog, count, seedRows);
            List<Long> rehearsal = new ArrayList<>();
            List<Long> liquibase = new ArrayList<>();
            for (int round = -1; round < rounds; round++) {
                long r = time(() -> rehearsal(work, migrations, count));
                long l = time(() -> liquibase(work, changelog, count));
                System.out.printf(Locale.ROOT, "%s %d: Rehearsal engine %.1f s, Liquibase update-testing-rollback %.1f s%n",
                        round < 0 ? "warm-up" : "round  ", round + 2, r / 1e9, l / 1e9);
                if (round >= 0) {
                    rehearsal.add(r);
                    liquibase.add(l);
                }
            }
            double r = Medians.millis(rehearsal);
            double l = Medians.millis(liquibase);
            System.out.printf(Locale.ROOT, "%d migrations, %,d seed rows, SQLite, median of %d rounds after 1 warm-up%n",
                    count, seedRows, rounds);
            System.out.printf(Locale.ROOT, "Rehearsal engine (4 steps per migration + chain + history): %8.1f ms%n", r);
            System.out.printf(Locale.ROOT, "Liquibase updateTestingRollback (up all, down all, up all): %8.1f ms%n", l);
            System.out.printf(Locale.ROOT, "Rehearsal / Liquibase = %.1fx%n", r / l);
            System.out.println();
            CycleBreakdown.run(work, migrations);
        } finally {
            try (Stream<Path> files = Files.walk(work)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private interface Work {
        void run() throws Exception;
    }

    private static long time(Work work) throws Exception {
        long start = System.nanoTime();
        work.run();
        return System.nanoTime() - start;
    }


    /** One engine run on SQLite; fails unless every step passed. */
    private static void rehearsal(Path work, Path migrations, int count) throws Exception {
        Path reports = Files.createDirectories(work.resolve("reports"));
        LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
                .selectors(DiscoverySelectors.selectDirectory(migrations.toFile()))
                .filters(EngineFilter.includeEngines(Constants.ENGINE_ID))
                .configurationParameter(Constants.TARGETS, "sqlite")
                .configurationParameter(Constants.PROJECT_ROOT, work.toString())
                .configurationParameter(Constants.REPORT_DIR, reports.toString())
                .build();
        SummaryGeneratingListener listener = new SummaryGeneratingListener();
        LauncherFactory.create().execute(request, listener);
        TestExecutionSummary summary = listener.getSummary();
        if (summary.getTotalFailureCount() > 0 || summary.getTestsSucceededCount() < 4L * count) {
            summary.printFailuresTo(new java.io.PrintWriter(System.out), 5);
            throw new IllegalStateException("the engine run did not pass: " + summary.getTestsSucceededCount() + " passed, "
                    + summary.getTotalFailureCount() + " failed, " + summary.getTestsSkippedCount() + " skipped, "
                    + summary.getTestsAbortedCount() + " aborted");
        }
    }

    /** Liquibase's own "does every rollback work": update all, roll all back, update all again. */
    private static void liquibase(Path work, Path changelog, int count) throws Exception {
        Path db = work.resolve("liquibase.db");
        Files.deleteIfExists(db);
        Scope.child(Map.of(Scope.Attr.ui.name(), new LoggerUIService()), () -> {
            try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db)) {
                Database database = DatabaseFactory.getInstance().findCorrectDatabaseImplementation(new JdbcConnection(c));
                Liquibase liquibase = new Liquibase(CycleMigrations.CHANGELOG, new DirectoryResourceAccessor(changelog), database);
                liquibase.updateTestingRollback(new Contexts(), new LabelExpression());
            }
        });
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select count(*) from sqlite_master where type = 'table' and name like 't\\_%' escape '\\'"
                        + " or name = 'base'")) {
            rs.next();
            if (rs.getInt(1) != count) {
                throw new IllegalStateException("Liquibase left " + rs.getInt(1) + " of the " + count + " tables");
            }
        }
    }
}
