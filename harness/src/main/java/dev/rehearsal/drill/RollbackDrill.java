package dev.rehearsal.drill;

import dev.rehearsal.RehearsalException;
import dev.rehearsal.database.Target;
import dev.rehearsal.migration.Migration;
import dev.rehearsal.migration.MigrationSet;
import dev.rehearsal.migration.MigrationVersion;
import dev.rehearsal.runner.DownScope;
import dev.rehearsal.runner.MigrationRunner;
import dev.rehearsal.snapshot.diff.Diff;
import dev.rehearsal.verification.DatabaseSnapshot;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Rehearses a migration's rollback plan: on the target brought to V-1 (fixtures loaded), takes
 * the pre-migration schema, fingerprint and backup, applies V, and tries each way back — the
 * built-in rollback, then (after applying V again) restoring the backup. Each must bring back
 * the pre-migration schema and data exactly, within the recovery-time objective.
 *
 * <p>The drill changes the target: run it on a scratch database.
 *
 * @since 0.1
 */
public final class RollbackDrill {
    public static final String BUILT_IN_ROLLBACK = "built-in rollback";
    public static final String RESTORE_FROM_BACKUP = "restore from backup";
    static final String BEFORE = "before the migration";

    private RollbackDrill() {
    }

    /**
     * @param target any state: the drill rolls back or applies migrations to reach V-1 first
     * @return one {@link RecoveryOption} per way back, built-in rollback first
     * @throws RehearsalException when V-1 cannot be reached or V cannot be applied (no drill is possible)
     */
    public static RollbackDrillResult run(Target target, MigrationSet set, MigrationVersion version, DrillOptions options) {
        Migration migration = set.get(version);
        MigrationRunner runner = new MigrationRunner(target, set.migrations(), options.runner());
        DrillPreparation.bringTo(runner, target, set, DrillPreparation.previous(set, version), options.fixtures());
        Set<String> excluded = runner.history().internalTables();
        DatabaseSnapshot before = DrillPreparation.snapshot(target, excluded);
        try (ScratchDirectory dir = ScratchDirectory.of(options.backupDir(), "rehearsal-drill-")) {
            PreMigrationBackup backup = null;
            String backupProblem = null;
            try {
                backup = PreMigrationBackup.take(target, dir.newSubdirectory("before-" + version), excluded);
            } catch (RehearsalException e) {
                backupProblem = "no pre-migration backup: " + e.getMessage();
            }
            runner.up(version);
            List<RecoveryOption> results = new ArrayList<>();
            results.add(attempt(BUILT_IN_ROLLBACK, options.objective(), target, before, excluded, null, null,
                    () -> runner.down(DownScope.last())));
            String reapplyProblem = reapply(runner, version);
            String note = null;
            if (reapplyProblem != null && backup != null) {
                // Option 1 left a state V cannot be applied to again: option 2 starts from a state of its own.
                try {
                    backup.restoreInto(target);
                    runner.up(version);
                    note = reapplyProblem + "; so option 2 started on its own: the backup restored, the migration"
                            + " applied again, then the backup restored as the recovery";
                    reapplyProblem = null;
                } catch (RehearsalException e) {
                    reapplyProblem += "; starting option 2 on its own (backup restored, migration applied) failed too: "
                            + e.getMessage();
                }
            }
            if (backup == null) {
                results.add(new RecoveryOption(RESTORE_FROM_BACKUP, false, Duration.ZERO, options.objective(),
                        backupProblem));
            } else {
                PreMigrationBackup restorable = backup;
                results.add(attempt(RESTORE_FROM_BACKUP, options.objective(), target, before, excluded, reapplyProblem,
                        note, () -> restorable.restoreInto(target)));
            }
            return new RollbackDrillResult(migration, results);
        }
    }

    /** Applies V again for the next option; a failure is noted, the restore is tried anyway. */
    private static String reapply(MigrationRunner runner, MigrationVersion version) {
        try {
            if (runner.currentVersion().filter(v -> v.compareTo(version) >= 0).isEmpty()) {
                runner.up(version);
            }
            return null;
        } catch (RehearsalException e) {
            return "applying the migration again before the restore failed: " + e.getMessage();
        }
    }

    /**
     * Times one recovery and compares the state it leaves with the pre-migration one.
     *
     * @param precondition why the option cannot be tried fairly (V could not be applied again), or null
     * @param note what a pass should still say (how the option was set up), or null
     */
    private static RecoveryOption attempt(String name, Duration objective, Target target, DatabaseSnapshot before,
            Set<String> excluded, String precondition, String note, Runnable recovery) {
        List<String> problems = new ArrayList<>();
        if (precondition != null) {
            problems.add(precondition);
        }
        long start = System.nanoTime();
        try {
            recovery.run();
        } catch (RuntimeException e) {
            problems.add(name + " failed: " + e.getMessage());
        }
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        Diff diff = DatabaseSnapshot.compare(before, DrillPreparation.snapshot(target, excluded), BEFORE, "after the " + name);
        if (!diff.isEmpty()) {
            problems.add(diff.render());
        }
        if (took.compareTo(objective) > 0) {
            problems.add("took " + Durations.format(took) + ", over the recovery-time objective of "
                    + Durations.format(objective));
        }
        return new RecoveryOption(name, problems.isEmpty(), took, objective,
                problems.isEmpty() && note != null ? note : String.join("\n", problems));
    }
}
