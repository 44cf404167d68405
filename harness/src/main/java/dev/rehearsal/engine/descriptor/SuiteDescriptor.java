package dev.rehearsal.engine.descriptor;

import dev.rehearsal.RehearsalException;
import dev.rehearsal.database.Dialects;
import dev.rehearsal.engine.RehearsalSuite;
import dev.rehearsal.engine.config.RehearsalConfiguration;
import dev.rehearsal.engine.discovery.Declarations;
import dev.rehearsal.engine.discovery.DeclarationsReader;
import dev.rehearsal.engine.discovery.SuiteDefinition;
import dev.rehearsal.engine.execution.RehearsalContext;
import dev.rehearsal.migration.MigrationLoader;
import dev.rehearsal.migration.MigrationSet;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.discovery.DiscoverySelectors;
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
    private final Map<RehearsalSuite.Target, TargetDescriptor.Loaded> loaded = new EnumMap<>(RehearsalSuite.Target.class);

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

    /** The fixtures directory: the suite's own, else the one rehearsal.yaml names, else null. */
    public Path fixtures() {
        return definition.fixtures() != null ? definition.fixtures() : relative(declarations.fixtures());
    }

    /** As {@link #fixtures()}, for verification suites. */
    public Path verification() {
        return definition.verification() != null ? definition.verification() : relative(declarations.verification());
    }

    private Path relative(String path) {
        return path == null ? null : definition.migrations().resolve(path).normalize();
    }

    /** The targets both the suite and the configuration allow, in configuration order. */
    public List<DiscoverySelector> childSelectors() {
        if (declarationsError != null) {
            return List.of();
        }
        return config.targets().stream().filter(definition.allowedTargets()::contains)
                .map(t -> (DiscoverySelector) DiscoverySelectors.selectUniqueId(
                        getUniqueId().append(SegmentTypes.TARGET, t.id())))
                .toList();
    }

    /** The target node for {@code id} (any target the suite allows, enabled or not: a unique id selects it). */
    public Optional<TargetDescriptor> createTarget(String id) {
        if (declarationsError != null) {
            return Optional.empty();
        }
        return Arrays.stream(RehearsalSuite.Target.values()).filter(t -> t.id().equals(id))
                .filter(definition.allowedTargets()::contains).findFirst()
                .map(t -> new TargetDescriptor(this, t, loaded.computeIfAbsent(t, this::load)));
    }

    private TargetDescriptor.Loaded load(RehearsalSuite.Target target) {
        try {
            MigrationSet set = MigrationLoader.load(definition.migrations(), Dialects.forName(target.id()));
            declarations.requireVersionsOf(set);
            return new TargetDescriptor.Loaded(set, null);
        } catch (RehearsalException e) {
            issues.accept(e);
            return new TargetDescriptor.Loaded(null, e);
        }
    }

    @Override
    public RehearsalContext execute(RehearsalContext context, DynamicTestExecutor executor) {
        if (declarationsError != null) {
            context.recorder().container(getUniqueId(), declarationsError.getMessage());
            throw declarationsError;
        }
        return context;
    }

    @Override
    public ExecutionMode getExecutionMode() {
        return ExecutionMode.CONCURRENT;
    }
}
