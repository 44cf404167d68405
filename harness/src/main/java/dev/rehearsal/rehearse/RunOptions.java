package dev.rehearsal.rehearse;

/**
 * How a run treats targets and databases.
 *
 * @param requireTargets an unavailable target fails instead of being skipped
 * @param requireTargetsSetting how the face names that setting, for the message of an unavailable target
 * @param keepFailedDatabases the databases of a target run with a failure are kept for inspection
 * @param checkpoints where a target run starting mid-set restores and writes its checkpoints; null for none
 * @param strictColumnOrder a rollback that only changes column order fails, whatever rehearsal.yaml says
 * @param generatedRows rows generated per empty table for a set without fixtures; null: what its
 *     rehearsal.yaml says ({@code generated-rows}), else the default
 */
public record RunOptions(boolean requireTargets, String requireTargetsSetting, boolean keepFailedDatabases,
        Checkpoints checkpoints, boolean strictColumnOrder, Long generatedRows) {

    /** Without checkpoints; column order and generated rows as each set's rehearsal.yaml says. */
    public RunOptions(boolean requireTargets, String requireTargetsSetting, boolean keepFailedDatabases) {
        this(requireTargets, requireTargetsSetting, keepFailedDatabases, null, false, null);
    }

    /** Generated rows as the run says (null: as each set's rehearsal.yaml says). */
    public RunOptions(boolean requireTargets, String requireTargetsSetting, boolean keepFailedDatabases,
            Long generatedRows) {
        this(requireTargets, requireTargetsSetting, keepFailedDatabases, null, false, generatedRows);
    }
}
