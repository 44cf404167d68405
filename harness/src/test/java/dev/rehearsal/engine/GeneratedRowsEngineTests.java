package dev.rehearsal.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rehearsal.rehearse.results.ResultsWriter;
import dev.rehearsal.rehearse.results.StepResult;
import dev.rehearsal.rehearse.results.TargetResult;
import dev.rehearsal.rehearse.results.Verdict;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.platform.testkit.engine.EngineExecutionResults;

/** Data proofs of sets without fixtures run on generated rows, and say how many. */
class GeneratedRowsEngineTests {
    @TempDir
    Path reports;

    private TargetResult target() {
        return ResultsWriter.read(reports.resolve(Constants.RESULTS_FILE)).suites().get(0).targets().get(0);
    }

    private StepResult step(int migration, int step) {
        return target().migrations().get(migration).steps().get(step);
    }

    @ParameterizedTest
    @ValueSource(strings = {"sqlite", "postgres", "mariadb"})
    void downThatDropsAColumnsDataFailsWithoutAnyFixture(String engine) throws IOException {
        EngineExecutionResults results = EngineRuns.runSet(reports, "lost-column-data-no-rows", EngineRuns.on(engine));

        results.testEvents().assertStatistics(s -> s.started(9).succeeded(8).failed(1).skipped(1).aborted(0));
        assertThat(EngineRuns.failures(results)).singleElement().asString()
                .startsWith("V20240102000000 drop bio: rollback preserves data (" + engine + ") -> rollback of"
                        + " V20240102000000 drop bio did not preserve the data");
        assertThat(step(1, 2).diffText())
                .contains("table data users: 200 rows before up and after rollback; values changed in bio")
                // The row sample rebuilds the state before up with the same generated rows.
                .contains("changed 167 rows: id=1: bio 'pxasqzpxwwbotovth' -> NULL; id=2: bio 'zehffgctjemcmvv' -> NULL");
        // The first migration had no table before it: nothing to prove, a plain pass.
        assertThat(step(0, 2).verdict()).isEqualTo(Verdict.PASSED);
        assertThat(step(0, 2).message()).isNull();
        assertThat(target().seededRows()).containsExactly(Map.entry("generated rows: users", 200L));
        // The report's environment lists them (it was always {} before).
        JsonNode fixtureRows = new ObjectMapper().readTree(reports.resolve("rehearsal-report.json").toFile())
                .path("environment").path("fixtureRows");
        assertThat(fixtureRows.size()).isEqualTo(1);
        assertThat(fixtureRows.fieldNames().next()).endsWith(" / " + engine + " / generated rows: users");
        assertThat(fixtureRows.elements().next().asLong()).isEqualTo(200);
    }

    @ParameterizedTest
    @ValueSource(strings = {"sqlite", "postgres"})
    void rowCountIsConfigurable(String engine) {
        Map<String, String> config = new HashMap<>(EngineRuns.on(engine));
        config.put(Constants.GENERATED_ROWS, "7");
        EngineExecutionResults results = EngineRuns.runSet(reports, "lost-column-data-no-rows", config);

        results.testEvents().assertStatistics(s -> s.started(9).succeeded(8).failed(1).skipped(1).aborted(0));
        assertThat(step(1, 2).diffText()).contains("table data users: 7 rows before up and after rollback");
        assertThat(target().seededRows()).containsExactly(Map.entry("generated rows: users", 7L));
    }

    @ParameterizedTest
    @ValueSource(strings = {"sqlite"})
    void everyPassingProofSaysHowManyRowsItRanOn(String engine) {
        EngineRuns.runSet(reports, "good", EngineRuns.on(engine));

        StepResult rollbackData = step(1, 2);
        assertThat(rollbackData.verdict()).isEqualTo(Verdict.PASSED);
        assertThat(rollbackData.message()).matches("proved on [1-9][0-9]* rows in 1 table");
    }

    @ParameterizedTest
    @ValueSource(strings = {"sqlite", "postgres"})
    void proofOnEmptyTablesIsAWarningNamingTheTableTheGeneratorCouldNotFill(String engine) {
        EngineExecutionResults results = EngineRuns.runSet(reports, "unfillable-table", EngineRuns.on(engine));

        results.testEvents().assertStatistics(s -> s.started(10).succeeded(10).failed(0).skipped(0).aborted(0));
        StepResult rollbackData = step(1, 2);
        assertThat(rollbackData.verdict()).isEqualTo(Verdict.WARNING);
        assertThat(rollbackData.message()).startsWith("proved on 0 rows");
        assertThat(rollbackData.diffText()).startsWith("not filled: codes: ").containsIgnoringCase("check");
        assertThat(target().seededRows()).doesNotContainKey("generated rows: codes");
    }

    @ParameterizedTest
    @ValueSource(strings = {"sqlite"})
    void zeroGeneratedRowsTurnsGenerationOffAndTheProofWarns(String engine) {
        Map<String, String> config = new HashMap<>(EngineRuns.on(engine));
        config.put(Constants.GENERATED_ROWS, "0");
        EngineExecutionResults results = EngineRuns.runSet(reports, "lost-column-data-no-rows", config);

        results.testEvents().assertStatistics(s -> s.started(10).succeeded(10).failed(0).skipped(0).aborted(0));
        assertThat(step(1, 2).verdict()).isEqualTo(Verdict.WARNING);
        assertThat(step(1, 2).message()).startsWith("proved on 0 rows");
        assertThat(target().seededRows()).isEmpty();
    }
}
