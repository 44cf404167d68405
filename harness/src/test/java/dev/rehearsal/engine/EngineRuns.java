package dev.rehearsal.engine;

import java.io.File;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;

/** Runs the Rehearsal engine on the test migration sets under {@code src/test/resources/engine}. */
final class EngineRuns {
    private EngineRuns() {
    }

    static Path set(String name) {
        try {
            return Path.of(EngineRuns.class.getResource("/engine/" + name).toURI());
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

    static EngineExecutionResults runSet(Path reports, String set, Map<String, String> config) {
        return run(reports, config, DiscoverySelectors.selectDirectory(dir(set)));
    }
}
