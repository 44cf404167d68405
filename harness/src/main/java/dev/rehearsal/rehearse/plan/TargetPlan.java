package dev.rehearsal.rehearse.plan;

import dev.rehearsal.RehearsalException;
import dev.rehearsal.migration.MigrationSet;
import java.util.ArrayList;
import java.util.List;

/**
 * A migration set on one database engine: its migrations, then the set-level steps.
 *
 * @param set the set as read for this engine's dialect; null when it could not be read
 * @param error why the set could not be read, or null
 */
public record TargetPlan(TargetKind kind, MigrationSet set, RehearsalException error, List<MigrationPlan> migrations,
        List<PlannedStep> setSteps) {

    public TargetPlan {
        migrations = List.copyOf(migrations);
        setSteps = List.copyOf(setSteps);
    }

    /** Every step this plan runs, in order, under {@code target} (the target's node): what a complete run covers. */
    public List<NodeId> stepIds(NodeId target) {
        List<NodeId> ids = new ArrayList<>();
        for (MigrationPlan m : migrations) {
            NodeId migration = target.migration(m.migration().version().text());
            m.steps().forEach(s -> ids.add(migration.step(s.id())));
        }
        setSteps.forEach(s -> ids.add(target.step(s.id())));
        return ids;
    }

    /** The same target with only {@code migrations} and {@code setSteps}: a part of this plan. */
    public TargetPlan part(List<MigrationPlan> migrations, List<PlannedStep> setSteps) {
        return new TargetPlan(kind, set, error, migrations, setSteps);
    }
}
