package dev.rehearsal.report.model;

/** One matrix cell. NOT_RUN means no run produced that proof at all (not configured), SKIPPED that one declined to. */
public enum ProofStatus {
    PASSED("passed"), FAILED("failed"), WARNING("warning"), SKIPPED("skipped"), NOT_RUN("not run");

    private final String label;

    ProofStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
