package dev.rehearsal.verification.assertj;

import dev.rehearsal.verification.SuiteResult;
import org.assertj.core.api.AbstractAssert;

/**
 * Assertions on a {@link SuiteResult}; a failure shows the rendered result, one line per check.
 *
 * @since 0.1
 */
public final class SuiteResultAssert extends AbstractAssert<SuiteResultAssert, SuiteResult> {

    SuiteResultAssert(SuiteResult actual) {
        super(actual, SuiteResultAssert.class);
    }

    /** No error-severity check failed (warnings are allowed). */
    public SuiteResultAssert passed() {
        isNotNull();
        if (!actual.passed()) {
            failWithMessage("%s", "Expected suite " + actual.suite() + " to pass, but " + actual.failures().size()
                    + " check(s) failed:\n" + actual.render());
        }
        return this;
    }

    public SuiteResultAssert failed() {
        isNotNull();
        if (actual.passed()) {
            failWithMessage("%s", "Expected suite " + actual.suite() + " to fail, but it passed:\n" + actual.render());
        }
        return this;
    }

    /** Passed, and without warnings. */
    public SuiteResultAssert passedWithoutWarnings() {
        passed();
        if (!actual.warnings().isEmpty()) {
            failWithMessage("%s", "Expected suite " + actual.suite() + " to pass without warnings, but "
                    + actual.warnings().size() + " warned:\n" + actual.render());
        }
        return this;
    }
}
