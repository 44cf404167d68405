package dev.rehearsal.rehearse;

import dev.rehearsal.rehearse.results.Verdict;

/**
 * How one step ended, as a type: the engine turns it into a JUnit result, the command line into a
 * printed line and a JUnit XML test case. No caller decides by reading a message.
 */
public sealed interface StepOutcome {

    Verdict verdict();

    /** What happened; null for a plain pass. */
    String message();

    /** The rendered difference behind a warning or a failure, or null. */
    default String diffText() {
        return null;
    }

    static Passed passed() {
        return new Passed(null, null);
    }

    /** A pass worth a note in the results (what the step did instead, how it recovered). */
    static Passed passed(String message) {
        return new Passed(message, null);
    }

    static Warning warning(String message, String diffText) {
        return new Warning(message, diffText);
    }

    /**
     * Passed, perhaps with a note.
     *
     * @param recovery a drill's measured recovery, recorded as the step's time; null for the step's own duration
     */
    record Passed(String message, RecoveryTime recovery) implements StepOutcome {
        @Override
        public Verdict verdict() {
            return Verdict.PASSED;
        }

        Passed withRecovery(RecoveryTime time) {
            return new Passed(message, time);
        }
    }

    /** Passed, but needs a person's attention (declared data loss, verification warnings). */
    record Warning(String message, String diffText) implements StepOutcome {
        @Override
        public Verdict verdict() {
            return Verdict.WARNING;
        }
    }

    /**
     * A defect: the step's finding, or the error that stopped it.
     *
     * @param cause the exception behind it, or null
     * @param finding true when the step found the defect itself (a difference, a check, an expected
     *     defect not detected); false when {@code cause} stopped the step
     */
    record Failed(String message, String diffText, Throwable cause, boolean finding) implements StepOutcome {
        @Override
        public Verdict verdict() {
            return Verdict.FAILED;
        }
    }

    /** Not run, and why. */
    record Skipped(String message) implements StepOutcome {
        @Override
        public Verdict verdict() {
            return Verdict.SKIPPED;
        }
    }
}
