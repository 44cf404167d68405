package dev.rehearsal.rehearse;

/**
 * A step's finding (a rollback that does not restore the schema...), thrown from deep in a step and
 * turned into {@link StepOutcome.Failed} by {@link StepRunner}; never leaves the core.
 */
final class StepFailure extends RuntimeException {
    private final String diffText;
    private final RecoveryTime recovery;

    StepFailure(String message, String diffText) {
        this(message, diffText, null, null);
    }

    StepFailure(String message, String diffText, Throwable cause) {
        this(message, diffText, cause, null);
    }

    /** @param recovery a drill's measured recovery, recorded as the step's time; null for the step's own */
    StepFailure(String message, String diffText, Throwable cause, RecoveryTime recovery) {
        super(message, cause);
        this.diffText = diffText;
        this.recovery = recovery;
    }

    /** The rendered difference, or null. */
    String diffText() {
        return diffText;
    }

    /** The drill's recovery time, or null. */
    RecoveryTime recovery() {
        return recovery;
    }
}
