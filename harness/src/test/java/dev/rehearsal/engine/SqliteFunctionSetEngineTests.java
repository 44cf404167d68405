package dev.rehearsal.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectDirectory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.testkit.engine.EngineExecutionResults;

/**
 * {@code realistic-sets/sqlite-functions}: a migration calls {@code slugify}, which the project registers
 * in its SQLite driver. Declared in rehearsal.yaml, the set rehearses; without it, apply fails naming the option.
 */
class SqliteFunctionSetEngineTests {
    private static final List<String> MIGRATIONS = List.of("1_create_posts.up.sql", "1_create_posts.down.sql",
            "2_add_slugs.up.sql", "2_add_slugs.down.sql");

    @TempDir
    Path reports;

    /** 2 migrations x 4 steps and 2 set steps; containers: engine, suite, target, 2 migrations. */
    @Test
    void declaredFunctionLetsTheSetRehearse() {
        EngineExecutionResults results = EngineRuns.run(reports, EngineRuns.on("sqlite"),
                selectDirectory(RealisticSetsEngineTests.dir("sqlite-functions")));

        results.testEvents().assertStatistics(s -> s.started(10).succeeded(10).failed(0).skipped(0).aborted(0));
        results.containerEvents().assertStatistics(s -> s.started(5).succeeded(5).failed(0).skipped(0).aborted(0));
    }

    @Test
    void undeclaredFunctionFailsApplyWithTheOptionNamed() throws IOException {
        Path copy = reports.resolve("undeclared");
        Files.createDirectories(copy);
        for (String file : MIGRATIONS) {
            Files.copy(RealisticSetsEngineTests.dir("sqlite-functions").toPath().resolve(file), copy.resolve(file));
        }

        EngineExecutionResults results = EngineRuns.run(reports, EngineRuns.on("sqlite"), selectDirectory(copy.toFile()));

        // V1's 4 steps pass; V2's apply fails and its 3 rollback steps are skipped; full chain and history fail
        results.testEvents().assertStatistics(s -> s.started(7).succeeded(4).failed(3).skipped(3).aborted(0));
        assertThat(EngineRuns.failures(results)).hasSize(3).allSatisfy(failure -> assertThat(failure)
                .contains("2_add_slugs.up.sql:3:1").contains("no such function: slugify")
                .contains("declare it in the set's rehearsal.yaml")
                .contains("functions: [{name: slugify, class: com.example.YourFunction}]"));
        assertThat(EngineRuns.failures(results).get(0)).startsWith("V2 add slugs: apply (sqlite) -> ");
    }
}
