package dev.rehearsal.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rehearsal.engine.Constants;
import dev.rehearsal.engine.RehearsalTestEngine;
import dev.rehearsal.rehearse.results.ResultsWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.testkit.engine.EngineTestKit;

/**
 * The engine and {@code rehearsal rehearse} are two faces of one core: on the project's own sets
 * (the media set with its fixtures, drills and verification suite; a deliberately broken drill)
 * they write the same results file, timings aside.
 */
class FacesAgreeTests {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path work;

    @Test
    void mediaSetWithFixturesDrillsAndVerificationGivesTheSameResultsThroughBothFaces() throws IOException {
        Path root = ProjectFiles.root();
        Path media = work.resolve("media");
        Files.createDirectories(media);
        try (Stream<Path> files = Files.list(root.resolve("migrations/media"))) {
            for (Path f : files.toList()) {
                Files.copy(f, media.resolve(f.getFileName()));
            }
        }
        Path verification = Files.createDirectories(work.resolve("verification"));
        Files.copy(root.resolve("verification-suites/media.yaml"), verification.resolve("media.yaml"));
        Path fixtures = root.resolve("fixtures/media").toAbsolutePath().normalize();
        // The engine, given a directory, reads fixtures and suites from rehearsal.yaml; the CLI takes them as options.
        Files.writeString(media.resolve("rehearsal.yaml"), Files.readString(media.resolve("rehearsal.yaml"))
                + "\nfixtures: \"" + fixtures + "\"\nverification: \"" + verification + "\"\n");

        JsonNode engine = engine(media);
        JsonNode cli = cli(0, "--migrations", media.toString(), "--fixtures", fixtures.toString(),
                "--verification", verification.toString());

        assertThat(cli).isEqualTo(engine);
        assertThat(engine.toString()).contains("\"step\":\"backup-restore\"").contains("\"step\":\"fault-")
                .contains("\"verdict\":\"PASSED\"").doesNotContain("\"verdict\":\"FAILED\"");
    }

    @Test
    void deliberatelyBrokenDrillFindsTheSameDefectThroughBothFaces() throws IOException {
        Path drill = ProjectFiles.root().resolve("verification-suites/defects/forgotten-index").toAbsolutePath().normalize();

        JsonNode engine = engine(drill);
        JsonNode cli = cli(1, "--migrations", drill.toString());

        assertThat(cli).isEqualTo(engine);
        assertThat(engine.toString()).contains("expected defect detected").contains("idx_users_name");
    }

    private JsonNode engine(Path set) throws IOException {
        Path reports = work.resolve("engine-reports");
        EngineTestKit.engine(new RehearsalTestEngine())
                .configurationParameter(Constants.REPORT_DIR, reports.toString())
                .configurationParameter(Constants.TARGETS, "sqlite")
                .selectors(DiscoverySelectors.selectDirectory(set.toFile()))
                .execute();
        return withoutTimings(reports.resolve(ResultsWriter.FILE));
    }

    private JsonNode cli(int exitCode, String... args) throws IOException {
        Path reports = work.resolve("cli-reports");
        String[] all = Stream.concat(Stream.of("rehearse", "--out", reports.toString()), Stream.of(args))
                .toArray(String[]::new);
        CliRun run = CliRun.of(all);
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(exitCode);
        return withoutTimings(reports.resolve(ResultsWriter.FILE));
    }

    /** The results less what a second run could never repeat: start and end instants, step times, measured restore times. */
    static JsonNode withoutTimings(Path file) throws IOException {
        JsonNode results = JSON.readTree(file.toFile());
        ((ObjectNode) results).remove("startedAt");
        ((ObjectNode) results).remove("finishedAt");
        results.findParents("millis").forEach(step -> {
            ((ObjectNode) step).remove("millis");
            JsonNode message = step.get("message");
            if (message != null && message.isTextual()) {
                ((ObjectNode) step).put("message", message.asText().replaceAll("restored in [^,]+,", "restored in (time),"));
            }
        });
        return results;
    }
}
