package dev.rehearsal.database;

import java.util.function.UnaryOperator;

/**
 * A copy of a driver's exception chain with passwords masked in every message. Drivers quote the URL
 * they were given, and the causes of a failure reach build logs and the cause-walking messages of
 * the results; the copy keeps the stack traces and prints under the original class name.
 */
final class MaskedDriverException extends Exception {
    private static final int DEEPEST_CAUSE = 20;

    private final String originalClass;

    private MaskedDriverException(String originalClass, String message, Throwable cause) {
        super(message, cause);
        this.originalClass = originalClass;
    }

    static MaskedDriverException of(Throwable original, UnaryOperator<String> mask) {
        return of(original, mask, 0);
    }

    private static MaskedDriverException of(Throwable original, UnaryOperator<String> mask, int depth) {
        Throwable cause = original.getCause();
        MaskedDriverException copy = new MaskedDriverException(original.getClass().getName(),
                mask.apply(original.getMessage()),
                cause == null || cause == original || depth >= DEEPEST_CAUSE ? null : of(cause, mask, depth + 1));
        copy.setStackTrace(original.getStackTrace());
        return copy;
    }

    @Override
    public String toString() {
        String message = getLocalizedMessage();
        return message == null ? originalClass : originalClass + ": " + message;
    }
}
