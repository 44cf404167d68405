package dev.rehearsal.engine.descriptor;

import dev.rehearsal.engine.discovery.Declarations.Drills;
import dev.rehearsal.engine.execution.DrillRehearsal;
import dev.rehearsal.engine.execution.RehearsalContext;
import dev.rehearsal.engine.execution.StepExecution;
import dev.rehearsal.migration.Migration;
import java.util.Optional;
import org.junit.platform.engine.TestSource;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.support.descriptor.AbstractTestDescriptor;
import org.junit.platform.engine.support.hierarchical.Node;

/**
 * One drill under a migration, a test: {@code V20240215000000 unify media: fault after statement 3
 * recovers (sqlite)}. Its source is the up script, at the statement the fault follows.
 */
public final class DrillDescriptor extends AbstractTestDescriptor implements Node<RehearsalContext> {
    private final DrillStep drill;
    private final Migration migration;
    private final Drills drills;

    DrillDescriptor(UniqueId id, DrillStep drill, Migration migration, Drills drills, TestSource source,
            String displayName) {
        super(id, displayName, source);
        this.drill = drill;
        this.migration = migration;
        this.drills = drills;
    }

    @Override
    public Type getType() {
        return Type.TEST;
    }

    public DrillStep drill() {
        return drill;
    }

    @Override
    public SkipResult shouldBeSkipped(RehearsalContext context) {
        String reason = context.migration().drillSkipReason();
        if (reason == null) {
            return SkipResult.doNotSkip();
        }
        StepExecution.skipped(this, context, drill.id(), drill.displayName(), reason);
        return SkipResult.skip(reason);
    }

    @Override
    public RehearsalContext execute(RehearsalContext context, DynamicTestExecutor executor) {
        StepExecution.run(this, context, drill.id(), drill.displayName(), Optional.empty(), () -> drill.isBackupRestore()
                ? DrillRehearsal.backupRestore(context.targetRun(), migration, drills.objective())
                : DrillRehearsal.fault(context.targetRun(), migration, drill.fault(), drills.faultOptions()));
        return context;
    }

    @Override
    public ExecutionMode getExecutionMode() {
        return ExecutionMode.SAME_THREAD;
    }
}
