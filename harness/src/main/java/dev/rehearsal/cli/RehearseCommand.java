package dev.rehearsal.cli;

import dev.rehearsal.ErrorCode;
import dev.rehearsal.RehearsalException;
import dev.rehearsal.database.Dialects;
import dev.rehearsal.embedded.EmbeddedSettings;
import dev.rehearsal.rehearse.Checkpoints;
import dev.rehearsal.rehearse.PlanRunner;
import dev.rehearsal.rehearse.RehearsalSession;
import dev.rehearsal.rehearse.RunOptions;
import dev.rehearsal.rehearse.ServerSettings;
import dev.rehearsal.rehearse.SuiteResources;
import dev.rehearsal.rehearse.plan.Planner;
import dev.rehearsal.rehearse.plan.Shard;
import dev.rehearsal.rehearse.plan.SuitePlan;
import dev.rehearsal.rehearse.plan.TargetKind;
import dev.rehearsal.rehearse.results.JUnitXmlWriter;
import dev.rehearsal.rehearse.results.RehearsalResults;
import dev.rehearsal.rehearse.results.Placement;
import dev.rehearsal.rehearse.results.ResultsWriter;
import dev.rehearsal.rehearse.results.TargetStatus;
import dev.rehearsal.rehearse.results.Verdict;
import dev.rehearsal.report.ReportOptions;
import dev.rehearsal.report.ReportWriter;
import dev.rehearsal.report.model.Readiness;
import dev.rehearsal.report.model.ReadinessReport;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code rehearsal rehearse}: the engine's proofs from a shell. Plans and runs the migration set
 * through the same core as the engine (same steps, same ids), then writes the same results file and
 * report, plus a JUnit XML file for CI test reporters.
 */
@Command(name = "rehearse", mixinStandardHelpOptions = true,
        description = "Rehearse every migration of a set on each target: apply, rollback restores schema and data, redo,"
                + " full chain, history, and the drills rehearsal.yaml switches on.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:ready: every proof passed", "1:a defect was found (not ready)",
                "2:bad input; nothing was run", "3:a target's server could not be reached"})
final class RehearseCommand implements Callable<Integer> {
    /** A target could not be reached at all: CI can tell "the database was down" from "the rollback is broken". */
    static final int TARGET_UNREACHABLE = 3;

    @Spec
    CommandSpec spec;

    @Option(names = "--migrations", paramLabel = "DIR", required = true, description = "The migrations directory.")
    Path migrations;

    @Option(names = "--fixtures", paramLabel = "DIR", description = "The fixtures directory (default: as rehearsal.yaml names it).")
    Path fixtures;

    @Option(names = "--verification", paramLabel = "DIR",
            description = "The verification suites directory (default: as rehearsal.yaml names it).")
    Path verification;

    @Option(names = "--targets", paramLabel = "LIST", split = ",", defaultValue = "sqlite",
            description = "Comma list of sqlite, postgres, mariadb, or embedded servers started from Maven-cached"
                    + " binaries: postgres-13 .. postgres-17, mariadb-10.11, mariadb-11.4 (default: ${DEFAULT-VALUE}).")
    List<String> targets;

    @Option(names = "--url", paramLabel = "URL", description = "Admin JDBC URL of a server target (repeatable; the"
            + " engine is read from the URL), e.g. jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres.")
    List<String> urls = new ArrayList<>();

    @Option(names = "--postgres-url", paramLabel = "URL", description = "Admin JDBC URL of the PostgreSQL server.")
    String postgresUrl;

    @Option(names = "--mariadb-url", paramLabel = "URL", description = "Admin JDBC URL of the MariaDB server.")
    String mariadbUrl;

    @Option(names = "--postgres-password-env", paramLabel = "VAR", defaultValue = "REHEARSAL_POSTGRES_PASSWORD",
            description = "Environment variable holding the PostgreSQL password (default: ${DEFAULT-VALUE}).")
    String postgresPasswordEnv;

    @Option(names = "--mariadb-password-env", paramLabel = "VAR", defaultValue = "REHEARSAL_MARIADB_PASSWORD",
            description = "Environment variable holding the MariaDB password (default: ${DEFAULT-VALUE}).")
    String mariadbPasswordEnv;

    @Option(names = "--embedded-dir", paramLabel = "DIR", description = "Where embedded servers (postgres-17, ...) keep"
            + " their data, deleted at the end of the run (default: a temporary directory).")
    Path embeddedDir;

    @Option(names = "--keep-failed-databases", description = "Keep the databases of a target run with a failure.")
    boolean keepFailedDatabases;

    @Option(names = "--strict-column-order", description = "A rollback that restores every column in another order"
            + " fails (default: a warning, unless rehearsal.yaml says strict-column-order: true).")
    boolean strictColumnOrder;

    @Option(names = "--generated-rows", paramLabel = "N",
            description = "Rows generated into every empty table before each migration of a set without fixtures"
                    + " (0: off; default: generated-rows in rehearsal.yaml, else 200).")
    Long generatedRows;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "reports",
            description = "Where the results, the report and the JUnit XML go (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--shard", paramLabel = "K/N", description = "Run only shard K of N: whole migrations per target,"
            + " cut into N contiguous runs; results go to DIR/shard-K-of-N. Join the shards with `rehearsal report --merge`.")
    String shard;

    @Option(names = "--checkpoints", paramLabel = "DIR", description = "Checkpoints: a target run starting mid-set"
            + " (a shard) restores the verified backup of its first version from DIR instead of replaying with up, and"
            + " writes the one where the next shard starts. Keyed by SHA-256 of migrations 1..v, fixtures, engine and version.")
    Path checkpoints;

    @Override
    public Integer call() {
        List<TargetKind> kinds = targetKinds();
        Shard part = shard == null ? Shard.WHOLE : Shard.parse(shard, "--shard");
        SuitePlan plan = plan(kinds);
        PrintWriter printer = spec.commandLine().getOut();
        RehearsalResults results;
        try (RehearsalSession session = new RehearsalSession(servers(),
                new RunOptions(false, "a reachable server", keepFailedDatabases,
                        checkpoints == null ? null : new Checkpoints(checkpoints.toAbsolutePath().normalize()),
                        strictColumnOrder, generatedRows), new RehearseProgress(printer))) {
            results = PlanRunner.run(List.of(plan), part, session);
        }
        Placement placement = Placement.of(out, results, part);
        ResultsWriter.write(results, placement.directory());
        Path xml = JUnitXmlWriter.write(results, placement.directory());
        ReadinessReport report = ReportWriter.build(results,
                ReportOptions.defaults().withMigrationsRoot(Path.of("").toAbsolutePath()));
        Path html = ReportWriter.write(report, placement.directory());
        RehearseProgress.summary(printer, results, report, placement.note(), html, xml);
        return exitCode(results, report.readiness(), !part.whole());
    }

    /** Reads every input before anything runs: a broken file is bad input (exit 2) and no database is touched. */
    private SuitePlan plan(List<TargetKind> kinds) {
        Path directory = migrations.toAbsolutePath().normalize();
        if (!Files.isDirectory(directory)) {
            throw new RehearsalException(ErrorCode.MIGRATIONS_NOT_FOUND, migrations + ": no such migrations directory");
        }
        List<RehearsalException> problems = new ArrayList<>();
        SuitePlan plan = Planner.suite(directory.toString(), directory.getFileName().toString(), directory,
                absolute(fixtures), absolute(verification), kinds, problems::add);
        if (!problems.isEmpty()) {
            throw problems.get(0);
        }
        SuiteResources.load(plan.fixtures(), plan.verification());
        return plan;
    }

    private static Path absolute(Path path) {
        return path == null ? null : path.toAbsolutePath().normalize();
    }

    private List<TargetKind> targetKinds() {
        List<TargetKind> kinds = new ArrayList<>();
        for (String name : targets) {
            TargetKind kind = TargetKind.find(name).orElseThrow(() -> new RehearsalException(ErrorCode.BAD_USAGE,
                    "--targets: unknown target '" + name.trim() + "'; use a comma list of " + TargetKind.ids()));
            if (!kinds.contains(kind)) {
                kinds.add(kind);
            }
        }
        return kinds;
    }

    /** The server URLs from --postgres-url, --mariadb-url and --url; passwords only from the environment. */
    private ServerSettings servers() {
        Map<TargetKind, String> byKind = new EnumMap<>(TargetKind.class);
        if (postgresUrl != null) {
            byKind.put(TargetKind.POSTGRES, postgresUrl);
        }
        if (mariadbUrl != null) {
            byKind.put(TargetKind.MARIADB, mariadbUrl);
        }
        for (String url : urls) {
            TargetKind kind = TargetKind.find(Dialects.forUrl(url).name()).filter(k -> k != TargetKind.SQLITE)
                    .orElseThrow(() -> new RehearsalException(ErrorCode.BAD_USAGE, "--url takes the admin URL of a"
                            + " PostgreSQL or MariaDB server; SQLite targets need none"));
            if (byKind.containsKey(kind)) {
                throw new RehearsalException(ErrorCode.BAD_USAGE, "two URLs for the " + kind.id() + " server: give one");
            }
            byKind.put(kind, url);
        }
        Map<TargetKind, String> passwords = new EnumMap<>(TargetKind.class);
        password(postgresPasswordEnv).ifPresent(p -> passwords.put(TargetKind.POSTGRES, p));
        password(mariadbPasswordEnv).ifPresent(p -> passwords.put(TargetKind.MARIADB, p));
        return new ServerSettings(byKind, passwords,
                Map.of(TargetKind.POSTGRES, "--postgres-url", TargetKind.MARIADB, "--mariadb-url"),
                new EmbeddedSettings(absolute(embeddedDir), EmbeddedSettings.defaultMavenRepository(), "-Dmaven.repo.local"));
    }

    private static Optional<String> password(String variable) {
        return Optional.ofNullable(variable == null ? null : System.getenv(variable)).filter(p -> !p.isEmpty());
    }

    /**
     * 1 for any defect, else 3 when a target could not be reached, else 0 only when the verdict is
     * READY, or, for a shard, INCOMPLETE (the rest of the plan is the other shards' part; the merge decides).
     */
    static int exitCode(RehearsalResults results, Readiness readiness, boolean shard) {
        boolean failed = results.suites().stream().flatMap(s -> s.targets().stream())
                .anyMatch(t -> t.status() == TargetStatus.FAILED || Stream.concat(
                        t.migrations().stream().flatMap(m -> m.steps().stream()), t.setSteps().stream())
                        .anyMatch(step -> step.verdict() == Verdict.FAILED));
        if (failed) {
            return ErrorCode.CHECK_FAILED.exitCode();
        }
        boolean unreachable = results.suites().stream().flatMap(s -> s.targets().stream())
                .anyMatch(t -> t.status() == TargetStatus.SKIPPED);
        if (unreachable) {
            return TARGET_UNREACHABLE;
        }
        boolean passed = readiness == Readiness.READY || shard && readiness == Readiness.INCOMPLETE;
        return passed ? 0 : ErrorCode.CHECK_FAILED.exitCode();
    }
}
