package dev.rehearsal.engine.discovery;

import dev.rehearsal.engine.descriptor.MigrationDescriptor;
import dev.rehearsal.rehearse.plan.SegmentTypes;
import dev.rehearsal.engine.descriptor.SuiteDescriptor;
import dev.rehearsal.engine.descriptor.TargetDescriptor;
import java.util.LinkedHashSet;
import java.util.List;
import org.junit.platform.engine.DiscoverySelector;
import java.util.Optional;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.engine.discovery.UniqueIdSelector;
import org.junit.platform.engine.support.discovery.SelectorResolver;

/**
 * Targets, migrations and steps, by unique id: the parent is resolved first (without its other
 * children), so a unique id selects exactly its node and subtree. Suites expand through here too.
 */
final class ChildResolver implements SelectorResolver {

    @Override
    public Resolution resolve(UniqueIdSelector selector, Context context) {
        UniqueId id = selector.getUniqueId();
        UniqueId.Segment last = id.getLastSegment();
        UniqueId parentId = id.removeLastSegment();
        Optional<? extends TestDescriptor> child;
        switch (last.getType()) {
            case SegmentTypes.TARGET:
                child = context.addToParent(() -> DiscoverySelectors.selectUniqueId(parentId), parent ->
                        parent instanceof SuiteDescriptor s ? s.createTarget(last.getValue()) : Optional.empty());
                return child.map(t -> match(t, ((TargetDescriptor) t).childSelectors())).orElse(Resolution.unresolved());
            case SegmentTypes.MIGRATION:
                child = context.addToParent(() -> DiscoverySelectors.selectUniqueId(parentId), parent ->
                        parent instanceof TargetDescriptor t ? t.createMigration(last.getValue()) : Optional.empty());
                return child.map(m -> match(m, ((MigrationDescriptor) m).childSelectors())).orElse(Resolution.unresolved());
            case SegmentTypes.STEP:
                child = context.addToParent(() -> DiscoverySelectors.selectUniqueId(parentId), parent -> {
                    if (parent instanceof MigrationDescriptor m) {
                        return m.createStep(last.getValue()).map(TestDescriptor.class::cast);
                    }
                    return parent instanceof TargetDescriptor t ? t.createSetStep(last.getValue()).map(TestDescriptor.class::cast)
                            : Optional.<TestDescriptor>empty();
                });
                return child.map(s -> Resolution.match(Match.exact(s))).orElse(Resolution.unresolved());
            default:
                return Resolution.unresolved();
        }
    }

    private static Resolution match(TestDescriptor descriptor, List<DiscoverySelector> children) {
        return Resolution.match(Match.exact(descriptor, () -> new LinkedHashSet<>(children)));
    }
}
