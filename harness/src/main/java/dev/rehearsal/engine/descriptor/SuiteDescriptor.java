package dev.rehearsal.engine.descriptor;

import dev.rehearsal.RehearsalException;
import dev.rehearsal.engine.RehearsalSuite;
import dev.rehearsal.engine.config.RehearsalConfiguration;
import dev.rehearsal.engine.execution.RehearsalContext;
import dev.rehearsal.rehearse.plan.Declarations;
import dev.rehearsal.rehearse.plan.DeclarationsReader;
import dev.rehearsal.rehearse.plan.NodeId;
import dev.rehearsal.rehearse.plan.Planner;
import dev.rehearsal.rehearse.plan.SegmentTypes;
import dev.rehearsal.rehearse.plan.Shard;
import dev.rehearsal.rehearse.plan.SuitePlan;
import dev.rehearsal.rehearse.plan.TargetKind;
import dev.rehearsal.rehearse.plan.TargetPlan;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.support.descriptor.AbstractTestDescriptor;
import org.junit.platform.engine.support.hierarchical.Node;

/**
 * A migration set: its declarations are read here (cheap, no database); a broken
 * {@code rehearsal.yaml} makes the node fail when executed.
 */
public final class SuiteDescriptor extends AbstractTestDescriptor implements Node<RehearsalContext> {
    private final SuiteDefinition definition;
    private final RehearsalConfiguration config;
    private final Consumer<RehearsalException> issues;
    private final Declarations declarations;
    private final RehearsalException declarationsError;
    private final Map<TargetKind, TargetPlan> loaded = new EnumMap<>(TargetKind.class);

    /** @param issues told about broken inputs found during discovery */
    public SuiteDescriptor(UniqueId parentId, SuiteDefinition definition, RehearsalConfiguration config,
            Consumer<RehearsalException> issues) {
        super(parentId.append(SegmentTypes.SUITE, definition.id()), definition.displayName(), definition.source());
        this.definition = definition;
        this.config = config;
        this.issues = issues;
        Declarations read = Declarations.none();
        RehearsalException error = definition.problem();
        if (error != null) {
            issues.accept(error);
        } else {
            try {
                read = DeclarationsReader.read(definition.migrations());
            } catch (RehearsalException e) {
                error = e;
                issues.accept(e);
            }
        }
        this.declarations = read;
        this.declarationsError = error;
    }

    @Override
    public Type getType() {
        return Type.CONTAINER;
    }

    /** A broken rehearsal.yaml or a missing parameter keeps the node (the platform prunes containers without tests) so it can fail. */
    @Override
    public boolean mayRegisterTests() {
        return declarationsError != null;
    }

    public SuiteDefinition definition() {
        return definition;
    }

    public Declarations declarations() {
        return declarations;
    }

    NodeId nodeId() {
        return NodeId.suite(definition.id());
    }

    /** This suite as the core plans it, with {@code targets}. */
    SuitePlan plan(List<TargetPlan> targets) {
        Path migrations = definition.migrations();
        return new SuitePlan(definition.id(), getDisplayName(), migrations,
                Planner.fixtures(definition.fixtures(), declarations, migrations),
                Planner.verification(definition.verification(), declarations, migrations), declarations,
                declarationsError, targets);
    }

    /** This suite as the results model sees it: with only the targets, migrations and steps that were selected. */
    SuitePlan selected() {
        return plan(targets().stream().map(TargetDescriptor::selected).toList());
    }

    /** This suite with the whole plan of every target it holds, whatever was selected of them. */
    SuitePlan whole() {
        return plan(targets().stream().map(TargetDescriptor::whole).toList());
    }

    /** Keeps only {@code shard}'s part of each target; a target with nothing in the shard goes. */
    void keepShard(Shard shard) {
        targets().stream().filter(t -> !t.keepShard(shard)).forEach(TestDescriptor::removeFromHierarchy);
    }

    private List<TargetDescriptor> targets() {
        return getChildren().stream().filter(TargetDescriptor.class::isInstance).map(TargetDescriptor.class::cast)
                .toList();
    }

    /** The targets both the suite and the configuration allow, in configuration order. */
    public List<DiscoverySelector> childSelectors() {
        if (declarationsError != null) {
            return List.of();
        }
        return config.targets().stream().filter(this::allows)
                .map(t -> (DiscoverySelector) DiscoverySelectors.selectUniqueId(
                        getUniqueId().append(SegmentTypes.TARGET, t.id())))
                .toList();
    }

    /** The target node for {@code id} (any target the suite allows, enabled or not: a unique id selects it). */
    public Optional<TargetDescriptor> createTarget(String id) {
        if (declarationsError != null) {
            return Optional.empty();
        }
        return TargetKind.find(id).filter(kind -> kind.id().equals(id)).filter(this::allows)
                .map(kind -> new TargetDescriptor(this, loaded.computeIfAbsent(kind, this::load)));
    }

    /** A suite allowing an engine allows every target of it: {@code POSTGRES} allows {@code postgres-13}. */
    private boolean allows(TargetKind kind) {
        return definition.allowedTargets().contains(RehearsalSuite.Target.valueOf(kind.engine().name()));
    }

    private TargetPlan load(TargetKind kind) {
        TargetPlan plan = Planner.target(kind, definition.migrations(), declarations);
        if (plan.error() != null) {
            issues.accept(plan.error());
        }
        return plan;
    }

    @Override
    public RehearsalContext execute(RehearsalContext context, DynamicTestExecutor executor) {
        if (declarationsError != null) {
            context.session().suiteFailed(nodeId(), declarationsError);
            throw declarationsError;
        }
        return context;
    }

    @Override
    public ExecutionMode getExecutionMode() {
        return ExecutionMode.CONCURRENT;
    }
}
