package dev.rehearsal.drill;

import dev.rehearsal.runner.RunnerOptions;
import java.nio.file.Path;

/**
 * How a {@link FaultInjection} runs.
 *
 * @param runner the runner settings (history table, lock timeout); the injection adds its own hook
 * @param fixtures fixtures loaded after the migrations applied to reach V-1, or null for none
 * @param maxFaults at most this many "fail after statement k" faults per migration; more
 *     statements than that are sampled deterministically from {@code seed}
 * @param seed the sample's seed
 * @param connectionCut also cut the connection in the middle of the script
 * @param backupDir where backups for the restore path are written; null for a temporary directory
 * @since 0.1
 */
public record FaultOptions(RunnerOptions runner, Path fixtures, int maxFaults, long seed, boolean connectionCut,
        Path backupDir) {
    public static final int DEFAULT_MAX_FAULTS = 20;

    public FaultOptions {
        if (maxFaults < 1) {
            throw new IllegalArgumentException("maxFaults must be at least 1, was " + maxFaults);
        }
    }

    public static FaultOptions defaults() {
        return new FaultOptions(RunnerOptions.defaults(), null, DEFAULT_MAX_FAULTS, 20240215L, true, null);
    }

    public FaultOptions withRunner(RunnerOptions options) {
        return new FaultOptions(options, fixtures, maxFaults, seed, connectionCut, backupDir);
    }

    public FaultOptions withFixtures(Path directory) {
        return new FaultOptions(runner, directory, maxFaults, seed, connectionCut, backupDir);
    }

    public FaultOptions withMaxFaults(int max) {
        return new FaultOptions(runner, fixtures, max, seed, connectionCut, backupDir);
    }

    public FaultOptions withSeed(long sampleSeed) {
        return new FaultOptions(runner, fixtures, maxFaults, sampleSeed, connectionCut, backupDir);
    }

    public FaultOptions withConnectionCut(boolean cut) {
        return new FaultOptions(runner, fixtures, maxFaults, seed, cut, backupDir);
    }

    public FaultOptions withBackupDir(Path directory) {
        return new FaultOptions(runner, fixtures, maxFaults, seed, connectionCut, directory);
    }
}
