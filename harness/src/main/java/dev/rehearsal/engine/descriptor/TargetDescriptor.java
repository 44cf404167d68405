package dev.rehearsal.engine.descriptor;

import dev.rehearsal.ErrorCode;
import dev.rehearsal.RehearsalException;
import dev.rehearsal.engine.RehearsalSuite;
import dev.rehearsal.engine.execution.RehearsalContext;
import dev.rehearsal.rehearse.TargetRun;
import dev.rehearsal.rehearse.plan.MigrationPlan;
import dev.rehearsal.rehearse.plan.NodeId;
import dev.rehearsal.rehearse.plan.PlannedStep;
import dev.rehearsal.rehearse.plan.Shard;
import dev.rehearsal.rehearse.plan.SegmentTypes;
import dev.rehearsal.rehearse.plan.TargetPlan;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.engine.support.descriptor.AbstractTestDescriptor;
import org.junit.platform.engine.support.descriptor.DirectorySource;
import org.junit.platform.engine.support.hierarchical.Node;

/**
 * A migration set on one database engine. Skipped with the reason when the engine is not available
 * (failed instead with {@code rehearsal.require-targets=true}); fails with the parse error when the
 * migration files are broken.
 */
public final class TargetDescriptor extends AbstractTestDescriptor implements Node<RehearsalContext> {
    private final SuiteDescriptor suite;
    private final TargetPlan plan;
    private final NodeId nodeId;

    TargetDescriptor(SuiteDescriptor suite, TargetPlan plan) {
        super(suite.getUniqueId().append(SegmentTypes.TARGET, plan.kind().id()), plan.kind().id(),
                DirectorySource.from(suite.definition().migrations().toFile()));
        this.suite = suite;
        this.plan = plan;
        this.nodeId = suite.nodeId().target(plan.kind());
    }

    @Override
    public Type getType() {
        return Type.CONTAINER;
    }

    NodeId nodeId() {
        return nodeId;
    }

    /** A broken set keeps its node (the platform prunes containers without tests) so it can fail with the error. */
    @Override
    public boolean mayRegisterTests() {
        return plan.error() != null;
    }

    public List<DiscoverySelector> childSelectors() {
        List<DiscoverySelector> selectors = new ArrayList<>();
        for (MigrationPlan m : plan.migrations()) {
            selectors.add(DiscoverySelectors.selectUniqueId(
                    getUniqueId().append(SegmentTypes.MIGRATION, m.migration().version().text())));
        }
        for (PlannedStep step : plan.setSteps()) {
            selectors.add(DiscoverySelectors.selectUniqueId(getUniqueId().append(SegmentTypes.STEP, step.id())));
        }
        return selectors;
    }

    public Optional<MigrationDescriptor> createMigration(String version) {
        return plan.migrations().stream().filter(m -> m.migration().version().text().equals(version)).findFirst()
                .map(m -> new MigrationDescriptor(this, m));
    }

    public Optional<StepDescriptor> createSetStep(String id) {
        return plan.setSteps().stream().filter(s -> s.id().equals(id)).findFirst().map(step -> new StepDescriptor(
                getUniqueId().append(SegmentTypes.STEP, step.id()), nodeId.step(step.id()), step,
                getSource().orElseThrow(), step.name() + " (" + plan.kind().id() + ")"));
    }

    @Override
    public SkipResult shouldBeSkipped(RehearsalContext context) {
        if (plan.error() == null && productionRefusal(context).isPresent()) {
            return SkipResult.doNotSkip(); // fails in before(), with the reason
        }
        return context.session().targetSkipReason(nodeId, plan).map(SkipResult::skip).orElse(SkipResult.doNotSkip());
    }

    @Override
    public RehearsalContext before(RehearsalContext context) {
        productionRefusal(context).ifPresent(reason -> {
            throw new RehearsalException(ErrorCode.PRODUCTION_GUARD, reason);
        });
        TargetRun run = context.session().openTarget(nodeId, suite.plan(List.of()), plan);
        context.session().server(plan.kind()).ifPresent(server -> context.publish(this, Map.of("server", server)));
        return context.withTargetRun(run);
    }

    @Override
    public void after(RehearsalContext context) {
        TargetRun run = context.targetRun();
        if (run == null || run.kind() != plan.kind()) {
            return;
        }
        List<String> kept = context.session().closeTarget(run);
        if (!kept.isEmpty()) {
            context.publish(this, Map.of("kept-databases", String.join(", ", kept)));
        }
    }

    @Override
    public ExecutionMode getExecutionMode() {
        return ExecutionMode.CONCURRENT;
    }

    /** This target's whole plan, whatever was selected of it: what a complete run of it covers. */
    TargetPlan whole() {
        return plan;
    }

    /**
     * Keeps only {@code shard}'s part of the selected children (whole migrations, set steps).
     *
     * @return false when nothing of this target is left in the shard (the caller removes the node)
     */
    boolean keepShard(Shard shard) {
        TargetPlan part = shard.select(plan);
        Set<String> versions = part.migrations().stream().map(m -> m.migration().version().text())
                .collect(Collectors.toSet());
        Set<String> setSteps = part.setSteps().stream().map(PlannedStep::id).collect(Collectors.toSet());
        for (TestDescriptor child : List.copyOf(getChildren())) {
            boolean kept = child instanceof MigrationDescriptor m ? versions.contains(m.version())
                    : child instanceof StepDescriptor s && setSteps.contains(s.step().id());
            if (!kept) {
                child.removeFromHierarchy();
            }
        }
        return !getChildren().isEmpty() || (plan.error() != null && shard.index() == 1);
    }

    /** This target as the results model sees it: with only the migrations and steps that were selected. */
    TargetPlan selected() {
        List<MigrationPlan> migrations = new ArrayList<>();
        List<PlannedStep> setSteps = new ArrayList<>();
        for (TestDescriptor child : getChildren()) {
            if (child instanceof MigrationDescriptor m) {
                migrations.add(m.selected());
            } else if (child instanceof StepDescriptor s) {
                setSteps.add(s.step());
            }
        }
        return new TargetPlan(plan.kind(), plan.set(), plan.error(), migrations, setSteps);
    }

    /** Set when the target's configured server is labelled production and the configuration does not allow it. */
    private Optional<String> productionRefusal(RehearsalContext context) {
        if (plan.kind().isEmbedded()) {
            return Optional.empty();
        }
        return context.config().productionRefusal(RehearsalSuite.Target.valueOf(plan.kind().engine().name()),
                System.getenv());
    }
}
