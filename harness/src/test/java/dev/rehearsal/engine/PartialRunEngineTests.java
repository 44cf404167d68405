package dev.rehearsal.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectUniqueId;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rehearsal.RehearsalException;
import dev.rehearsal.rehearse.plan.NodeId;
import dev.rehearsal.rehearse.plan.TargetKind;
import dev.rehearsal.rehearse.results.Placement;
import dev.rehearsal.rehearse.results.RehearsalResults;
import dev.rehearsal.rehearse.results.ResultsMerger;
import dev.rehearsal.rehearse.results.ResultsWriter;
import dev.rehearsal.rehearse.results.TargetResult;
import dev.rehearsal.report.ReportWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.testkit.engine.EngineExecutionResults;

/**
 * Partial runs are never READY: a one-node rerun (an IDE click, a unique-id selector) reads
 * INCOMPLETE and is written beside the full run's report, not over it; {@code rehearsal.shard=K/N}
 * runs a deterministic part whose results merge into the full run's.
 */
class PartialRunEngineTests {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path reports;

    private static NodeId goodSqlite() {
        return NodeId.suite(EngineRuns.set("good").toAbsolutePath().normalize().toString()).target(TargetKind.SQLITE);
    }

    @Test
    void oneNodeRerunIsIncompleteAndLeavesTheFullRunsReportAsItWas() throws IOException {
        EngineRuns.runSet(reports, "good", Map.of()).testEvents()
                .assertStatistics(s -> s.started(14).succeeded(14).failed(0).skipped(0).aborted(0));
        String fullResults = Files.readString(reports.resolve(Constants.RESULTS_FILE));
        String fullReport = Files.readString(reports.resolve(ReportWriter.JSON_FILE));
        NodeId redo = goodSqlite().migration("20240102000000").step("redo");

        EngineExecutionResults rerun = EngineRuns.run(reports, Map.of(), selectUniqueId(UniqueId.parse(redo.toString())));

        rerun.testEvents().assertStatistics(s -> s.started(1).succeeded(1).failed(0).skipped(0).aborted(0));
        assertThat(Files.readString(reports.resolve(Constants.RESULTS_FILE))).isEqualTo(fullResults);
        assertThat(Files.readString(reports.resolve(ReportWriter.JSON_FILE))).isEqualTo(fullReport);
        Path partial = reports.resolve(Placement.PARTIAL);
        TargetResult sqlite = ResultsWriter.read(partial.resolve(Constants.RESULTS_FILE)).suites().get(0).targets().get(0);
        assertThat(sqlite.planned()).hasSize(14).contains(redo.toString());
        assertThat(sqlite.migrations()).hasSize(1);
        JsonNode report = JSON.readTree(partial.resolve(ReportWriter.JSON_FILE).toFile());
        assertThat(report.get("readiness").asText()).isEqualTo("INCOMPLETE");
        assertThat(report.get("reason").asText()).contains("1 of 14 proofs ran; not run: V20240101000000 apply,"
                + " V20240101000000 rollback restores schema");
        assertThat(Files.readString(partial.resolve(ReportWriter.HTML_FILE)))
                .contains("INCOMPLETE").contains("1 of 14 proofs ran; not run: V20240101000000 apply");
        assertThat(rerun.allEvents().reportingEntryPublished().list()).anySatisfy(e -> assertThat(
                e.getPayload(ReportEntry.class).orElseThrow().getKeyValuePairs().get("partial"))
                .startsWith("partial run (1 of 14 proofs ran): written to " + partial)
                .contains("beside the report of the last full run in " + reports));
    }

    @Test
    void twoShardsRunTheirPartsAndMergeIntoTheFullRunsResults() throws IOException {
        Path full = reports.resolve("full");
        EngineRuns.runSet(full, "good", Map.of());
        Path shards = reports.resolve("shards");

        EngineExecutionResults first = EngineRuns.runSet(shards, "good", Map.of(Constants.SHARD, "1/2"));
        EngineExecutionResults second = EngineRuns.runSet(shards, "good", Map.of(Constants.SHARD, "2/2"));

        // 14 steps: V1 and V2 (8 steps) in the first shard; V3, full chain and history (6) in the second,
        // which brings its database to V2 with plain up first (no proofs: no events).
        first.testEvents().assertStatistics(s -> s.started(8).succeeded(8).failed(0).skipped(0).aborted(0));
        second.testEvents().assertStatistics(s -> s.started(6).succeeded(6).failed(0).skipped(0).aborted(0));
        second.containerEvents().assertStatistics(s -> s.started(4).succeeded(4).failed(0).skipped(0).aborted(0));
        assertThat(shards.resolve(Constants.RESULTS_FILE)).doesNotExist();
        RehearsalResults one = ResultsWriter.read(shards.resolve("shard-1-of-2").resolve(Constants.RESULTS_FILE));
        RehearsalResults two = ResultsWriter.read(shards.resolve("shard-2-of-2").resolve(Constants.RESULTS_FILE));
        assertThat(JSON.readTree(shards.resolve("shard-2-of-2").resolve(ReportWriter.JSON_FILE).toFile())
                .get("readiness").asText()).isEqualTo("INCOMPLETE");

        Path merged = ResultsWriter.write(ResultsMerger.merge(List.of(two, one)), reports.resolve("merged"));

        assertThat(withoutTimings(merged)).isEqualTo(withoutTimings(full.resolve(Constants.RESULTS_FILE)));
    }

    @Test
    void aBadShardIsABadConfigurationNamingTheKey() {
        assertThatThrownBy(() -> EngineRuns.runSet(reports, "good", Map.of(Constants.SHARD, "3/2")))
                .hasRootCauseInstanceOf(RehearsalException.class)
                .hasRootCauseMessage("rehearsal.shard: '3/2' is not a shard; write K/N with 1 <= K <= N, e.g. 2/4 for"
                        + " the second of four shards");
    }

    private static JsonNode withoutTimings(Path file) throws IOException {
        JsonNode results = JSON.readTree(file.toFile());
        ((ObjectNode) results).remove("startedAt");
        ((ObjectNode) results).remove("finishedAt");
        results.findParents("millis").forEach(step -> ((ObjectNode) step).remove("millis"));
        return results;
    }
}
