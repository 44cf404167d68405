package dev.rehearsal.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rehearsal.testing.TestDatabases;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineExecutionResults;

/** The engine creates no database on a server labelled production unless the configuration says so. */
class ProductionServerEngineTests {
    @TempDir
    Path reports;

    @Test
    void aServerLabelledProductionFailsTheTargetBeforeAnyDatabaseIsCreated() throws Exception {
        List<String> before = databases();
        Map<String, String> config = new HashMap<>(EngineRuns.on("mariadb"));
        config.put(Constants.ENVIRONMENT, "prod-eu");

        EngineExecutionResults results = EngineRuns.runSet(reports, "good", config);

        results.testEvents().assertStatistics(s -> s.started(0));
        List<String> failures = results.containerEvents().failed().list().stream()
                .map(e -> e.getPayload(TestExecutionResult.class).flatMap(TestExecutionResult::getThrowable)
                        .map(Throwable::getMessage).orElse(""))
                .toList();
        assertThat(failures).hasSize(1);
        assertThat(failures.get(0)).contains("refusing to rehearse on mariadb: its server is labelled production"
                + " (rehearsal.env is 'prod-eu')", "rehearsal.allow-production=true");
        assertThat(databases()).isEqualTo(before);
    }

    @Test
    void allowProductionLetsTheRehearsalRun() {
        Map<String, String> config = new HashMap<>(EngineRuns.on("mariadb"));
        config.put(Constants.ENVIRONMENT, "production");
        config.put(Constants.ALLOW_PRODUCTION, "true");

        EngineExecutionResults results = EngineRuns.runSet(reports, "good", config);

        results.containerEvents().assertStatistics(s -> s.failed(0));
        assertThat(results.testEvents().succeeded().count()).isPositive();
    }

    private static List<String> databases() throws Exception {
        return TestDatabases.firstColumn(TestDatabases.server("mariadb", TestDatabases.MARIADB_URL), "show databases");
    }
}
