package dev.rehearsal.engine.execution;

import org.opentest4j.AssertionFailedError;

/** A step's finding (a rollback that does not restore the schema...), with the diff for the results model. */
public final class StepFailure extends AssertionFailedError {
    private final String diffText;

    StepFailure(String message, String diffText) {
        super(message);
        this.diffText = diffText;
    }

    StepFailure(String message, String diffText, Throwable cause) {
        super(message, cause);
        this.diffText = diffText;
    }

    /** The rendered difference, or null. */
    public String diffText() {
        return diffText;
    }
}
