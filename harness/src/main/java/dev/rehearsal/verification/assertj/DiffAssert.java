package dev.rehearsal.verification.assertj;

import dev.rehearsal.snapshot.diff.Diff;
import org.assertj.core.api.AbstractAssert;

/**
 * Assertions on a {@link Diff}; a failure shows the rendered diff, one line per difference.
 *
 * @since 0.1
 */
public final class DiffAssert extends AbstractAssert<DiffAssert, Diff> {

    DiffAssert(Diff actual) {
        super(actual, DiffAssert.class);
    }

    public DiffAssert isEmpty() {
        isNotNull();
        if (!actual.isEmpty()) {
            failWithMessage("%s", "Expected no differences between " + actual.beforeLabel() + " and "
                    + actual.afterLabel() + ", but found " + actual.differences().size() + ":\n" + actual.render());
        }
        return this;
    }

    public DiffAssert isNotEmpty() {
        isNotNull();
        if (actual.isEmpty()) {
            failWithMessage("%s", "Expected differences between " + actual.beforeLabel() + " and "
                    + actual.afterLabel() + ", but found none");
        }
        return this;
    }

    /** Some difference is about {@code subject} (e.g. {@code docs.owner_id}, {@code idx_docs_owner on docs}). */
    public DiffAssert hasDifferenceOn(String subject) {
        isNotNull();
        if (actual.differences().stream().noneMatch(d -> d.subject().equals(subject))) {
            failWithMessage("%s", "Expected a difference on " + subject + ", but the diff is:\n" + actual.render());
        }
        return this;
    }
}
