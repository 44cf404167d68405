package dev.rehearsal.rehearse;

import dev.rehearsal.drill.DrillOptions;
import dev.rehearsal.drill.Durations;
import dev.rehearsal.drill.Fault;
import dev.rehearsal.drill.FaultInjection;
import dev.rehearsal.drill.FaultOptions;
import dev.rehearsal.drill.FaultResult;
import dev.rehearsal.drill.RecoveryOption;
import dev.rehearsal.drill.RollbackDrill;
import dev.rehearsal.migration.Migration;
import java.time.Duration;

/**
 * The drills under one migration, each on a scratch database of the target's kind that the drill
 * brings to the previous migration itself (fixtures loaded), so the migration being rehearsed on the
 * target run's database is never disturbed.
 */
final class DrillRehearsal {
    private DrillRehearsal() {
    }

    /**
     * Restoring the backup taken just before the migration brings back the exact schema and data,
     * within {@code objective}. Runs for migrations without a rollback too: for them it is the way back.
     */
    static StepOutcome backupRestore(TargetRun run, Migration migration, Duration objective) {
        return run.onFreshDatabase(db -> {
            DrillOptions options = DrillOptions.defaults().withFixtures(run.resources().fixturesDirectory())
                    .withObjective(objective);
            RecoveryOption restore = RollbackDrill.run(db.target(), run.set(), migration.version(), options)
                    .option(RollbackDrill.RESTORE_FROM_BACKUP);
            RecoveryTime time = RecoveryTime.of(restore.recoveryTime(), restore.objective());
            if (!restore.passed()) {
                throw new StepFailure("restoring the pre-migration backup of V" + migration.displayName()
                        + " did not recover:\n" + restore.diff(), restore.diff(), null, time);
            }
            return StepOutcome.passed("restored in " + Durations.format(restore.recoveryTime()) + ", within the "
                    + Durations.format(objective) + " objective" + wayBack(run, migration)).withRecovery(time);
        });
    }

    /** The migration interrupted by {@code fault} recovers to the pre-migration state; the history never says applied. */
    static StepOutcome fault(TargetRun run, Migration migration, Fault fault, FaultOptions options) {
        return run.onFreshDatabase(db -> {
            FaultResult result = FaultInjection.inject(db.target(), run.set(), migration.version(), fault,
                    options.withFixtures(run.resources().fixturesDirectory()));
            if (!result.recovered()) {
                throw new StepFailure(fault.describe() + " of V" + migration.displayName() + " did not recover ("
                        + result.recoveryPath() + "):\n" + result.diff(), result.diff());
            }
            return StepOutcome.passed("recovered by " + result.recoveryPath() + "; history: " + result.historyStatus());
        });
    }

    /** For migrations the rollback steps cannot cover, the restore is how production would get back. */
    private static String wayBack(TargetRun run, Migration migration) {
        if (run.declarations().isIrreversible(migration.version())) {
            return "; the way back for this migration, declared irreversible";
        }
        return migration.hasRollback() ? "" : "; the only way back: " + migration.missingRollbackReason();
    }
}
