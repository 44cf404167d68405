package dev.rehearsal.verification;

/**
 * What one check found.
 *
 * @param check the check's display text, e.g. {@code row_count_equals media == pre.images + pre.docs}
 * @param message what was found, e.g. {@code media has 1,498 rows, pre.images + pre.docs = 1,500}
 * @since 0.1
 */
public record CheckResult(String check, Severity severity, Status status, String message) {

    /** A warning that did not hold is {@code WARNED}, never {@code FAILED}. */
    public enum Status { PASSED, FAILED, WARNED }

    static CheckResult of(Check check, boolean held, String message) {
        Status status = held ? Status.PASSED : check.severity() == Severity.WARNING ? Status.WARNED : Status.FAILED;
        return new CheckResult(check.display(), check.severity(), status, message);
    }

    public boolean failed() {
        return status == Status.FAILED;
    }

    /** {@code PASS table_exists media: media exists}. */
    public String render() {
        String word = status == Status.PASSED ? "PASS" : status == Status.FAILED ? "FAIL" : "WARN";
        return word + " " + check + ": " + message;
    }
}
