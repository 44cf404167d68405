package dev.rehearsal.rehearse;

import dev.rehearsal.rehearse.plan.Step;
import dev.rehearsal.migration.Migration;
import dev.rehearsal.runner.DownScope;
import dev.rehearsal.snapshot.data.FingerprintDiffer;
import dev.rehearsal.snapshot.diff.Diff;
import dev.rehearsal.snapshot.schema.SchemaDiffer;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import dev.rehearsal.verification.Captures;
import dev.rehearsal.verification.VerificationSuite;

/**
 * The four steps of one migration on one target, in order: apply (snapshots S0/F0, up, snapshots
 * S1/F1, verification checks), rollback restores schema (down, compare with S0), rollback preserves
 * data (compare with F0), redo (up again, compare with S1/F1, less the columns declared volatile). A
 * failed data comparison shows the differing rows, read against the compared state rebuilt on a
 * scratch database. A step selected without its
 * predecessors runs them first, silently. Fixtures bound to this migration are loaded only after
 * the rehearsal (by the next migration's preparation), so every comparison sees the same data.
 *
 * <p>The states before up, after rollback and after redo come from {@link TargetRun#state()}: each is
 * read from the database after the runner call before it; the state before up is the previous
 * migration's after-redo reading when nothing reached the database since (no fixture, no
 * verification capture). The rollback steps share one reading of schema and data.
 */
public final class MigrationRehearsal {
    static final String BEFORE_UP = "before up";
    static final String AFTER_ROLLBACK = "after rollback";
    static final String AFTER_UP = RedoComparison.AFTER_UP;
    static final String AFTER_REDO = RedoComparison.AFTER_REDO;
    static final String NOTHING_TO_UNDO = "the up changed nothing (schema and data measured before and after it);"
            + " a missing or empty down is correct";
    private static final String STRICT_HINT = "strict-column-order: true in rehearsal.yaml, or --strict-column-order";

    private final TargetRun run;
    private final int index;
    private final Migration migration;
    private DatabaseState beforeUp;
    private DatabaseState afterUp;
    private State apply = State.NOT_RUN;
    private State down = State.NOT_RUN;
    private boolean restored = true;
    private Boolean noChange;

    private enum State { NOT_RUN, OK, FAILED }

    MigrationRehearsal(TargetRun run, int index) {
        this.run = run;
        this.index = index;
        this.migration = run.set().migrations().get(index);
    }

    public Migration migration() {
        return migration;
    }

    /** {@code V20240101000000 create users}. */
    public String name() {
        return "V" + migration.displayName();
    }

    public boolean irreversible() {
        return run.declarations().isIrreversible(migration.version());
    }

    public boolean lossy() {
        return run.declarations().isLossy(migration.version());
    }

    /** Why {@code step} cannot run now, or null. */
    public String skipReason(Step step) {
        if (step == Step.APPLY) {
            return null;
        }
        if (apply == State.FAILED) {
            return "skipped: apply of V" + migration.version() + " failed";
        }
        if (irreversible()) {
            return "skipped: V" + migration.version() + " is declared irreversible in rehearsal.yaml;"
                    + " its way back is a backup, proven by the 'backup restores state' drill (drills: backup: true)";
        }
        if (step != Step.ROLLBACK_SCHEMA && !migration.hasRollback() && !upChangedNothing()) {
            return "skipped: no rollback to rehearse: " + migration.missingRollbackReason();
        }
        if (step == Step.ROLLBACK_DATA && down == State.FAILED) {
            return "skipped: rollback of V" + migration.version() + " failed";
        }
        if (step == Step.REDO && (down == State.FAILED || !restored)) {
            return "skipped: rollback of V" + migration.version() + " did not restore the database;"
                    + " redo needs the state before up";
        }
        return null;
    }

    /**
     * Why the drills under this migration cannot run now, or null. They run on scratch databases of
     * their own, so only a failed apply (the migration cannot be applied at all) stops them;
     * irreversible migrations and those without a down keep theirs: a backup is their way back.
     */
    public String drillSkipReason() {
        return apply == State.FAILED ? "skipped: apply of V" + migration.version() + " failed" : null;
    }

    /** Runs {@code step} (and, silently, any predecessor not yet run). */
    public StepOutcome run(Step step) {
        switch (step) {
            case APPLY:
                return apply();
            case ROLLBACK_SCHEMA:
                requireApplied();
                return rollbackSchema();
            case ROLLBACK_DATA:
                requireRolledBack();
                return rollbackData();
            case REDO:
                requireRolledBack();
                return redo();
            default:
                throw new IllegalArgumentException(step + " is not a migration step");
        }
    }

    private StepOutcome apply() {
        Map<VerificationSuite, Captures> captures = Map.of();
        if (run.resources().verifies(migration.version())) {
            try (Connection c = run.connect()) {
                captures = run.resources().capture(c, run.dialect(), migration.version());
            } catch (SQLException e) {
                throw closing(e);
            }
        }
        beforeUp = run.state();
        try {
            run.runner().up(migration.version());
        } catch (RuntimeException e) {
            apply = State.FAILED;
            run.block("skipped: apply of V" + migration.version() + " failed");
            throw e;
        }
        run.applied(index);
        apply = State.OK;
        try (Connection c = run.connect()) {
            afterUp = run.read(c);
            String warnings = run.resources().verify(c, run.dialect(), captures);
            return warnings == null ? StepOutcome.passed() : StepOutcome.warning("verification warnings", warnings);
        } catch (SQLException e) {
            throw closing(e);
        } catch (RuntimeException | AssertionError e) {
            apply = State.FAILED;
            run.block("skipped: apply of V" + migration.version() + " failed");
            throw e;
        }
    }

    private StepOutcome rollbackSchema() {
        if (!migration.hasRollback() && upChangedNothing()) {
            down = State.OK;
            return StepOutcome.passed(NOTHING_TO_UNDO);
        }
        if (!migration.hasRollback()) {
            run.failed();
            throw new StepFailure(migration.missingRollbackReason()
                    + "; add a down script, or declare the migration irreversible in rehearsal.yaml", null);
        }
        rollBack();
        Diff diff = SchemaDiffer.compare(beforeUp.schema(), run.state().schema(), BEFORE_UP, AFTER_ROLLBACK);
        if (SchemaDiffer.onlyColumnOrder(diff) && !run.declarations().strictColumnOrder()) {
            return StepOutcome.warning("column order changed: rollback of " + name() + " restores every column, in"
                    + " another order (" + STRICT_HINT + " makes this a failure)", diff.render());
        }
        if (SchemaDiffer.onlyColumnOrder(diff)) {
            restored = false;
            run.taint();
            throw new StepFailure("column order changed: rollback of " + name() + " restores every column, in another"
                    + " order, and column order is strict (" + STRICT_HINT + "):\n" + diff.render(), diff.render());
        }
        if (!diff.isEmpty()) {
            restored = false;
            run.taint();
            throw new StepFailure("rollback of " + name() + " did not restore the schema:\n" + diff.render(),
                    diff.render());
        }
        return StepOutcome.passed();
    }

    private StepOutcome rollbackData() {
        if (!migration.hasRollback()) {
            return StepOutcome.passed(NOTHING_TO_UNDO);
        }
        Diff diff = FingerprintDiffer.compare(beforeUp.data(), run.state().data(), BEFORE_UP, AFTER_ROLLBACK);
        if (diff.isEmpty()) {
            return ProofRows.of(beforeUp.data(), run.seededRows()).outcome();
        }
        restored = false;
        run.taint();
        String sample = RowSample.beforeUp(run, index, beforeUp.data(), diff, BEFORE_UP, AFTER_ROLLBACK);
        String shown = sample == null ? diff.render() : diff.render() + "\n" + sample;
        if (lossy()) {
            return StepOutcome.warning("declared lossy: rollback of " + name() + " loses data", shown);
        }
        throw new StepFailure("rollback of " + name() + " did not preserve the data:\n" + shown, shown);
    }

    private StepOutcome redo() {
        if (!migration.hasRollback()) {
            return StepOutcome.passed(NOTHING_TO_UNDO + "; nothing to redo");
        }
        try {
            run.runner().up(migration.version());
        } catch (RuntimeException e) {
            run.taint();
            throw e;
        }
        run.applied(index);
        DatabaseState redone = run.state();
        RedoComparison comparison = RedoComparison.compare(afterUp, redone, run.declarations(), migration.up());
        if (comparison.isEmpty()) {
            return StepOutcome.passed();
        }
        run.taint();
        String sample = comparison.rebuildable()
                ? RowSample.afterUp(run, index, comparison::isAfterUp, comparison.data(), AFTER_UP, AFTER_REDO) : null;
        String shown = Stream.of(comparison.differences().render(), sample, comparison.explanation())
                .filter(Objects::nonNull).collect(Collectors.joining("\n"));
        throw new StepFailure("redo of " + name() + " did not reproduce the state after up:\n" + shown, shown);
    }

    private void requireApplied() {
        if (apply == State.NOT_RUN) {
            apply();
        }
        if (apply == State.FAILED) {
            throw new StepSkipped("skipped: apply of V" + migration.version() + " failed");
        }
    }

    private void requireRolledBack() {
        requireApplied();
        if (down == State.NOT_RUN && !migration.hasRollback() && upChangedNothing()) {
            down = State.OK;
        } else if (down == State.NOT_RUN) {
            rollBack();
        }
        if (down == State.FAILED) {
            throw new StepSkipped("skipped: rollback of V" + migration.version() + " failed");
        }
    }

    /**
     * Whether the up left schema and data as they were, measured (not read from the script): then a
     * missing or empty down is the right down. False before apply ran.
     */
    private boolean upChangedNothing() {
        if (beforeUp == null || afterUp == null) {
            return false;
        }
        if (noChange == null) {
            noChange = SchemaDiffer.compare(beforeUp.schema(), afterUp.schema(), BEFORE_UP, AFTER_UP).isEmpty()
                    && FingerprintDiffer.compare(beforeUp.data(), afterUp.data(), BEFORE_UP, AFTER_UP).isEmpty();
        }
        return noChange;
    }

    private void rollBack() {
        try {
            run.runner().down(DownScope.last());
        } catch (RuntimeException e) {
            down = State.FAILED;
            run.taint();
            throw new StepFailure("rollback of " + name() + " failed: " + e.getMessage(), null, e);
        }
        down = State.OK;
        run.applied(index - 1);
    }

    private static IllegalStateException closing(SQLException e) {
        return new IllegalStateException("cannot close a connection: " + e.getMessage(), e);
    }
}
