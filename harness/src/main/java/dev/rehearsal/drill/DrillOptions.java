package dev.rehearsal.drill;

import dev.rehearsal.runner.RunnerOptions;
import java.nio.file.Path;
import java.time.Duration;

/**
 * How a {@link RollbackDrill} runs.
 *
 * @param runner the runner settings (history table, lock timeout); the drill adds no hook
 * @param fixtures a fixtures directory ({@code <version>.xml} ...) whose fixtures are loaded after
 *     the migrations the drill applies to reach V-1, or null for none
 * @param objective the recovery-time objective each recovery option is measured against
 * @param backupDir where the pre-migration backup is written; null for a fresh temporary directory
 * @since 0.1
 */
public record DrillOptions(RunnerOptions runner, Path fixtures, Duration objective, Path backupDir) {
    /** The rollback plan's "within 15 minutes" for critical issues. */
    public static final Duration DEFAULT_OBJECTIVE = Duration.ofMinutes(15);

    public static DrillOptions defaults() {
        return new DrillOptions(RunnerOptions.defaults(), null, DEFAULT_OBJECTIVE, null);
    }

    public DrillOptions withRunner(RunnerOptions options) {
        return new DrillOptions(options, fixtures, objective, backupDir);
    }

    public DrillOptions withFixtures(Path directory) {
        return new DrillOptions(runner, directory, objective, backupDir);
    }

    public DrillOptions withObjective(Duration recoveryTimeObjective) {
        return new DrillOptions(runner, fixtures, recoveryTimeObjective, backupDir);
    }

    public DrillOptions withBackupDir(Path directory) {
        return new DrillOptions(runner, fixtures, objective, directory);
    }
}
