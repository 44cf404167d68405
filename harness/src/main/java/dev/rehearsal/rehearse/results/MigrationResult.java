package dev.rehearsal.rehearse.results;

import java.util.List;

/**
 * One migration on one target.
 *
 * @param version the version as written in the file name
 * @param name the description part of the file name
 * @param needsBackup declared irreversible: the rollback was not rehearsed, release needs a verified backup
 * @param lossy declared lossy: data lost by the rollback is a warning
 * @param steps in order: apply, rollback-schema, rollback-data, redo, then the drills rehearsal.yaml switches on
 *     (backup-restore, fault-fail-k..., fault-cut-k)
 */
public record MigrationResult(String version, String name, boolean hasRollback, boolean needsBackup, boolean lossy,
        List<StepResult> steps) {

    public MigrationResult {
        steps = List.copyOf(steps);
    }
}
