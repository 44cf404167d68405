package dev.rehearsal.verification;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The results of one suite's post checks, in suite order.
 *
 * @since 0.1
 */
public record SuiteResult(String suite, List<CheckResult> results) {

    public SuiteResult {
        results = List.copyOf(results);
    }

    /** True when no error-severity check failed; warnings never fail a suite. */
    public boolean passed() {
        return results.stream().noneMatch(CheckResult::failed);
    }

    public List<CheckResult> failures() {
        return withStatus(CheckResult.Status.FAILED);
    }

    public List<CheckResult> warnings() {
        return withStatus(CheckResult.Status.WARNED);
    }

    /** A summary line, then one line per check: {@code PASS ...}, {@code FAIL ...}, {@code WARN ...}. */
    public String render() {
        long passedCount = results.size() - failures().size() - warnings().size();
        String head = "suite " + suite + ": " + (passed() ? "passed" : "FAILED") + " (" + passedCount + " passed, "
                + failures().size() + " failed, " + warnings().size() + " warning" + (warnings().size() == 1 ? "" : "s")
                + ")";
        return results.stream().map(r -> "  " + r.render()).collect(Collectors.joining("\n", head + "\n", ""));
    }

    private List<CheckResult> withStatus(CheckResult.Status status) {
        return results.stream().filter(r -> r.status() == status).toList();
    }

    @Override
    public String toString() {
        return render();
    }
}
