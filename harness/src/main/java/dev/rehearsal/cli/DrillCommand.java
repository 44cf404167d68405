package dev.rehearsal.cli;

import dev.rehearsal.ErrorCode;
import dev.rehearsal.RehearsalException;
import dev.rehearsal.database.Target;
import dev.rehearsal.drill.DrillOptions;
import dev.rehearsal.drill.DrillTargets;
import dev.rehearsal.drill.Durations;
import dev.rehearsal.drill.FaultInjection;
import dev.rehearsal.drill.FaultOptions;
import dev.rehearsal.drill.FaultResult;
import dev.rehearsal.drill.RecoveryOption;
import dev.rehearsal.drill.RollbackDrill;
import dev.rehearsal.drill.RollbackDrillResult;
import dev.rehearsal.migration.MigrationLoader;
import dev.rehearsal.migration.MigrationSet;
import dev.rehearsal.migration.MigrationVersion;
import dev.rehearsal.runner.RunnerOptions;
import dev.rehearsal.runner.history.SchemaHistory;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code rehearsal drill rollback|faults}: the drills of the drill package, on a scratch database. */
@Command(name = "drill", mixinStandardHelpOptions = true,
        description = "Rehearse recovery: rollback drills and fault injection. They change the target: use a scratch database.",
        subcommands = {DrillCommand.Rollback.class, DrillCommand.Faults.class})
final class DrillCommand implements Runnable {

    @Override
    public void run() {
        throw new CommandLine.ParameterException(new CommandLine(this), "name a drill: rollback or faults");
    }

    /**
     * What both drills share: the migration commands' target, directory and runner settings, the
     * fixtures and backups, and the scratch-target guard.
     */
    abstract static class DrillBase extends MigrationCommand {
        @Option(names = "--fixtures", paramLabel = "DIR",
                description = "Fixtures loaded after the migrations applied to reach V-1 (<version>.xml, <version>/, <version>.yaml).")
        Path fixtures;

        @Option(names = "--backup-dir", paramLabel = "DIR",
                description = "Where backups are written (default: a temporary directory, removed afterwards).")
        Path backupDir;

        @Option(names = "--scratch-ok", description = "The target is a scratch database: drill on it even though it is not empty.")
        boolean scratchOk;

        @Mixin
        SafetyOptions safety;

        /** The runner settings without the progress listener: a drill's own output is one line per outcome. */
        RunnerOptions runnerOptions() {
            return RunnerOptions.defaults().withHistoryTable(historyTable)
                    .withLockTimeout(lockTimeout).withAllowOutOfOrder(allowOutOfOrder);
        }

        /** Refuses (exit 2, nothing changed) a target that holds anything, unless it is declared scratch. */
        Target scratchTarget() {
            safety.guard("drill " + spec.name());
            Target target = withSetFunctions(targetOptions.target());
            if (!scratchOk) {
                DrillTargets.contents(target, new SchemaHistory(target.dialect(), historyTable)).ifPresent(what -> {
                    throw new RehearsalException(ErrorCode.BAD_USAGE, "refusing to drill on " + target.displayUrl()
                            + ": it is not empty (" + what + "). A drill rolls back, fails migrations part-way and"
                            + " restores backups, which would destroy its data; nothing was changed. Point --url at an"
                            + " empty database, or pass --scratch-ok if this one is a disposable copy");
                });
            }
            return target;
        }

        MigrationSet migrationSet(Target target) {
            return MigrationLoader.load(migrations, target.dialect());
        }
    }

    @Command(name = "rollback", mixinStandardHelpOptions = true,
            description = "Apply migration V on a seeded database at V-1, then check that its rollback and restoring"
                    + " the pre-migration backup each bring back the same schema and data within the objective.")
    static final class Rollback extends DrillBase {
        @Option(names = "--migration", required = true, paramLabel = "VERSION", description = "The migration to drill (its version).")
        String version;

        @Option(names = "--objective", paramLabel = "DURATION", defaultValue = "15m",
                description = "Recovery-time objective per option, e.g. 15m, 90s (default: ${DEFAULT-VALUE}).")
        String objective;

        @Override
        public Integer call() {
            Duration rto = parseObjective();
            Target target = scratchTarget();
            MigrationSet set = migrationSet(target);
            DrillOptions options = DrillOptions.defaults().withRunner(runnerOptions()).withFixtures(fixtures)
                    .withObjective(rto).withBackupDir(backupDir);
            RollbackDrillResult result = RollbackDrill.run(target, set, MigrationVersion.parse(version), options);
            PrintWriter out = out();
            out.println("rollback drill of " + result.migration().displayName() + " on " + target);
            for (RecoveryOption option : result.options()) {
                out.printf("%s  %-20s  %s (objective %s)%n", option.passed() ? "PASS" : "FAIL", option.name(),
                        Durations.format(option.recoveryTime()), Durations.format(option.objective()));
                printIndented(out, option.diff());
            }
            out.flush();
            return result.passed() ? 0 : 1;
        }

        private Duration parseObjective() {
            try {
                return Durations.parse(objective);
            } catch (IllegalArgumentException | java.time.format.DateTimeParseException e) {
                throw new RehearsalException(ErrorCode.BAD_USAGE, "--objective: " + e.getMessage());
            }
        }
    }

    @Command(name = "faults", mixinStandardHelpOptions = true,
            description = "Make a migration fail after each statement (and cut its connection), then check its recovery"
                    + " path leaves the pre-migration schema and data and a history that never says applied.")
    static final class Faults extends DrillBase {
        @ArgGroup(multiplicity = "1")
        Which which;

        static final class Which {
            @Option(names = "--migration", paramLabel = "VERSION", description = "The migration to inject faults into (its version).")
            String version;

            @Option(names = "--all", description = "Every migration, in order.")
            boolean all;
        }

        @Option(names = "--max-faults", paramLabel = "N", defaultValue = "20",
                description = "At most N 'fail after statement k' faults per migration, sampled when there are more (default: ${DEFAULT-VALUE}).")
        int maxFaults;

        @Option(names = "--no-connection-cut", description = "Do not cut the connection in the middle of the script.")
        boolean noConnectionCut;

        @Override
        public Integer call() {
            if (maxFaults < 1) {
                throw new RehearsalException(ErrorCode.BAD_USAGE, "--max-faults must be at least 1, was " + maxFaults);
            }
            Target target = scratchTarget();
            MigrationSet set = migrationSet(target);
            FaultOptions options = FaultOptions.defaults().withRunner(runnerOptions()).withFixtures(fixtures)
                    .withMaxFaults(maxFaults).withConnectionCut(!noConnectionCut).withBackupDir(backupDir);
            List<FaultResult> results = which.all ? FaultInjection.runAll(target, set, options)
                    : FaultInjection.run(target, set, MigrationVersion.parse(which.version), options);
            PrintWriter out = out();
            out.println("fault injection on " + target);
            for (FaultResult r : results) {
                out.printf("%s  %s  %-36s  %-24s  history: %s%n", r.recovered() ? "PASS" : "FAIL",
                        r.migration().version(), r.fault(), r.recoveryPath(), r.historyStatus());
                printIndented(out, r.diff());
            }
            long recovered = results.stream().filter(FaultResult::recovered).count();
            out.println(recovered + " of " + results.size() + " faults recovered");
            out.flush();
            return recovered == results.size() ? 0 : 1;
        }
    }

    static void printIndented(PrintWriter out, String text) {
        if (text != null && !text.isEmpty()) {
            text.lines().forEach(line -> out.println("      " + line));
        }
    }
}
