package dev.rehearsal.report.model;

/**
 * The answer at the top of the report: may this migration set be released with a way back?
 * {@link #DEFECTS_DETECTED} is a drill: a set built broken on purpose, whose every problem was
 * declared as an expected defect and was found. It is never releasable, and it never hides a
 * real problem: an undeclared one makes the set NOT READY. {@link #INCOMPLETE}: the results hold
 * only part of the plan (a one-node rerun, one shard, a merge missing a shard or given one twice);
 * nothing is proven of the rest, so it is never READY.
 */
public enum Readiness {
    READY("READY"), NOT_READY("NOT READY"), SKIPPED("SKIPPED"), DEFECTS_DETECTED("DEFECTS DETECTED"),
    INCOMPLETE("INCOMPLETE");

    private final String label;

    Readiness(String label) {
        this.label = label;
    }

    /** As printed: {@code NOT READY}. */
    public String label() {
        return label;
    }
}
