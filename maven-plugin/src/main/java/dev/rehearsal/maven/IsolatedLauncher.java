package dev.rehearsal.maven;

import dev.rehearsal.engine.ConfiguredRehearsal;
import dev.rehearsal.engine.Constants;
import dev.rehearsal.engine.RehearsalSuite;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.platform.commons.support.ReflectionSupport;
import org.junit.platform.engine.discovery.ClassSelector;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.launcher.EngineFilter;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.TestPlan;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * Runs the Rehearsal engine through the JUnit Platform Launcher. Loaded inside the project's test
 * class loader (see {@link TestClassLoader}), so it sees the project's suites, resources and
 * {@code junit-platform.properties}; it speaks only JDK types across that boundary, because the
 * plugin's own copies of the JUnit and Rehearsal classes are different classes there.
 */
public final class IsolatedLauncher {
    private IsolatedLauncher() {
    }

    /**
     * @param parameters launcher configuration parameters (they win over system properties and
     *     {@code junit-platform.properties}, which the launcher also reads)
     * @param testClassesDirectory where {@code @RehearsalSuite} classes are looked for
     * @return the tally as {@link Tally#toMap()}, plus {@code lookedFor} (what was searched) and {@code suites}
     */
    public static Map<String, Object> run(Map<String, String> parameters, String testClassesDirectory) {
        Path testClasses = Path.of(testClassesDirectory);
        List<ClassSelector> selectors = new ArrayList<>();
        if (Files.isDirectory(testClasses)) {
            ReflectionSupport.findAllClassesInClasspathRoot(testClasses.toUri(),
                    type -> type.isAnnotationPresent(RehearsalSuite.class), name -> true)
                    .forEach(type -> selectors.add(DiscoverySelectors.selectClass(type)));
        }
        boolean migrationsConfigured = request(parameters, List.of()).getConfigurationParameters()
                .get(Constants.MIGRATIONS).filter(value -> !value.isBlank()).isPresent();
        if (migrationsConfigured) {
            selectors.add(DiscoverySelectors.selectClass(ConfiguredRehearsal.class));
        }
        Tally tally = new Tally();
        if (!selectors.isEmpty()) {
            try (LauncherSession session = LauncherFactory.openSession()) {
                TestPlan plan = session.getLauncher().discover(request(parameters, selectors));
                session.getLauncher().execute(plan, tally);
            }
        }
        Map<String, Object> result = new HashMap<>(tally.toMap());
        result.put("lookedFor", "classes annotated @" + RehearsalSuite.class.getName() + " in " + testClasses
                + ", and the configuration parameter " + Constants.MIGRATIONS + " (<migrations>)"
                + (migrationsConfigured ? "" : ", which is not set"));
        result.put("suites", selectors.stream().map(s -> s.getClassName()).toList());
        return result;
    }

    private static LauncherDiscoveryRequest request(Map<String, String> parameters, List<ClassSelector> selectors) {
        return LauncherDiscoveryRequestBuilder.request()
                .selectors(selectors)
                .filters(EngineFilter.includeEngines(Constants.ENGINE_ID))
                .configurationParameters(parameters)
                .build();
    }
}
