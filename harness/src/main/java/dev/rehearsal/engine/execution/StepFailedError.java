package dev.rehearsal.engine.execution;

import org.opentest4j.AssertionFailedError;

/**
 * A step's failure as JUnit shows it: the message (with the diff, or the database's error) and no
 * Java stack trace, which would only show Rehearsal's own frames, once per failed step. Rehearsal's
 * own bugs are not reported this way: they keep their exception and trace.
 */
final class StepFailedError extends AssertionFailedError {
    private static final long serialVersionUID = 1L;

    StepFailedError(String message) {
        super(message);
    }

    @Override
    public synchronized Throwable fillInStackTrace() {
        return this;
    }
}
