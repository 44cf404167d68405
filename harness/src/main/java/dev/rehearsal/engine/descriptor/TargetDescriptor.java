package dev.rehearsal.engine.descriptor;

import dev.rehearsal.ErrorCode;
import dev.rehearsal.RehearsalException;
import dev.rehearsal.engine.Constants;
import dev.rehearsal.engine.RehearsalSuite;
import dev.rehearsal.engine.execution.RehearsalContext;
import dev.rehearsal.engine.execution.SuiteResources;
import dev.rehearsal.engine.execution.TargetRun;
import dev.rehearsal.engine.execution.TargetServers.Availability;
import dev.rehearsal.migration.Migration;
import dev.rehearsal.migration.MigrationSet;
import dev.rehearsal.migration.MigrationVersion;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.platform.engine.DiscoverySelector;
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
    private final RehearsalSuite.Target target;
    private final Loaded loaded;

    /** The migration set as read for this engine's dialect, or why it could not be read. */
    record Loaded(MigrationSet set, RehearsalException error) {
    }

    TargetDescriptor(SuiteDescriptor suite, RehearsalSuite.Target target, Loaded loaded) {
        super(suite.getUniqueId().append(SegmentTypes.TARGET, target.id()), target.id(),
                DirectorySource.from(suite.definition().migrations().toFile()));
        this.suite = suite;
        this.target = target;
        this.loaded = loaded;
    }

    @Override
    public Type getType() {
        return Type.CONTAINER;
    }

    /** A broken set keeps its node (the platform prunes containers without tests) so it can fail with the error. */
    @Override
    public boolean mayRegisterTests() {
        return loaded.error() != null;
    }

    public List<DiscoverySelector> childSelectors() {
        List<DiscoverySelector> selectors = new ArrayList<>();
        if (loaded.set() == null) {
            return selectors;
        }
        for (Migration m : loaded.set().migrations()) {
            selectors.add(DiscoverySelectors.selectUniqueId(
                    getUniqueId().append(SegmentTypes.MIGRATION, m.version().text())));
        }
        for (Step step : Step.setSteps()) {
            selectors.add(DiscoverySelectors.selectUniqueId(getUniqueId().append(SegmentTypes.STEP, step.id())));
        }
        return selectors;
    }

    public Optional<MigrationDescriptor> createMigration(String version) {
        if (loaded.set() == null || !MigrationVersion.isVersion(version)) {
            return Optional.empty();
        }
        List<Migration> migrations = loaded.set().migrations();
        for (int i = 0; i < migrations.size(); i++) {
            if (migrations.get(i).version().text().equals(version)) {
                return Optional.of(new MigrationDescriptor(this, migrations.get(i), i));
            }
        }
        return Optional.empty();
    }

    public Optional<StepDescriptor> createSetStep(String id) {
        if (loaded.set() == null) {
            return Optional.empty();
        }
        return Step.find(id).filter(s -> !s.perMigration() && s.id().equals(id)).map(step -> new StepDescriptor(
                getUniqueId().append(SegmentTypes.STEP, step.id()), step, null, suite.declarations()
                        .expectedDefect(null, step), getSource().orElseThrow(), step.displayName() + " (" + target.id() + ")"));
    }

    SuiteDescriptor suite() {
        return suite;
    }

    @Override
    public SkipResult shouldBeSkipped(RehearsalContext context) {
        if (loaded.error() != null || context.config().productionRefusal(target, System.getenv()).isPresent()) {
            return SkipResult.doNotSkip(); // fails in before(), with the reason
        }
        Availability availability = context.servers().availability(target);
        context.recorder().target(getUniqueId(), availability);
        if (!availability.available() && !context.config().requireTargets()) {
            context.recorder().container(getUniqueId(), availability.unavailableReason());
            return SkipResult.skip(availability.unavailableReason());
        }
        return SkipResult.doNotSkip();
    }

    @Override
    public RehearsalContext before(RehearsalContext context) {
        try {
            if (loaded.error() != null) {
                throw loaded.error();
            }
            context.config().productionRefusal(target, System.getenv()).ifPresent(reason -> {
                throw new RehearsalException(ErrorCode.PRODUCTION_GUARD, reason);
            });
            Availability availability = context.servers().availability(target);
            if (!availability.available()) {
                throw new RehearsalException(ErrorCode.CONNECTION_FAILED, availability.unavailableReason() + " ("
                        + Constants.REQUIRE_TARGETS + "=true makes an unavailable target a failure)");
            }
            SuiteResources resources = SuiteResources.load(suite.fixtures(), suite.verification());
            return context.withTargetRun(new TargetRun(target, availability.server(), loaded.set(),
                    suite.declarations(), resources, context.config().keepFailedDatabases()));
        } catch (RuntimeException e) {
            context.recorder().container(getUniqueId(), e.getMessage());
            throw e;
        }
    }

    @Override
    public void after(RehearsalContext context) {
        TargetRun run = context.targetRun();
        if (run == null || run.kind() != target) {
            return;
        }
        run.close();
        if (!run.kept().isEmpty()) {
            context.publish(this, Map.of("kept-databases", String.join(", ", run.kept())));
        }
    }

    @Override
    public ExecutionMode getExecutionMode() {
        return ExecutionMode.CONCURRENT;
    }
}
