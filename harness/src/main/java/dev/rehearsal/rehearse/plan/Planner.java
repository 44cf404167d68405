package dev.rehearsal.rehearse.plan;

import dev.rehearsal.RehearsalException;
import dev.rehearsal.database.Dialects;
import dev.rehearsal.migration.Migration;
import dev.rehearsal.migration.MigrationLoader;
import dev.rehearsal.migration.MigrationSet;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Builds the plan: which steps run for a migration set on a target, in which order. Reads files,
 * never opens a database. The engine's discovery and the command line both plan through here, so
 * they run the same steps under the same ids.
 */
public final class Planner {
    private Planner() {
    }

    /**
     * The whole plan of one migration set.
     *
     * @param fixtures the caller's fixtures directory, or null for the one {@code rehearsal.yaml} names
     * @param verification as {@code fixtures}, for verification suites
     * @param issues told about each broken input (the plan keeps the error on its node as well)
     */
    public static SuitePlan suite(String id, String name, Path migrations, Path fixtures, Path verification,
            List<TargetKind> targets, Consumer<RehearsalException> issues) {
        Declarations declarations;
        try {
            declarations = DeclarationsReader.read(migrations);
        } catch (RehearsalException e) {
            issues.accept(e);
            return new SuitePlan(id, name, migrations, fixtures, verification, Declarations.none(), e, List.of());
        }
        List<TargetPlan> plans = new ArrayList<>();
        for (TargetKind kind : targets) {
            TargetPlan plan = target(kind, migrations, declarations);
            if (plan.error() != null) {
                issues.accept(plan.error());
            }
            plans.add(plan);
        }
        return new SuitePlan(id, name, migrations, fixtures(fixtures, declarations, migrations),
                verification(verification, declarations, migrations), declarations, null, plans);
    }

    /** The fixtures directory: the caller's own, else the one rehearsal.yaml names (relative to it), else null. */
    public static Path fixtures(Path own, Declarations declarations, Path migrations) {
        return own != null ? own : relative(migrations, declarations.fixtures());
    }

    /** As {@link #fixtures}, for verification suites. */
    public static Path verification(Path own, Declarations declarations, Path migrations) {
        return own != null ? own : relative(migrations, declarations.verification());
    }

    private static Path relative(Path migrations, String path) {
        return path == null ? null : migrations.resolve(path).normalize();
    }

    /** The set as read for {@code kind}'s dialect, every migration with its steps, then the set-level steps. */
    public static TargetPlan target(TargetKind kind, Path migrations, Declarations declarations) {
        MigrationSet set;
        try {
            set = MigrationLoader.load(migrations, Dialects.forName(kind.engine().id()));
            declarations.requireVersionsOf(set);
        } catch (RehearsalException e) {
            return new TargetPlan(kind, null, e, List.of(), List.of());
        }
        List<MigrationPlan> plans = new ArrayList<>();
        for (int i = 0; i < set.migrations().size(); i++) {
            plans.add(new MigrationPlan(set.migrations().get(i), i, migrationSteps(set.migrations().get(i), declarations)));
        }
        return new TargetPlan(kind, set, null, plans, setSteps(declarations));
    }

    /** The four steps of a migration, then the drills rehearsal.yaml switches on. */
    public static List<PlannedStep> migrationSteps(Migration migration, Declarations declarations) {
        List<PlannedStep> steps = new ArrayList<>();
        for (Step step : Step.migrationSteps()) {
            steps.add(new PlannedStep(step, null, declarations.expectedDefect(migration.version(), step)));
        }
        DrillStep.planned(migration, declarations.drills())
                .forEach(drill -> steps.add(new PlannedStep(null, drill, Optional.empty())));
        return steps;
    }

    /** Full chain and history. */
    public static List<PlannedStep> setSteps(Declarations declarations) {
        return Step.setSteps().stream()
                .map(step -> new PlannedStep(step, null, declarations.expectedDefect(null, step))).toList();
    }
}
