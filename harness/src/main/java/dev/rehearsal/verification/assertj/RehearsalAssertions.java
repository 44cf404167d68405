package dev.rehearsal.verification.assertj;

import dev.rehearsal.snapshot.diff.Diff;
import dev.rehearsal.snapshot.schema.SchemaSnapshot;
import dev.rehearsal.verification.SuiteResult;

/**
 * AssertJ entry points for Rehearsal's values. Static-import {@code assertThat} from here beside
 * AssertJ's own: the overloads do not clash.
 *
 * <pre>{@code
 * assertThat(schema).hasTable("media").doesNotHaveTable("images_old");
 * assertThat(SchemaDiffer.compare(before, after, "before up", "after rollback")).isEmpty();
 * assertThat(suite.verify(connection, dialect, pre)).passed();
 * }</pre>
 *
 * @since 0.1
 */
public final class RehearsalAssertions {
    private RehearsalAssertions() {
    }

    public static SchemaSnapshotAssert assertThat(SchemaSnapshot actual) {
        return new SchemaSnapshotAssert(actual);
    }

    public static DiffAssert assertThat(Diff actual) {
        return new DiffAssert(actual);
    }

    public static SuiteResultAssert assertThat(SuiteResult actual) {
        return new SuiteResultAssert(actual);
    }
}
