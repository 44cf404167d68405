package dev.rehearsal.engine.discovery;

import dev.rehearsal.RehearsalException;
import dev.rehearsal.engine.RehearsalSuite;
import dev.rehearsal.engine.descriptor.SuiteDefinition;
import dev.rehearsal.engine.config.ProjectPaths;
import dev.rehearsal.engine.config.RehearsalConfiguration;
import dev.rehearsal.rehearse.plan.SegmentTypes;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.junit.platform.commons.support.ReflectionSupport;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.discovery.ClassSelector;
import org.junit.platform.engine.discovery.UniqueIdSelector;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.engine.support.discovery.SelectorResolver;

/** Claims classes annotated {@link RehearsalSuite}, selected by class or by a suite unique id. */
final class SuiteClassResolver implements SelectorResolver {
    private final SuiteResolution suites;
    private final Predicate<String> classNameFilter;

    SuiteClassResolver(SuiteResolution suites, Predicate<String> classNameFilter) {
        this.suites = suites;
        this.classNameFilter = classNameFilter;
    }

    @Override
    public Resolution resolve(ClassSelector selector, Context context) {
        Class<?> type;
        try {
            type = selector.getJavaClass();
        } catch (RuntimeException | LinkageError e) {
            return Resolution.unresolved();
        }
        if (!type.isAnnotationPresent(RehearsalSuite.class) || !classNameFilter.test(type.getName())) {
            return Resolution.unresolved();
        }
        return resolve(type, context);
    }

    @Override
    public Resolution resolve(UniqueIdSelector selector, Context context) {
        UniqueId id = selector.getUniqueId();
        List<UniqueId.Segment> segments = id.getSegments();
        UniqueId.Segment last = id.getLastSegment();
        if (segments.size() != 2 || !last.getType().equals(SegmentTypes.SUITE)) {
            return Resolution.unresolved();
        }
        Optional<Class<?>> type = ReflectionSupport.tryToLoadClass(last.getValue()).toOptional()
                .filter(c -> c.isAnnotationPresent(RehearsalSuite.class));
        return type.map(c -> resolve(c, context)).orElse(Resolution.unresolved());
    }

    private Resolution resolve(Class<?> type, Context context) {
        return suites.resolve(definition(type, suites.config()), context, true);
    }

    static SuiteDefinition definition(Class<?> type, RehearsalConfiguration config) {
        RehearsalSuite suite = type.getAnnotation(RehearsalSuite.class);
        ProjectPaths paths = config.paths();
        String name = type.getSimpleName();
        try {
            return new SuiteDefinition(type.getName(), name, paths.resolve(config.expand(suite.migrations(), name)),
                    optional(paths, config.expand(suite.fixtures(), name)),
                    optional(paths, config.expand(suite.verification(), name)), List.of(suite.targets()),
                    ClassSource.from(type), null);
        } catch (RehearsalException unconfigured) {
            return new SuiteDefinition(type.getName(), name, paths.resolve("."), null, null, List.of(suite.targets()),
                    ClassSource.from(type), unconfigured);
        }
    }

    private static Path optional(ProjectPaths paths, String path) {
        return path.isBlank() ? null : paths.resolve(path);
    }
}
