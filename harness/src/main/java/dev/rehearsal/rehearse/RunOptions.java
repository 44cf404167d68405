package dev.rehearsal.rehearse;

/**
 * How a run treats targets and databases.
 *
 * @param requireTargets an unavailable target fails instead of being skipped
 * @param requireTargetsSetting how the face names that setting, for the message of an unavailable target
 * @param keepFailedDatabases the databases of a target run with a failure are kept for inspection
 * @param generatedRows rows generated per empty table for a set without fixtures; null: what its
 *     rehearsal.yaml says ({@code generated-rows}), else the default
 */
public record RunOptions(boolean requireTargets, String requireTargetsSetting, boolean keepFailedDatabases,
        Long generatedRows) {

    /** Generated rows as each set's rehearsal.yaml says. */
    public RunOptions(boolean requireTargets, String requireTargetsSetting, boolean keepFailedDatabases) {
        this(requireTargets, requireTargetsSetting, keepFailedDatabases, null);
    }
}
