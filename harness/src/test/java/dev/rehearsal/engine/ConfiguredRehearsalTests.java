package dev.rehearsal.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.testkit.engine.EventConditions.container;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.testkit.engine.EngineExecutionResults;

/** The suite class shipped in the harness jar, for projects that have no Java test sources. */
class ConfiguredRehearsalTests {
    @TempDir
    Path reports;

    @Test
    void rehearsesTheDirectoryNamedByConfiguration() {
        EngineExecutionResults results = EngineRuns.run(reports,
                Map.of(Constants.MIGRATIONS, EngineRuns.set("good").toString()), selectClass(ConfiguredRehearsal.class));

        results.testEvents().assertStatistics(s -> s.started(14).succeeded(14).failed(0).skipped(0).aborted(0));
    }

    @Test
    void withoutItsParameterTheSuiteFailsLoudlyInsteadOfVanishing() {
        EngineExecutionResults results = EngineRuns.run(reports, Map.of(), selectClass(ConfiguredRehearsal.class));

        results.testEvents().assertStatistics(s -> s.started(0));
        results.containerEvents().assertStatistics(s -> s.started(2).succeeded(1).failed(1).skipped(0).aborted(0));
        results.containerEvents().assertThatEvents().haveExactly(1, event(container("ConfiguredRehearsal"),
                finishedWithFailure(message(m -> m.contains("configuration parameter rehearsal.migrations, which is not set")))));
        assertThat(reports.resolve(Constants.RESULTS_FILE)).exists();
    }
}
