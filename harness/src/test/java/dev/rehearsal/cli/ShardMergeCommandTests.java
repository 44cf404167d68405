package dev.rehearsal.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rehearsal.engine.Constants;
import dev.rehearsal.engine.RehearsalTestEngine;
import dev.rehearsal.rehearse.results.Coverage;
import dev.rehearsal.rehearse.results.ResultsWriter;
import dev.rehearsal.rehearse.results.SuiteResult;
import dev.rehearsal.report.ReportWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.testkit.engine.EngineTestKit;

/**
 * {@code rehearsal rehearse --shard K/N} and {@code rehearsal report --merge}: on the media set (its
 * fixtures, drills and verification suite) three shards merged give the same results as one full
 * run, timings aside; a missing or duplicated shard reads INCOMPLETE and names the steps; a shard
 * alone is INCOMPLETE, never READY, and fails {@code --fail-if-not-ready}.
 */
class ShardMergeCommandTests {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path work;

    Path media;

    @BeforeEach
    void copyMediaSetNamingItsFixturesAndVerification() throws IOException {
        Path root = ProjectFiles.root();
        media = Files.createDirectories(work.resolve("media"));
        try (Stream<Path> files = Files.list(root.resolve("migrations/media"))) {
            for (Path f : files.toList()) {
                Files.copy(f, media.resolve(f.getFileName()));
            }
        }
        Path verification = Files.createDirectories(work.resolve("verification"));
        Files.copy(root.resolve("verification-suites/media.yaml"), verification.resolve("media.yaml"));
        Path fixtures = root.resolve("fixtures/media").toAbsolutePath().normalize();
        Files.writeString(media.resolve("rehearsal.yaml"), Files.readString(media.resolve("rehearsal.yaml"))
                + "\nfixtures: \"" + fixtures + "\"\nverification: \"" + verification + "\"\n");
    }

    private CliRun rehearse(Path out, String... more) {
        return CliRun.of(Stream.concat(Stream.of("rehearse", "--migrations", media.toString(), "--out", out.toString()),
                Stream.of(more)).toArray(String[]::new));
    }

    private Path shard(int k) {
        return work.resolve("shards").resolve("shard-" + k + "-of-3").resolve(ResultsWriter.FILE);
    }

    @Test
    void threeShardsMergedGiveTheFullRunsVerdictAndStepsAndAMissingOrDuplicatedShardIsIncomplete() throws IOException {
        CliRun full = rehearse(work.resolve("full"));
        assertThat(full.exitCode()).as(full.toString()).isZero();
        for (int k = 1; k <= 3; k++) {
            CliRun part = rehearse(work.resolve("shards"), "--shard", k + "/3");
            assertThat(part.exitCode()).as("a shard whose part passed exits 0: " + part).isZero();
            assertThat(part.out()).contains("shard " + k + "/3: ").contains("written to " + shard(k).getParent())
                    .contains("INCOMPLETE on sqlite: ");
        }
        assertThat(work.resolve("shards").resolve(ResultsWriter.FILE)).doesNotExist();
        SuiteResult second = ResultsWriter.read(shard(2)).suites().get(0);
        String secondFirstStep = Coverage.present(second.id(), second.targets().get(0)).get(0).label();
        assertThat(secondFirstStep).as("the second shard starts in the middle of the set")
                .doesNotStartWith("V20240101000000");

        CliRun merged = CliRun.of("report", "--merge", shard(3).toString(), shard(1).toString(), shard(2).toString(),
                "--out", work.resolve("merged").toString(), "--fail-if-not-ready");

        assertThat(merged.exitCode()).as(merged.toString()).isZero();
        assertThat(merged.out()).contains("merged 3 results files into").endsWith("READY\n");
        assertThat(FacesAgreeTests.withoutTimings(work.resolve("merged").resolve(ResultsWriter.FILE)))
                .isEqualTo(FacesAgreeTests.withoutTimings(work.resolve("full").resolve(ResultsWriter.FILE)));
        assertThat(readiness(work.resolve("merged"))).isEqualTo(readiness(work.resolve("full"))).isEqualTo("READY");

        CliRun missing = CliRun.of("report", "--merge", shard(1).toString(), shard(3).toString(),
                "--out", work.resolve("missing").toString(), "--fail-if-not-ready");

        assertThat(missing.exitCode()).as(missing.toString()).isEqualTo(1);
        assertThat(missing.out()).contains("INCOMPLETE on sqlite: ").contains("not run: " + secondFirstStep);
        assertThat(readiness(work.resolve("missing"))).isEqualTo("INCOMPLETE");

        CliRun twice = CliRun.of("report", "--merge", shard(1).toString(), shard(2).toString(), shard(2).toString(),
                shard(3).toString(), "--out", work.resolve("twice").toString(), "--fail-if-not-ready");

        assertThat(twice.exitCode()).as(twice.toString()).isEqualTo(1);
        assertThat(twice.out()).contains("INCOMPLETE on sqlite: ").contains("in more than one shard's results: " + secondFirstStep)
                .doesNotContain("not run:");
        assertThat(Files.readString(work.resolve("twice").resolve(ReportWriter.HTML_FILE)))
                .contains("in more than one shard&#39;s results: " + secondFirstStep);
    }

    @Test
    void aShardAloneIsIncompleteAndFailsFailIfNotReadyAndBothFacesCutTheSameShard() throws IOException {
        CliRun part = rehearse(work.resolve("cli"), "--shard", "2/3");
        assertThat(part.exitCode()).as(part.toString()).isZero();
        Path results = work.resolve("cli").resolve("shard-2-of-3").resolve(ResultsWriter.FILE);

        CliRun report = CliRun.of("report", "--from", results.toString(), "--out", work.resolve("report").toString(),
                "--fail-if-not-ready");

        assertThat(report.exitCode()).as(report.toString()).isEqualTo(1);
        assertThat(report.out()).containsPattern("INCOMPLETE on sqlite: \\d+ of \\d+ proofs ran; not run: V20240101000000 apply");
        Path engineReports = work.resolve("engine");
        EngineTestKit.engine(new RehearsalTestEngine())
                .configurationParameter(Constants.REPORT_DIR, engineReports.toString())
                .configurationParameter(Constants.TARGETS, "sqlite")
                .configurationParameter(Constants.SHARD, "2/3")
                .selectors(DiscoverySelectors.selectDirectory(media.toFile()))
                .execute();
        assertThat(FacesAgreeTests.withoutTimings(engineReports.resolve("shard-2-of-3").resolve(ResultsWriter.FILE)))
                .isEqualTo(FacesAgreeTests.withoutTimings(results));
    }

    @Test
    void aShardStartsFromTheCheckpointThePreviousShardWroteAndMergesIntoTheFullRun() throws IOException {
        CliRun full = rehearse(work.resolve("full"));
        assertThat(full.exitCode()).as(full.toString()).isZero();
        Path checkpoints = work.resolve("checkpoints");

        CliRun first = rehearse(work.resolve("shards"), "--shard", "1/2", "--checkpoints", checkpoints.toString());
        CliRun second = rehearse(work.resolve("shards"), "--shard", "2/2", "--checkpoints", checkpoints.toString());

        assertThat(first.exitCode()).as(first.toString()).isZero();
        assertThat(first.out()).containsPattern("NOTE +sqlite +checkpoint before V\\S+ [^:]*written: " + checkpoints
                + "/[0-9a-f]{64}/db_backup_");
        assertThat(second.exitCode()).as(second.toString()).isZero();
        assertThat(second.out()).containsPattern("NOTE +sqlite +checkpoint before V\\S+ [^:]*restored: " + checkpoints
                + "/[0-9a-f]{64}/db_backup_").doesNotContain("plain up");
        Path one = work.resolve("shards/shard-1-of-2").resolve(ResultsWriter.FILE);
        Path two = work.resolve("shards/shard-2-of-2").resolve(ResultsWriter.FILE);
        CliRun merged = CliRun.of("report", "--merge", one.toString(), two.toString(), "--out",
                work.resolve("merged").toString(), "--fail-if-not-ready");
        assertThat(merged.exitCode()).as(merged.toString()).isZero();
        assertThat(FacesAgreeTests.withoutTimings(work.resolve("merged").resolve(ResultsWriter.FILE)))
                .isEqualTo(FacesAgreeTests.withoutTimings(work.resolve("full").resolve(ResultsWriter.FILE)));

        // A damaged checkpoint is refused by the backup verification and replaced by plain up, never trusted.
        try (Stream<Path> files = Files.walk(checkpoints)) {
            Path backup = files.filter(f -> f.getFileName().toString().startsWith("db_backup_"))
                    .filter(f -> !f.toString().endsWith(".json")).findFirst().orElseThrow();
            Files.write(backup, new byte[] {1, 2, 3});
        }
        CliRun damaged = rehearse(work.resolve("damaged"), "--shard", "2/2", "--checkpoints", checkpoints.toString());

        assertThat(damaged.exitCode()).as(damaged.toString()).isZero();
        assertThat(damaged.out()).containsPattern("checkpoint before V\\S+ [^:]*not used \\(.+\\): brought up with plain up");
        // The same steps and verdicts; only the rows it loaded differ: plain up seeds the earlier
        // migrations' fixtures, a restored checkpoint already holds them.
        JsonNode replayed = FacesAgreeTests.withoutTimings(work.resolve("damaged/shard-2-of-2").resolve(ResultsWriter.FILE));
        JsonNode restored = FacesAgreeTests.withoutTimings(two);
        assertThat(replayed.findValues("seededRows")).allMatch(rows -> rows.size() > 0);
        replayed.findParents("seededRows").forEach(target -> ((ObjectNode) target).remove("seededRows"));
        restored.findParents("seededRows").forEach(target -> ((ObjectNode) target).remove("seededRows"));
        assertThat(replayed).isEqualTo(restored);
    }

    @ParameterizedTest
    @MethodSource("dev.rehearsal.cli.RehearseCommandTests#engines")
    void onEachEngineTwoShardsTheSecondFromACheckpointMergeIntoTheFullRun(String engine) throws IOException {
        List<String> target = RehearseCommandTests.target(engine);
        Path good = RehearseCommandTests.set("good");
        Path checkpoints = work.resolve("checkpoints");
        CliRun full = run(good, work.resolve("full"), target);
        CliRun first = run(good, work.resolve("shards"), target, "--shard", "1/2", "--checkpoints", checkpoints.toString());
        CliRun second = run(good, work.resolve("shards"), target, "--shard", "2/2", "--checkpoints", checkpoints.toString());

        assertThat(List.of(full, first, second)).allSatisfy(r -> assertThat(r.exitCode()).as(r.toString()).isZero());
        assertThat(first.out()).contains("checkpoint before V20240103000000 add doc title written: " + checkpoints);
        assertThat(second.out()).contains("checkpoint before V20240103000000 add doc title restored: " + checkpoints);
        CliRun merged = CliRun.of("report", "--merge", work.resolve("shards/shard-1-of-2").resolve(ResultsWriter.FILE)
                .toString(), work.resolve("shards/shard-2-of-2").resolve(ResultsWriter.FILE).toString(),
                "--out", work.resolve("merged").toString(), "--fail-if-not-ready");
        assertThat(merged.exitCode()).as(merged.toString()).isZero();
        assertThat(FacesAgreeTests.withoutTimings(work.resolve("merged").resolve(ResultsWriter.FILE)))
                .isEqualTo(FacesAgreeTests.withoutTimings(work.resolve("full").resolve(ResultsWriter.FILE)));

        // Again: the checkpoint directory still holds the checkpoint itself, and only it (MariaDB's restore
        // takes a safety backup of the empty scratch database; it must not become the next checkpoint).
        CliRun again = run(good, work.resolve("again"), target, "--shard", "2/2", "--checkpoints", checkpoints.toString());
        assertThat(again.exitCode()).as(again.toString()).isZero();
        assertThat(again.out()).contains("checkpoint before V20240103000000 add doc title restored: " + checkpoints);
        assertThat(FacesAgreeTests.withoutTimings(work.resolve("again/shard-2-of-2").resolve(ResultsWriter.FILE)))
                .isEqualTo(FacesAgreeTests.withoutTimings(work.resolve("shards/shard-2-of-2").resolve(ResultsWriter.FILE)));
        try (Stream<Path> files = Files.walk(checkpoints)) {
            assertThat(files.filter(f -> f.getFileName().toString().endsWith(".json"))).hasSize(1);
        }
    }

    private static CliRun run(Path set, Path out, List<String> target, String... more) {
        return CliRun.of(Stream.of(List.of("rehearse", "--migrations", set.toString(), "--out", out.toString()), target,
                List.of(more)).flatMap(List::stream).toArray(String[]::new));
    }

    @Test
    void badShardIsBadInputAndNothingRuns() {
        for (String bad : List.of("0/3", "4/3", "two")) {
            CliRun run = rehearse(work.resolve("bad"), "--shard", bad);

            assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
            assertThat(run.err()).contains("--shard: '" + bad + "' is not a shard; write K/N with 1 <= K <= N");
            assertThat(work.resolve("bad")).doesNotExist();
        }
    }

    private static String readiness(Path reports) throws IOException {
        JsonNode report = JSON.readTree(reports.resolve(ReportWriter.JSON_FILE).toFile());
        return report.get("readiness").asText();
    }
}
