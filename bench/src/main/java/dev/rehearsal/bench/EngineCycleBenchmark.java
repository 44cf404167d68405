package dev.rehearsal.bench;

import dev.rehearsal.rehearse.PlanRunner;
import dev.rehearsal.rehearse.RehearsalListener;
import dev.rehearsal.rehearse.RehearsalSession;
import dev.rehearsal.rehearse.RunOptions;
import dev.rehearsal.rehearse.ServerSettings;
import dev.rehearsal.rehearse.plan.Planner;
import dev.rehearsal.rehearse.plan.TargetKind;
import dev.rehearsal.rehearse.results.RehearsalResults;
import dev.rehearsal.rehearse.results.StepResult;
import dev.rehearsal.rehearse.results.Verdict;
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
import java.util.TreeMap;
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

/**
 * The full per-migration cycle on SQLite: the Rehearsal core (the cycle the engine and
 * {@code rehearsal rehearse} both run, called directly: no discovery, no JUnit) on {@code count}
 * generated migrations over a {@code seedRows}-row seed, against Liquibase {@code updateTestingRollback}
 * on the same changes as a formatted-SQL changelog, alternating, after one warm-up round of each.
 * Then where the time of the last round went, by step, from the core's own step times.
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
            RehearsalResults[] last = new RehearsalResults[1];
            for (int round = -1; round < rounds; round++) {
                long r = time(() -> last[0] = rehearsal(migrations, count));
                long l = time(() -> liquibase(work, changelog, count));
                System.out.printf(Locale.ROOT, "%s %d: Rehearsal core %.1f s, Liquibase update-testing-rollback %.1f s%n",
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
            System.out.printf(Locale.ROOT, "Rehearsal core (4 steps per migration + chain + history): %8.1f ms%n", r);
            System.out.printf(Locale.ROOT, "Liquibase updateTestingRollback (up all, down all, up all): %8.1f ms%n", l);
            System.out.printf(Locale.ROOT, "Rehearsal / Liquibase = %.1fx%n", r / l);
            System.out.println();
            breakdown(last[0]);
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


    /** One core run on SQLite; fails unless every step passed. */
    private static RehearsalResults rehearsal(Path migrations, int count) {
        Path set = migrations.toAbsolutePath();
        RehearsalResults results;
        try (RehearsalSession session = new RehearsalSession(new ServerSettings(Map.of(), Map.of(), Map.of()),
                new RunOptions(false, "", false), RehearsalListener.NONE)) {
            results = PlanRunner.run(List.of(Planner.suite(set.toString(), "bench", set, null, null,
                    List.of(TargetKind.SQLITE), e -> {
                        throw e;
                    })), session);
        }
        List<StepResult> steps = steps(results);
        long passed = steps.stream().filter(s -> s.verdict() == Verdict.PASSED).count();
        if (passed != steps.size() || passed < 4L * count) {
            throw new IllegalStateException("the rehearsal did not pass: " + passed + " of " + steps.size() + " steps passed; "
                    + steps.stream().filter(s -> s.verdict() != Verdict.PASSED).findFirst().map(StepResult::message).orElse(""));
        }
        return results;
    }

    private static List<StepResult> steps(RehearsalResults results) {
        return results.suites().stream().flatMap(s -> s.targets().stream())
                .flatMap(t -> Stream.concat(t.migrations().stream().flatMap(m -> m.steps().stream()), t.setSteps().stream()))
                .toList();
    }

    /** The core's own step times of one run, summed by step. */
    private static void breakdown(RehearsalResults results) {
        Map<String, Long> byStep = new TreeMap<>();
        steps(results).forEach(s -> byStep.merge(s.step(), s.millis(), Long::sum));
        long total = byStep.values().stream().mapToLong(Long::longValue).sum();
        System.out.println("breakdown of the last round, by step (the core's step times):");
        byStep.forEach((step, millis) -> System.out.printf(Locale.ROOT, "  %-16s %8d ms (%.0f%%)%n", step, millis,
                100.0 * millis / Math.max(1, total)));
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
