package dev.rehearsal.rehearse.plan;

import dev.rehearsal.RehearsalException;
import dev.rehearsal.migration.MigrationSet;
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
}
