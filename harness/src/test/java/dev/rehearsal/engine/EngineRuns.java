package dev.rehearsal.engine;

import dev.rehearsal.testing.TestDatabases;
import java.io.File;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;

/** Runs the Rehearsal engine on the test migration sets under {@code src/test/resources/engine}. */
final class EngineRuns {
    private EngineRuns() {
    }

    static Path set(String name) {
        return resource("/engine/" + name);
    }

    /** A set of {@code src/test/resources/realistic-sets}: one class of real-world layout or defect each. */
    static Path realistic(String name) {
        return resource("/realistic-sets/" + name);
    }

    private static Path resource(String name) {
        try {
            return Path.of(EngineRuns.class.getResource(name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static File dir(String name) {
        return set(name).toFile();
    }

    static EngineTestKit.Builder engine(Path reports, Map<String, String> config) {
        return EngineTestKit.engine(new RehearsalTestEngine())
                .configurationParameter(Constants.REPORT_DIR, reports.toString())
                .configurationParameters(config);
    }

    static EngineExecutionResults run(Path reports, Map<String, String> config, DiscoverySelector... selectors) {
        return engine(reports, config).selectors(selectors).execute();
    }

    /** The configuration for one engine, with the local servers required (an unreachable one aborts the test). */
    static Map<String, String> on(String engine) {
        if (engine.equals("postgres")) {
            TestDatabases.server(engine, TestDatabases.POSTGRES_URL);
        } else if (engine.equals("mariadb")) {
            TestDatabases.server(engine, TestDatabases.MARIADB_URL);
        }
        return Map.of(Constants.TARGETS, engine, Constants.POSTGRES_URL, TestDatabases.POSTGRES_URL,
                Constants.MARIADB_URL, TestDatabases.MARIADB_URL, Constants.REQUIRE_TARGETS, "true");
    }

    /** Each failed test as {@code display name -> message}. */
    static List<String> failures(EngineExecutionResults results) {
        return results.testEvents().failed().list().stream()
                .map(e -> e.getTestDescriptor().getDisplayName() + " -> " + e.getPayload(TestExecutionResult.class)
                        .flatMap(TestExecutionResult::getThrowable).map(Throwable::getMessage).orElse(""))
                .toList();
    }

    static EngineExecutionResults runSet(Path reports, String set, Map<String, String> config) {
        return run(reports, config, DiscoverySelectors.selectDirectory(dir(set)));
    }
}
