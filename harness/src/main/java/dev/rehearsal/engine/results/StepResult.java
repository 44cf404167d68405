package dev.rehearsal.engine.results;

/**
 * One step of a migration (apply, rollback-schema, rollback-data, redo) or of a set (full-chain, history).
 *
 * @param step the step id, e.g. {@code rollback-schema}
 * @param name the display name, e.g. {@code rollback restores schema}
 * @param message what happened: the failure, the skip reason, the warning; null for a plain pass
 * @param diffText the rendered difference, one line each; null when there is none
 * @param millis how long the step took; 0 when skipped
 * @param expectedDefect true when the step is a declared defect (it passed because it failed as expected)
 */
public record StepResult(String step, String name, Verdict verdict, String message, String diffText, long millis,
        boolean expectedDefect) {
}
