package dev.rehearsal.drill;

import dev.rehearsal.RehearsalException;
import dev.rehearsal.database.Target;
import dev.rehearsal.migration.Migration;
import dev.rehearsal.migration.MigrationSet;
import dev.rehearsal.migration.MigrationVersion;
import dev.rehearsal.runner.Direction;
import dev.rehearsal.runner.MigrationRunner;
import dev.rehearsal.runner.PlannedScript;
import dev.rehearsal.runner.history.HistoryStatus;
import dev.rehearsal.snapshot.diff.Diff;
import dev.rehearsal.verification.DatabaseSnapshot;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.IntStream;

/**
 * Makes a migration fail part-way — after each statement, and with its connection cut — through
 * the runner's own statement hook, then checks the recovery path leaves the schema and data exactly
 * as they were before the migration and the history never says applied.
 *
 * <p>The recovery path is the engine's transaction rollback where DDL is transactional and the
 * script runs in a transaction (SQLite, PostgreSQL); elsewhere (MariaDB, notransaction scripts)
 * it is restoring a backup taken just before the attempt.
 *
 * <p>The injection changes the target: run it on a scratch database.
 *
 * @since 0.1
 */
public final class FaultInjection {
    public static final String TRANSACTION_ROLLBACK = "transaction rollback";
    public static final String RESTORE_FROM_BACKUP = "restore from backup";
    private static final String AFTER_FAULT = "after the fault";

    private FaultInjection() {
    }

    /** Every planned fault of migration {@code version}, on the target brought to V-1. */
    public static List<FaultResult> run(Target target, MigrationSet set, MigrationVersion version, FaultOptions options) {
        return inject(target, set, version, plan(set.get(version), options), options);
    }

    /**
     * Every migration of the set in order: each one's faults on the target at its V-1, then the
     * migration is applied so the next one starts from its own V-1.
     */
    public static List<FaultResult> runAll(Target target, MigrationSet set, FaultOptions options) {
        List<FaultResult> results = new ArrayList<>();
        for (Migration m : set.migrations()) {
            results.addAll(run(target, set, m.version(), options));
        }
        return results;
    }

    /** One fault (e.g. "fail after statement 3") of migration {@code version}, on the target brought to V-1. */
    public static FaultResult inject(Target target, MigrationSet set, MigrationVersion version, Fault fault,
            FaultOptions options) {
        return inject(target, set, version, List.of(fault), options).get(0);
    }

    /**
     * The faults {@link #run} injects: fail before statement k+1 for every k in 0..n-1 (at most
     * {@code maxFaults} of them, always the first and the last, the rest drawn from the seed), then
     * a connection cut after the middle statement.
     */
    public static List<Fault> plan(Migration migration, FaultOptions options) {
        int n = migration.up().statements().size();
        TreeSet<Integer> ks = new TreeSet<>();
        if (n <= options.maxFaults()) {
            IntStream.range(0, n).forEach(ks::add);
        } else {
            ks.add(0);
            if (options.maxFaults() > 1) {
                ks.add(n - 1);
            }
            List<Integer> rest = new ArrayList<>(IntStream.range(1, n - 1).boxed().toList());
            Collections.shuffle(rest, new Random(options.seed()));
            rest.stream().limit(options.maxFaults() - ks.size()).forEach(ks::add);
        }
        List<Fault> faults = new ArrayList<>(ks.stream().map(Fault::failAfter).toList());
        if (options.connectionCut() && n > 0) {
            faults.add(Fault.cutAfter(n / 2));
        }
        return faults;
    }

    private static List<FaultResult> inject(Target target, MigrationSet set, MigrationVersion version,
            List<Fault> faults, FaultOptions options) {
        Migration migration = set.get(version);
        MigrationRunner runner = new MigrationRunner(target, set.migrations(), options.runner());
        DrillPreparation.bringTo(runner, target, set, DrillPreparation.previous(set, version), options.fixtures());
        Set<String> excluded = runner.history().internalTables();
        DatabaseSnapshot before = DrillPreparation.snapshot(target, excluded);
        boolean transactional = new PlannedScript(migration, Direction.UP).transactional(target.dialect());
        List<FaultResult> results = new ArrayList<>();
        try (ScratchDirectory dir = ScratchDirectory.of(options.backupDir(), "rehearsal-faults-")) {
            for (Fault fault : faults) {
                Attempt attempt = new Attempt(target, set, migration, options, runner, before, excluded);
                results.add(transactional ? attempt.withTransactionRollback(fault)
                        : attempt.withBackupRestore(fault, dir));
            }
        }
        return results;
    }

    /** One fault against a target at V-1, and the check of what its recovery path left. */
    private record Attempt(Target target, MigrationSet set, Migration migration, FaultOptions options,
            MigrationRunner runner, DatabaseSnapshot before, Set<String> excluded) {

        FaultResult withTransactionRollback(Fault fault) {
            clearEarlierFailure();
            String problem = fail(fault);
            String status = status();
            String path = TRANSACTION_ROLLBACK;
            return verdict(fault, path, problem, status, !status.equals(HistoryStatus.APPLIED.column()));
        }

        FaultResult withBackupRestore(Fault fault, ScratchDirectory dir) {
            clearEarlierFailure();
            String statusBefore = status();
            PreMigrationBackup backup;
            try {
                backup = PreMigrationBackup.take(target, dir.newSubdirectory(
                        migration.version() + "-" + fault.kind().name().toLowerCase() + "-" + fault.afterStatements()),
                        excluded);
            } catch (RehearsalException e) {
                return new FaultResult(migration, fault.describe(), RESTORE_FROM_BACKUP, false,
                        "no backup before the attempt: " + e.getMessage(), statusBefore);
            }
            String problem = fail(fault);
            String statusAfterFault = status();
            try {
                backup.restoreInto(target);
            } catch (RehearsalException e) {
                problem = join(problem, "the restore failed: " + e.getMessage());
            }
            String path = RESTORE_FROM_BACKUP;
            String statusAfterRestore = status();
            boolean historyOk = !statusAfterFault.equals(HistoryStatus.APPLIED.column())
                    && statusAfterRestore.equals(statusBefore);
            if (!statusAfterRestore.equals(statusBefore)) {
                problem = join(problem, "the history says " + statusAfterRestore + " after the restore, "
                        + statusBefore + " before the attempt");
            }
            return verdict(fault, path, problem, statusAfterFault + "; " + statusAfterRestore + " after the restore",
                    historyOk);
        }

        /** Runs the migration with the fault injected; null when it failed as it should, else what went wrong. */
        private String fail(Fault fault) {
            FaultHook hook = new FaultHook(target, migration.version(), fault);
            MigrationRunner faulty = new MigrationRunner(target, set.migrations(), options.runner().withHook(hook));
            try {
                faulty.up(migration.version());
            } catch (RehearsalException e) {
                return hook.fired() ? null : "the migration failed before the fault was injected: " + e.getMessage();
            }
            return "the fault was never injected (the script has " + migration.up().statements().size()
                    + " statements) and the migration was applied";
        }

        private FaultResult verdict(Fault fault, String path, String problem, String status, boolean historyOk) {
            Diff diff = DatabaseSnapshot.compare(before, DrillPreparation.snapshot(target, excluded), RollbackDrill.BEFORE, AFTER_FAULT);
            String detail = problem;
            if (!diff.isEmpty()) {
                detail = join(detail, diff.render());
            }
            if (!historyOk && problem == null) {
                detail = join(detail, "the history says " + status);
            }
            return new FaultResult(migration, fault.describe(), path, detail == null && historyOk,
                    detail == null ? "" : detail, status);
        }

        /** A failed row from the previous fault would answer for this one; repair clears it, as an operator would. */
        private void clearEarlierFailure() {
            if (status().equals(HistoryStatus.FAILED.column())) {
                runner.repair();
            }
        }

        private String status() {
            return DrillPreparation.historyStatus(target, runner.history(), migration.version());
        }

        private static String join(String first, String second) {
            return first == null ? second : first + "\n" + second;
        }
    }
}
