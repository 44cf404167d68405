package dev.rehearsal.engine.descriptor;

import dev.rehearsal.engine.discovery.Declarations;
import dev.rehearsal.engine.execution.RehearsalContext;
import dev.rehearsal.engine.execution.TargetRun;
import dev.rehearsal.migration.Migration;
import dev.rehearsal.migration.MigrationScript;
import java.util.List;
import java.util.Optional;
import org.junit.platform.engine.DiscoverySelector;
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

    public List<DiscoverySelector> childSelectors() {
        return Step.migrationSteps().stream().map(s -> (DiscoverySelector) DiscoverySelectors.selectUniqueId(
                getUniqueId().append(SegmentTypes.STEP, s.id()))).toList();
    }

    public Optional<StepDescriptor> createStep(String id) {
        Declarations declarations = target.suite().declarations();
        return Step.find(id).filter(s -> s.perMigration() && s.id().equals(id)).map(step -> {
            boolean rollback = step == Step.ROLLBACK_SCHEMA || step == Step.ROLLBACK_DATA;
            MigrationScript script = rollback && migration.down() != null ? migration.down() : migration.up();
            return new StepDescriptor(getUniqueId().append(SegmentTypes.STEP, step.id()), step, migration,
                    declarations.expectedDefect(migration.version(), step), source(script),
                    getDisplayName() + ": " + step.displayName() + " (" + target.getDisplayName() + ")");
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
