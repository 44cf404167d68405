package dev.rehearsal.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.rehearsal.rehearse.results.ResultsWriter;
import dev.rehearsal.rehearse.results.TargetResult;
import dev.rehearsal.rehearse.results.TargetStatus;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.testkit.engine.EngineExecutionResults;

/**
 * Every target a suite declares and the configuration enables is reported: run, or skipped with its
 * reason, in the JUnit events, the console, the results and the report.
 */
class DeclaredTargetsEngineTests {
    @TempDir
    Path reports;

    @Test
    void aTargetWithoutServerDockerOrEmbeddedFallbackIsSkippedWithTheReasonEverywhere() throws IOException {
        Assumptions.assumeTrue(System.getenv("DOCKER_HOST") == null
                && !Files.exists(Path.of("/var/run/docker.sock")), "a Docker engine is reachable");
        PrintStream console = System.out;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        EngineExecutionResults results;
        System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
        try {
            results = EngineRuns.run(reports, Map.of(Constants.TARGETS, "sqlite,postgres,mariadb"),
                    selectClass(ThreeTargetsRehearsal.class));
        } finally {
            System.setOut(console);
        }

        // postgres falls back to the embedded PostgreSQL 17 on the test class path; mariadb has no fallback.
        results.testEvents().assertStatistics(s -> s.started(28).succeeded(28).failed(0).skipped(0).aborted(0));
        results.containerEvents().assertStatistics(s -> s.skipped(1).failed(0));
        List<String> skipped = results.containerEvents().skipped().list().stream()
                .map(e -> e.getTestDescriptor().getDisplayName() + " -> " + e.getPayload(String.class).orElseThrow())
                .toList();
        String mariadb = "mariadb: no rehearsal.mariadb.url configured and no Docker engine"
                + " (DOCKER_HOST unset, /var/run/docker.sock missing)";
        assertThat(skipped).containsExactly("mariadb -> " + mariadb);

        assertThat(printed.toString(StandardCharsets.UTF_8))
                .doesNotContain("on postgres SKIPPED")
                .contains("Rehearsal: ThreeTargetsRehearsal on mariadb SKIPPED: " + mariadb);
        List<TargetResult> targets = ResultsWriter.read(reports.resolve(Constants.RESULTS_FILE)).suites().get(0).targets();
        assertThat(targets).extracting(TargetResult::target).containsExactly("sqlite", "postgres", "mariadb");
        assertThat(targets).extracting(TargetResult::status)
                .containsExactly(TargetStatus.PASSED, TargetStatus.PASSED, TargetStatus.SKIPPED);
        assertThat(targets.get(1).server()).startsWith("embedded PostgreSQL 17")
                .contains("fallback: no rehearsal.postgres.url configured and no Docker engine");
        String html = Files.readString(reports.resolve("rehearsal-report.html"));
        assertThat(html).contains(mariadb);
    }
}
