package dev.rehearsal.engine.descriptor;

import dev.rehearsal.engine.execution.RehearsalContext;
import dev.rehearsal.engine.execution.StepExecution;
import dev.rehearsal.rehearse.plan.NodeId;
import dev.rehearsal.rehearse.plan.PlannedStep;
import java.util.Optional;
import org.junit.platform.engine.TestSource;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.support.descriptor.AbstractTestDescriptor;
import org.junit.platform.engine.support.hierarchical.Node;

/**
 * One step or drill: a test. Display names read well in Surefire XML
 * ({@code V20240101000000 create users: rollback restores schema (sqlite)}: the target is named because
 * Surefire names the test class after the suite); a declared defect adds {@code (expected defect)}.
 * The work is the core's: this node only maps its outcome onto JUnit's.
 */
public final class StepDescriptor extends AbstractTestDescriptor implements Node<RehearsalContext> {
    static final String EXPECTED_SUFFIX = " (expected defect)";

    private final PlannedStep step;
    private final NodeId nodeId;

    StepDescriptor(UniqueId id, NodeId nodeId, PlannedStep step, TestSource source, String displayName) {
        super(id, displayName + (step.expected().isPresent() ? EXPECTED_SUFFIX : ""), source);
        this.step = step;
        this.nodeId = nodeId;
    }

    @Override
    public Type getType() {
        return Type.TEST;
    }

    public PlannedStep step() {
        return step;
    }

    @Override
    public SkipResult shouldBeSkipped(RehearsalContext context) {
        Optional<String> reason = context.session().stepSkipReason(nodeId, context.migration(), step);
        if (reason.isEmpty()) {
            return SkipResult.doNotSkip();
        }
        StepExecution.skipped(this, context);
        return SkipResult.skip(reason.get());
    }

    @Override
    public RehearsalContext execute(RehearsalContext context, DynamicTestExecutor executor) {
        StepExecution.finish(this, context,
                context.session().runStep(nodeId, step, context.targetRun(), context.migration()));
        return context;
    }

    @Override
    public ExecutionMode getExecutionMode() {
        return ExecutionMode.SAME_THREAD;
    }
}
