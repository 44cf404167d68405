package dev.rehearsal.cli;

import dev.rehearsal.database.Dialects;
import dev.rehearsal.database.Target;
import dev.rehearsal.migration.MigrationLoader;
import dev.rehearsal.migration.MigrationSet;
import dev.rehearsal.rehearse.plan.DeclarationsReader;
import dev.rehearsal.runner.Direction;
import dev.rehearsal.runner.ExecutedMigration;
import dev.rehearsal.runner.MigrationRunner;
import dev.rehearsal.runner.PlannedScript;
import dev.rehearsal.runner.RunListener;
import dev.rehearsal.runner.RunResult;
import dev.rehearsal.runner.RunnerOptions;
import dev.rehearsal.runner.TransactionControl;
import dev.rehearsal.runner.history.SchemaHistory;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** What every migration command shares: the target, the migrations directory, the runner. */
abstract class MigrationCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    TargetOptions targetOptions;

    @Option(names = "--migrations", paramLabel = "DIR", defaultValue = "migrations",
            description = "Migrations directory (default: ${DEFAULT-VALUE}).")
    Path migrations;

    @Option(names = "--history-table", paramLabel = "NAME", defaultValue = SchemaHistory.DEFAULT_TABLE,
            description = "History table (default: ${DEFAULT-VALUE}).")
    String historyTable;

    @Option(names = "--lock-timeout", paramLabel = "SECONDS", defaultValue = "30", converter = LockTimeoutConverter.class,
            description = "How long to wait for another runner's lock, 0 to 86400 (default: ${DEFAULT-VALUE} s).")
    Duration lockTimeout;

    @Option(names = "--allow-out-of-order", description = "Apply pending migrations older than the newest applied one.")
    boolean allowOutOfOrder;

    PrintWriter out() {
        return spec.commandLine().getOut();
    }

    /** Whether the result goes out as one JSON document ({@code --json}, where a command has it). */
    boolean json() {
        return false;
    }

    /** Where lines about the run go: standard output, or standard error when standard output carries JSON. */
    PrintWriter progress() {
        return json() ? spec.commandLine().getErr() : out();
    }

    /** The target as messages show it (password masked). */
    String displayTarget() {
        return target().displayUrl();
    }

    /** Whether this command may create a SQLite database file that does not exist yet (only up-like commands). */
    boolean createsDatabase() {
        return false;
    }

    Target target() {
        return withSetFunctions(createsDatabase() ? targetOptions.target() : targetOptions.existingTarget());
    }

    /**
     * {@code target} registering the SQLite functions the set declares in its rehearsal.yaml (the project
     * registers them in its own driver and the migrations call them); a server target is returned as is.
     */
    Target withSetFunctions(Target target) {
        return target.dialect() == Dialects.SQLITE
                ? target.withFunctions(DeclarationsReader.read(migrations).sqliteFunctions()) : target;
    }

    /** Loads and checks every file before anything touches the database. */
    MigrationRunner runner() {
        Target target = target();
        return new MigrationRunner(target, MigrationLoader.load(migrations, target.dialect()).migrations(),
                runnerOptions(target));
    }

    /**
     * Runs a mutating command: each migration in its own transaction where the database allows it,
     * otherwise behind a verified safety backup taken under the runner's lock (see {@link SafetyBackupOptions}).
     */
    int runProtected(SafetyBackupOptions safetyBackup, Function<MigrationRunner, RunResult> command, String nothingMessage) {
        return summarize(protectedRun(safetyBackup, command), nothingMessage);
    }

    /** {@link #runProtected}'s run, returning what ran instead of printing a summary. */
    RunResult protectedRun(SafetyBackupOptions safetyBackup, Function<MigrationRunner, RunResult> command) {
        Target target = target();
        MigrationSet set = MigrationLoader.load(migrations, target.dialect());
        SafetyBackupOptions.Net net = safetyBackup.net(target,
                new SchemaHistory(target.dialect(), historyTable).internalTables(), progress());
        MigrationRunner runner = new MigrationRunner(target, set.migrations(), runnerOptions(target).withBeforeChanges(net));
        return net.protect(() -> command.apply(runner));
    }

    private RunnerOptions runnerOptions(Target target) {
        return RunnerOptions.defaults()
                .withHistoryTable(historyTable)
                .withLockTimeout(lockTimeout)
                .withAllowOutOfOrder(allowOutOfOrder)
                .withListener(new PrintingListener(progress(), target));
    }

    int summarize(RunResult result, String nothingMessage) {
        if (result.executed().isEmpty()) {
            out().println(nothingMessage);
        }
        return 0;
    }

    /** Prints each migration as it runs, saying whether a transaction protects it, and the run's warnings. */
    private static final class PrintingListener implements RunListener {
        private final PrintWriter out;
        private final Target target;

        PrintingListener(PrintWriter out, Target target) {
            this.out = out;
            this.target = target;
        }

        @Override
        public void finished(ExecutedMigration executed) {
            out.printf("%s %s %s (%d statement%s, %d ms, %s)%n",
                    executed.direction() == Direction.UP ? "applied    " : "rolled back",
                    executed.migration().version(), executed.migration().description(), executed.statements(),
                    executed.statements() == 1 ? "" : "s", executed.executionMillis(),
                    executed.transactional() ? "in one transaction" : ownTransaction(executed)
                            .orElse(target.dialect().transactionalDdl() ? "no transaction: the file opts out"
                                    : "no transaction: DDL commits implicitly on " + target.dialect().name()));
            out.flush();
        }

        @Override
        public void warning(String message) {
            out.println("WARNING: " + message);
            out.flush();
        }

        /** {@code run as written: the file manages its own transaction (BEGIN at 2_audit.up.sql:1)}, if it does. */
        private static Optional<String> ownTransaction(ExecutedMigration executed) {
            PlannedScript planned = new PlannedScript(executed.migration(), executed.direction());
            return planned.ownTransaction().map(statement -> "run as written, not in the runner's transaction: the file"
                    + " manages its own (" + TransactionControl.describe(planned.script(), statement) + ")");
        }
    }
}
