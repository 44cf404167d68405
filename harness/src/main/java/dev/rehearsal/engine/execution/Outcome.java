package dev.rehearsal.engine.execution;

import dev.rehearsal.engine.results.Verdict;

/**
 * How a step that did not throw ended: passed, or passed with a warning.
 *
 * @param message null for a plain pass
 * @param diffText the difference behind a warning, or null
 * @param recovery a drill's measured recovery, recorded as the step's time; null for the step's own duration
 */
public record Outcome(Verdict verdict, String message, String diffText, RecoveryTime recovery) {

    public static Outcome passed() {
        return new Outcome(Verdict.PASSED, null, null, null);
    }

    /** A pass worth a note in the results (what the step did instead, how it recovered). */
    public static Outcome passed(String message) {
        return new Outcome(Verdict.PASSED, message, null, null);
    }

    public static Outcome warning(String message, String diffText) {
        return new Outcome(Verdict.WARNING, message, diffText, null);
    }

    Outcome withRecovery(RecoveryTime time) {
        return new Outcome(verdict, message, diffText, time);
    }
}
