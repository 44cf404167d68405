package dev.rehearsal.rehearse.plan;

import dev.rehearsal.migration.Migration;
import java.util.List;

/**
 * One migration on one target and its steps, in order.
 *
 * @param index the migration's position in its set
 */
public record MigrationPlan(Migration migration, int index, List<PlannedStep> steps) {

    public MigrationPlan {
        steps = List.copyOf(steps);
    }

    /** {@code V20240101000000 create users}. */
    public String name() {
        return "V" + migration.displayName();
    }
}
