package dev.rehearsal.rehearse.plan;

import dev.rehearsal.rehearse.plan.Declarations.ExpectedDefect;
import java.util.Optional;

/**
 * One step the plan will run: a {@link Step} (apply, rollback..., full chain, history) or a
 * {@link DrillStep} (backup restore, a fault), with the defect {@code rehearsal.yaml} expects of it.
 *
 * @param step null for a drill
 * @param drill null for a step
 */
public record PlannedStep(Step step, DrillStep drill, Optional<ExpectedDefect> expected) {

    public PlannedStep {
        if ((step == null) == (drill == null)) {
            throw new IllegalArgumentException("a planned step is a step or a drill");
        }
        expected = expected == null ? Optional.empty() : expected;
    }

    /** The unique-id value: {@code rollback-schema}, {@code fault-fail-3}. */
    public String id() {
        return step != null ? step.id() : drill.id();
    }

    /** {@code rollback restores schema}, {@code fault after statement 3 recovers}. */
    public String name() {
        return step != null ? step.displayName() : drill.displayName();
    }

    public boolean isDrill() {
        return drill != null;
    }
}
