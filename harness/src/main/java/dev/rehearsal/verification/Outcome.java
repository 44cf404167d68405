package dev.rehearsal.verification;

/** Whether a check held, and what it saw. */
record Outcome(boolean held, String message) {
    static Outcome held(String message) {
        return new Outcome(true, message);
    }

    static Outcome broken(String message) {
        return new Outcome(false, message);
    }

    static Outcome of(boolean held, String message) {
        return new Outcome(held, message);
    }
}
