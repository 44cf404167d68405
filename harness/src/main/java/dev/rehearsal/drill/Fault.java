package dev.rehearsal.drill;

/**
 * A failure injected into a migration's up script.
 *
 * @param kind fail with an error, or cut the connection
 * @param afterStatements how many statements ran before the fault (0: before the first)
 * @since 0.1
 */
public record Fault(Kind kind, int afterStatements) {

    public enum Kind {
        /** The statement hook throws, as a failing statement would. */
        FAIL,
        /** The session is killed (closed, terminated by the server), as a crash or network cut would. */
        CONNECTION_CUT
    }

    public Fault {
        if (afterStatements < 0) {
            throw new IllegalArgumentException("afterStatements must be >= 0, was " + afterStatements);
        }
    }

    public static Fault failAfter(int statements) {
        return new Fault(Kind.FAIL, statements);
    }

    public static Fault cutAfter(int statements) {
        return new Fault(Kind.CONNECTION_CUT, statements);
    }

    /** {@code fail after statement 3}, {@code connection cut after statement 2}, {@code fail before the first statement}. */
    public String describe() {
        String what = kind == Kind.FAIL ? "fail" : "connection cut";
        return afterStatements == 0 ? what + " before the first statement" : what + " after statement " + afterStatements;
    }

    @Override
    public String toString() {
        return describe();
    }
}
