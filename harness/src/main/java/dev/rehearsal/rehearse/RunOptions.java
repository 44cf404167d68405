package dev.rehearsal.rehearse;

/**
 * How a run treats targets and databases.
 *
 * @param requireTargets an unavailable target fails instead of being skipped
 * @param requireTargetsSetting how the face names that setting, for the message of an unavailable target
 * @param keepFailedDatabases the databases of a target run with a failure are kept for inspection
 * @param checkpoints where a target run starting mid-set restores and writes its checkpoints; null for none
 * @param strictColumnOrder a rollback that only changes column order fails, whatever rehearsal.yaml says
 */
public record RunOptions(boolean requireTargets, String requireTargetsSetting, boolean keepFailedDatabases,
        Checkpoints checkpoints, boolean strictColumnOrder) {

    /** Without checkpoints, column order as each set's rehearsal.yaml declares it. */
    public RunOptions(boolean requireTargets, String requireTargetsSetting, boolean keepFailedDatabases) {
        this(requireTargets, requireTargetsSetting, keepFailedDatabases, null, false);
    }
}
