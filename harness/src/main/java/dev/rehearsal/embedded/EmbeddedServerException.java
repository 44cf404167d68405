package dev.rehearsal.embedded;

/** An embedded server cannot start; the message says why and what to add or install. */
public final class EmbeddedServerException extends RuntimeException {
    EmbeddedServerException(String message) {
        super(message);
    }

    EmbeddedServerException(String message, Throwable cause) {
        super(message, cause);
    }
}
