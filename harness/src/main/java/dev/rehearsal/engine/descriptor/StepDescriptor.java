package dev.rehearsal.engine.descriptor;

import dev.rehearsal.engine.discovery.Declarations.ExpectedDefect;
import dev.rehearsal.engine.execution.ChainRehearsal;
import dev.rehearsal.engine.execution.RehearsalContext;
import dev.rehearsal.engine.execution.StepExecution;
import dev.rehearsal.migration.Migration;
import java.util.Optional;
import org.junit.platform.engine.TestSource;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.support.descriptor.AbstractTestDescriptor;
import org.junit.platform.engine.support.hierarchical.Node;

/**
 * One step: a test. Display names read well in Surefire XML
 * ({@code V20240101000000 create users: rollback restores schema (sqlite)}: the target is named because
 * Surefire names the test class after the suite); a declared defect adds
 * {@code (expected defect)}.
 */
public final class StepDescriptor extends AbstractTestDescriptor implements Node<RehearsalContext> {
    static final String EXPECTED_SUFFIX = " (expected defect)";

    private final Step step;
    private final Migration migration;
    private final Optional<ExpectedDefect> expected;

    /** @param migration null for the set-level steps */
    StepDescriptor(UniqueId id, Step step, Migration migration, Optional<ExpectedDefect> expected, TestSource source,
            String displayName) {
        super(id, displayName + (expected.isPresent() ? EXPECTED_SUFFIX : ""), source);
        this.step = step;
        this.migration = migration;
        this.expected = expected;
    }

    @Override
    public Type getType() {
        return Type.TEST;
    }

    public Step step() {
        return step;
    }

    @Override
    public SkipResult shouldBeSkipped(RehearsalContext context) {
        if (migration == null) {
            return SkipResult.doNotSkip();
        }
        String reason = context.migration().skipReason(step);
        if (reason == null) {
            return SkipResult.doNotSkip();
        }
        StepExecution.skipped(this, context, step.id(), step.displayName(), reason);
        return SkipResult.skip(reason);
    }

    @Override
    public RehearsalContext execute(RehearsalContext context, DynamicTestExecutor executor) {
        StepExecution.run(this, context, step, expected, () -> {
            if (migration != null) {
                return context.migration().run(step);
            }
            return step == Step.FULL_CHAIN ? ChainRehearsal.fullChain(context.targetRun())
                    : ChainRehearsal.history(context.targetRun());
        });
        return context;
    }

    @Override
    public ExecutionMode getExecutionMode() {
        return ExecutionMode.SAME_THREAD;
    }
}
