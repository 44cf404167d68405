package dev.rehearsal.rehearse.results;

/**
 * One step of a migration (apply, rollback-schema, rollback-data, redo, and the drills
 * backup-restore and fault-...) or of a set (full-chain, history).
 *
 * @param step the step id, e.g. {@code rollback-schema}, {@code backup-restore}, {@code fault-fail-3}
 * @param name the display name, e.g. {@code rollback restores schema}
 * @param message what happened: the failure, the skip reason, the warning; null for a plain pass
 * @param diffText the rendered difference, one line each; null when there is none
 * @param millis how long the step took (for a drill: its recovery); 0 when skipped
 * @param expectedDefect true when the step is a declared defect (it passed because it failed as expected)
 * @param objectiveMillis the recovery-time objective a drill held {@code millis} to; null for other steps
 *     (added in 0.1 without a format change: older files read as null)
 */
public record StepResult(String step, String name, Verdict verdict, String message, String diffText, long millis,
        boolean expectedDefect, Long objectiveMillis) {

    /** A step without a recovery-time objective. */
    public StepResult(String step, String name, Verdict verdict, String message, String diffText, long millis,
            boolean expectedDefect) {
        this(step, name, verdict, message, diffText, millis, expectedDefect, null);
    }
}
