package dev.rehearsal.engine.execution;

import dev.rehearsal.engine.results.Verdict;

/**
 * How a step that did not throw ended: passed, or passed with a warning.
 *
 * @param message null for a plain pass
 * @param diffText the difference behind a warning, or null
 */
public record Outcome(Verdict verdict, String message, String diffText) {

    public static Outcome passed() {
        return new Outcome(Verdict.PASSED, null, null);
    }

    public static Outcome warning(String message, String diffText) {
        return new Outcome(Verdict.WARNING, message, diffText);
    }
}
