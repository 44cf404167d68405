package dev.rehearsal.report.model;

/** The answer at the top of the report: may this migration set be released with a way back? */
public enum Readiness {
    READY("READY"), NOT_READY("NOT READY"), SKIPPED("SKIPPED");

    private final String label;

    Readiness(String label) {
        this.label = label;
    }

    /** As printed: {@code NOT READY}. */
    public String label() {
        return label;
    }
}
