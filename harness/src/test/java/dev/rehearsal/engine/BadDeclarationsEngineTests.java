package dev.rehearsal.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectDirectory;

import dev.rehearsal.testing.BadInputCase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.platform.engine.DiscoveryIssue;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineDiscoveryResults;
import org.junit.platform.testkit.engine.EngineExecutionResults;

/**
 * The broken {@code rehearsal.yaml} files of {@code bad-inputs/} (those {@code refused-by: engine})
 * through the engine: one discovery warning that says file:line:column and what is allowed, and
 * nothing else (no cause, so no stack trace, no parser class names); the set then fails without
 * running a single step.
 */
class BadDeclarationsEngineTests {
    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void brokenDeclarationsAreOneCleanDiscoveryIssueAndNoStepRuns(String name) throws Exception {
        BadInputCase expected = BadInputCase.named(name);
        Path set = expected.copyTo(Files.createDirectory(dir.resolve("set")));
        Map<String, String> config = Map.of(Constants.TARGETS, expected.dialect());

        EngineDiscoveryResults discovery = EngineRuns.engine(dir.resolve("reports"), config)
                .selectors(selectDirectory(set.toFile())).discover();

        assertThat(discovery.getDiscoveryIssues()).singleElement().satisfies(issue -> {
            assertThat(issue.severity()).isEqualTo(DiscoveryIssue.Severity.WARNING);
            assertThat(issue.message()).startsWith(set.resolve("rehearsal.yaml") + ":").hasLineCount(1)
                    .doesNotContain("`", "jackson", "Exception", "JsonToken", "java.");
            expected.fragments().forEach(fragment -> assertThat(issue.message()).contains(fragment));
            assertThat(issue.cause()).as("a cause would print its stack trace").isEmpty();
        });

        EngineExecutionResults results = EngineRuns.run(dir.resolve("reports"), config, selectDirectory(set.toFile()));

        results.testEvents().assertStatistics(s -> s.started(0).succeeded(0).failed(0).skipped(0).aborted(0));
        results.containerEvents().assertStatistics(s -> s.failed(1).skipped(0).aborted(0));
        assertThat(results.containerEvents().failed().list().get(0).getPayload(TestExecutionResult.class)
                .flatMap(TestExecutionResult::getThrowable).orElseThrow().getMessage())
                .isEqualTo(discovery.getDiscoveryIssues().get(0).message());
    }

    static Stream<String> cases() {
        return BadInputCase.refusedBy("engine");
    }
}
