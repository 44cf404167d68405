package dev.rehearsal;

import dev.rehearsal.database.JdbcUrls;

/**
 * The one exception Rehearsal throws. The message says where (file:line, or table.column), what,
 * and how to fix it; it never contains a password (messages are masked on the way in).
 */
public class RehearsalException extends RuntimeException {
    private final ErrorCode code;

    public RehearsalException(ErrorCode code, String message) {
        this(code, message, null);
    }

    public RehearsalException(ErrorCode code, String message, Throwable cause) {
        super(JdbcUrls.maskPasswords(message), cause);
        this.code = code;
    }

    public ErrorCode code() {
        return code;
    }
}
