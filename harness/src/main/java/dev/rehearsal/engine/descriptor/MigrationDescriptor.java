package dev.rehearsal.engine.descriptor;

import dev.rehearsal.engine.discovery.Declarations;
import dev.rehearsal.engine.execution.RehearsalContext;
import dev.rehearsal.engine.execution.TargetRun;
import dev.rehearsal.migration.Migration;
import dev.rehearsal.migration.MigrationScript;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.TestSource;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.engine.support.descriptor.AbstractTestDescriptor;
import org.junit.platform.engine.support.descriptor.FilePosition;
import org.junit.platform.engine.support.descriptor.FileSource;
import org.junit.platform.engine.support.hierarchical.Node;

/**
 * One migration on one target. Before its steps run it brings the database to the previous
 * migration (silently replaying migrations and fixtures when earlier ones were not selected); it is
 * skipped when an earlier apply failed.
 */
public final class MigrationDescriptor extends AbstractTestDescriptor implements Node<RehearsalContext> {
    private final TargetDescriptor target;
    private final Migration migration;
    private final int index;

    MigrationDescriptor(TargetDescriptor target, Migration migration, int index) {
        super(target.getUniqueId().append(SegmentTypes.MIGRATION, migration.version().text()),
                "V" + migration.displayName(), source(migration.up()));
        this.target = target;
        this.migration = migration;
        this.index = index;
    }

    static TestSource source(MigrationScript script) {
        return FileSource.from(script.file().toFile(), FilePosition.from(script.firstLine()));
    }

    @Override
    public Type getType() {
        return Type.CONTAINER;
    }

    /** The four steps, then the drills rehearsal.yaml switches on. */
    public List<DiscoverySelector> childSelectors() {
        Stream<String> ids = Stream.concat(Step.migrationSteps().stream().map(Step::id), drills().stream().map(DrillStep::id));
        return ids.map(id -> (DiscoverySelector) DiscoverySelectors.selectUniqueId(
                getUniqueId().append(SegmentTypes.STEP, id))).toList();
    }

    /** The step or drill node for {@code id}; a drill only when it is planned. */
    public Optional<? extends TestDescriptor> createStep(String id) {
        Optional<StepDescriptor> step = createFixedStep(id);
        return step.isPresent() ? step : drills().stream().filter(d -> d.id().equals(id)).findFirst().map(this::drill);
    }

    private List<DrillStep> drills() {
        return DrillStep.planned(migration, target.suite().declarations().drills());
    }

    private DrillDescriptor drill(DrillStep drill) {
        MigrationScript up = migration.up();
        int k = drill.isBackupRestore() ? 0 : drill.fault().afterStatements();
        TestSource source = k == 0 || k > up.statements().size() ? source(up) : FileSource.from(up.file().toFile(),
                FilePosition.from(up.statements().get(k - 1).line(), up.statements().get(k - 1).column()));
        return new DrillDescriptor(getUniqueId().append(SegmentTypes.STEP, drill.id()), drill, migration,
                target.suite().declarations().drills(), source, name(drill.displayName()));
    }

    private String name(String step) {
        return getDisplayName() + ": " + step + " (" + target.getDisplayName() + ")";
    }

    private Optional<StepDescriptor> createFixedStep(String id) {
        Declarations declarations = target.suite().declarations();
        return Step.find(id).filter(s -> s.perMigration() && s.id().equals(id)).map(step -> {
            boolean rollback = step == Step.ROLLBACK_SCHEMA || step == Step.ROLLBACK_DATA;
            MigrationScript script = rollback && migration.down() != null ? migration.down() : migration.up();
            return new StepDescriptor(getUniqueId().append(SegmentTypes.STEP, step.id()), step, migration,
                    declarations.expectedDefect(migration.version(), step), source(script), name(step.displayName()));
        });
    }

    @Override
    public SkipResult shouldBeSkipped(RehearsalContext context) {
        String reason = context.targetRun().blockedReason();
        if (reason != null) {
            context.recorder().container(getUniqueId(), reason);
            return SkipResult.skip(reason);
        }
        return SkipResult.doNotSkip();
    }

    @Override
    public RehearsalContext before(RehearsalContext context) {
        TargetRun run = context.targetRun();
        try {
            return context.withMigration(run.rehearse(index));
        } catch (RuntimeException e) {
            String reason = "cannot bring the database to the state before " + getDisplayName() + ": " + e.getMessage();
            run.block("skipped: " + reason);
            context.recorder().container(getUniqueId(), reason);
            throw e;
        }
    }

    @Override
    public ExecutionMode getExecutionMode() {
        return ExecutionMode.SAME_THREAD;
    }

    /** For the results model: needs-backup and lossy flags. */
    public Migration migration() {
        return migration;
    }

    public boolean needsBackup() {
        return target.suite().declarations().isIrreversible(migration.version());
    }

    public boolean lossy() {
        return target.suite().declarations().isLossy(migration.version());
    }

}
