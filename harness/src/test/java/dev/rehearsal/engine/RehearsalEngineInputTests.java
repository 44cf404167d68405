package dev.rehearsal.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectDirectory;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectUniqueId;

import dev.rehearsal.rehearse.results.ResultsWriter;
import dev.rehearsal.rehearse.results.TargetResult;
import dev.rehearsal.rehearse.results.TargetStatus;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.platform.engine.DiscoveryIssue;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.testkit.engine.EngineDiscoveryResults;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;

/** Unique ids, unavailable targets, broken inputs. */
class RehearsalEngineInputTests {
    private static final String NO_SERVER = "jdbc:postgresql://127.0.0.1:1/postgres?user=postgres";

    @TempDir
    Path reports;

    /** good: suite, target, 3 migrations x 4 steps, 2 set steps; drills: and 3 x (backup + 3 faults) more. */
    @ParameterizedTest
    @CsvSource({"good, 19", "drills, 31"})
    void everyUniqueIdSelectsExactlyItsNode(String set, int nodes) {
        TestDescriptor engine = discover(selectDirectory(EngineRuns.dir(set)));
        Set<? extends TestDescriptor> all = engine.getDescendants();
        assertThat(all).hasSize(nodes);

        for (TestDescriptor node : all) {
            TestDescriptor selected = discover(selectUniqueId(node.getUniqueId()));
            Set<UniqueId> expected = new HashSet<>();
            node.getDescendants().forEach(d -> expected.add(d.getUniqueId()));
            expected.add(node.getUniqueId());
            for (TestDescriptor p = node.getParent().orElse(null); p != null && p != engine; p = p.getParent().orElse(null)) {
                expected.add(p.getUniqueId());
            }
            assertThat(selected.getDescendants().stream().map(TestDescriptor::getUniqueId).collect(Collectors.toSet()))
                    .as("selected by %s", node.getUniqueId()).isEqualTo(expected);
            TestDescriptor again = selected.findByUniqueId(node.getUniqueId()).orElseThrow();
            assertThat(again.getDisplayName()).isEqualTo(node.getDisplayName());
            assertThat(again.getSource()).isEqualTo(node.getSource());
        }
    }

    @Test
    void unavailableTargetIsSkippedWithTheReason() {
        EngineExecutionResults results = EngineRuns.runSet(reports, "good",
                Map.of(Constants.TARGETS, "sqlite,postgres", Constants.POSTGRES_URL, NO_SERVER));

        results.testEvents().assertStatistics(s -> s.started(14).succeeded(14).failed(0).skipped(0).aborted(0));
        results.containerEvents().assertStatistics(s -> s.started(6).succeeded(6).failed(0).skipped(1).aborted(0));
        String reason = results.containerEvents().skipped().list().get(0).getPayload(String.class).orElseThrow();
        assertThat(reason).startsWith("postgres: cannot connect to jdbc:postgresql://127.0.0.1:1/postgres");
        TargetResult postgres = ResultsWriter.read(reports.resolve(Constants.RESULTS_FILE)).suites().get(0).targets().get(1);
        assertThat(postgres.status()).isEqualTo(TargetStatus.SKIPPED);
        assertThat(postgres.reason()).isEqualTo(reason);
        assertThat(postgres.migrations().get(0).steps().get(0).message()).isEqualTo(reason);
    }

    @Test
    void unavailableTargetFailsWhenTargetsAreRequired() {
        EngineExecutionResults results = EngineRuns.runSet(reports, "good", Map.of(Constants.TARGETS, "postgres",
                Constants.POSTGRES_URL, NO_SERVER, Constants.REQUIRE_TARGETS, "true"));

        results.testEvents().assertStatistics(s -> s.started(0).succeeded(0).failed(0).skipped(0).aborted(0));
        results.containerEvents().assertStatistics(s -> s.started(3).succeeded(2).failed(1).skipped(0).aborted(0));
        assertThat(results.containerEvents().failed().list().get(0).getPayload(TestExecutionResult.class)
                .flatMap(TestExecutionResult::getThrowable).orElseThrow().getMessage())
                .contains("rehearsal.require-targets=true");
        assertThat(ResultsWriter.read(reports.resolve(Constants.RESULTS_FILE)).suites().get(0).targets().get(0).status())
                .isEqualTo(TargetStatus.FAILED);
    }

    /** The fallback order: URL, else Docker, else the embedded PostgreSQL 17 (its binaries are on the test classpath). */
    @Test
    void postgresWithoutUrlOrDockerFallsBackToEmbeddedPostgres17() {
        org.junit.jupiter.api.Assumptions.assumeTrue(System.getenv("DOCKER_HOST") == null
                && !java.nio.file.Files.exists(Path.of("/var/run/docker.sock")), "a Docker engine is reachable");
        EngineExecutionResults results = EngineRuns.runSet(reports, "good", Map.of(Constants.TARGETS, "postgres"));

        results.testEvents().assertStatistics(s -> s.started(14).succeeded(14).failed(0).skipped(0).aborted(0));
        results.containerEvents().assertStatistics(s -> s.started(6).succeeded(6).failed(0).skipped(0).aborted(0));
        TargetResult postgres = ResultsWriter.read(reports.resolve(Constants.RESULTS_FILE)).suites().get(0).targets().get(0);
        assertThat(postgres.target()).isEqualTo("postgres");
        assertThat(postgres.serverVersion()).startsWith("17.");
        assertThat(postgres.server()).startsWith("embedded PostgreSQL 17.12.0 (io.zonky.test, binaries from the classpath),"
                + " started in ").endsWith(" (fallback: no rehearsal.postgres.url configured and no Docker engine"
                + " (DOCKER_HOST unset, /var/run/docker.sock missing))");
        assertThat(results.containerEvents().reportingEntryPublished().list().stream().map(e -> e.getPayload(
                org.junit.platform.engine.reporting.ReportEntry.class).orElseThrow().getKeyValuePairs().get("server"))
                .filter(java.util.Objects::nonNull)).containsExactly(postgres.server());
    }

    @Test
    void brokenMigrationFileIsReportedNotThrown() {
        EngineDiscoveryResults discovery = EngineRuns.engine(reports, Map.of())
                .selectors(selectDirectory(EngineRuns.dir("broken"))).discover();
        assertThat(discovery.getDiscoveryIssues()).singleElement().satisfies(issue -> {
            assertThat(issue.severity()).isEqualTo(DiscoveryIssue.Severity.WARNING);
            assertThat(issue.message()).contains("20240101000000_create_users.sql");
        });

        EngineExecutionResults results = EngineRuns.runSet(reports, "broken", Map.of());

        results.testEvents().assertStatistics(s -> s.started(0).succeeded(0).failed(0).skipped(0).aborted(0));
        results.containerEvents().assertStatistics(s -> s.started(3).succeeded(2).failed(1).skipped(0).aborted(0));
        assertThat(results.containerEvents().failed().list().get(0).getPayload(TestExecutionResult.class)
                .flatMap(TestExecutionResult::getThrowable).orElseThrow().getMessage())
                .contains("20240101000000_create_users.sql");
    }

    private TestDescriptor discover(org.junit.platform.engine.DiscoverySelector selector) {
        return EngineTestKit.engine(new RehearsalTestEngine()).selectors(selector).discover().getEngineDescriptor();
    }
}
