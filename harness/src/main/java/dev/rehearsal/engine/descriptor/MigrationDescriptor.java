package dev.rehearsal.engine.descriptor;

import dev.rehearsal.engine.execution.RehearsalContext;
import dev.rehearsal.migration.Migration;
import dev.rehearsal.migration.MigrationScript;
import dev.rehearsal.rehearse.plan.MigrationPlan;
import dev.rehearsal.rehearse.plan.NodeId;
import dev.rehearsal.rehearse.plan.PlannedStep;
import dev.rehearsal.rehearse.plan.SegmentTypes;
import dev.rehearsal.rehearse.plan.Step;
import java.util.List;
import java.util.Optional;
import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.TestSource;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.engine.support.descriptor.AbstractTestDescriptor;
import org.junit.platform.engine.support.descriptor.FilePosition;
import org.junit.platform.engine.support.descriptor.FileSource;
import org.junit.platform.engine.support.hierarchical.Node;

/**
 * One migration on one target. Before its steps run the core brings the database to the previous
 * migration (silently replaying migrations and fixtures when earlier ones were not selected); it is
 * skipped when an earlier apply failed.
 */
public final class MigrationDescriptor extends AbstractTestDescriptor implements Node<RehearsalContext> {
    private final TargetDescriptor target;
    private final MigrationPlan plan;
    private final NodeId nodeId;

    MigrationDescriptor(TargetDescriptor target, MigrationPlan plan) {
        super(target.getUniqueId().append(SegmentTypes.MIGRATION, plan.migration().version().text()),
                plan.name(), source(plan.migration().up()));
        this.target = target;
        this.plan = plan;
        this.nodeId = target.nodeId().migration(plan.migration().version().text());
    }

    static TestSource source(MigrationScript script) {
        return FileSource.from(script.file().toFile(), FilePosition.from(script.firstLine()));
    }

    /** The version as written in the file name. */
    String version() {
        return plan.migration().version().text();
    }

    @Override
    public Type getType() {
        return Type.CONTAINER;
    }

    /** The four steps, then the drills rehearsal.yaml switches on. */
    public List<DiscoverySelector> childSelectors() {
        return plan.steps().stream().map(s -> (DiscoverySelector) DiscoverySelectors.selectUniqueId(
                getUniqueId().append(SegmentTypes.STEP, s.id()))).toList();
    }

    /** The step or drill node for {@code id}; a drill only when it is planned. */
    public Optional<? extends TestDescriptor> createStep(String id) {
        return plan.steps().stream().filter(s -> s.id().equals(id)).findFirst().map(step -> new StepDescriptor(
                getUniqueId().append(SegmentTypes.STEP, step.id()), nodeId.step(step.id()), step, source(step),
                getDisplayName() + ": " + step.name() + " (" + target.getDisplayName() + ")"));
    }

    /** The rollback steps point at the down script; a fault drill at the statement it follows. */
    private TestSource source(PlannedStep step) {
        Migration migration = plan.migration();
        MigrationScript up = migration.up();
        if (!step.isDrill()) {
            boolean rollback = step.step() == Step.ROLLBACK_SCHEMA || step.step() == Step.ROLLBACK_DATA;
            return source(rollback && migration.down() != null ? migration.down() : up);
        }
        int k = step.drill().isBackupRestore() ? 0 : step.drill().fault().afterStatements();
        return k == 0 || k > up.statements().size() ? source(up) : FileSource.from(up.file().toFile(),
                FilePosition.from(up.statements().get(k - 1).line(), up.statements().get(k - 1).column()));
    }

    @Override
    public SkipResult shouldBeSkipped(RehearsalContext context) {
        return context.session().migrationSkipReason(nodeId, context.targetRun()).map(SkipResult::skip)
                .orElse(SkipResult.doNotSkip());
    }

    @Override
    public RehearsalContext before(RehearsalContext context) {
        return context.withMigration(context.session().openMigration(nodeId, context.targetRun(), plan));
    }

    @Override
    public ExecutionMode getExecutionMode() {
        return ExecutionMode.SAME_THREAD;
    }

    /** This migration as the results model sees it: with only the steps that were selected. */
    MigrationPlan selected() {
        return new MigrationPlan(plan.migration(), plan.index(), getChildren().stream()
                .map(c -> ((StepDescriptor) c).step()).toList());
    }
}
