package dev.rehearsal.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rehearsal.rehearse.results.MigrationResult;
import dev.rehearsal.rehearse.results.RehearsalResults;
import dev.rehearsal.rehearse.results.ResultsWriter;
import dev.rehearsal.rehearse.results.StepResult;
import dev.rehearsal.rehearse.results.SuiteResult;
import dev.rehearsal.rehearse.results.TargetResult;
import dev.rehearsal.rehearse.results.TargetStatus;
import dev.rehearsal.rehearse.results.Verdict;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportCommandTests {
    @TempDir
    Path root;

    private Path resultsFile(Verdict rollback) throws IOException {
        Path migrations = Files.createDirectories(root.resolve("db"));
        Files.writeString(migrations.resolve("1_users.up.sql"), "CREATE TABLE users (id INT);\nCREATE INDEX idx_u ON users (id);\n");
        Files.writeString(migrations.resolve("1_users.down.sql"), "DROP INDEX idx_u;\n");
        List<StepResult> steps = List.of(new StepResult("apply", "apply", Verdict.PASSED, null, null, 5, false),
                new StepResult("rollback-schema", "rollback restores schema", rollback,
                        rollback == Verdict.FAILED ? "table users left behind" : null,
                        rollback == Verdict.FAILED ? "+ table users" : null, 7, false));
        RehearsalResults results = new RehearsalResults(1, "2026-01-01T00:00:00Z", "2026-01-01T00:00:01Z", List.of(
                new SuiteResult("db", "users", "db", null, List.of(new TargetResult("sqlite", TargetStatus.PASSED, null,
                        null, "3.53.0", List.of(new MigrationResult("1", "users", true, false, false, steps)), List.of())))));
        return ResultsWriter.write(results, root.resolve("reports"));
    }

    @Test
    void writesTheReportAndPrintsItsPathAndVerdict() throws IOException {
        Path from = resultsFile(Verdict.FAILED);
        Path out = root.resolve("out");

        CliRun run = CliRun.of("report", "--from", from.toString(), "--out", out.toString(), "--migrations-root", root.toString());

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out().lines().toList()).containsExactly(out.resolve("rehearsal-report.html").toString(), "NOT READY");
        assertThat(out.resolve("rehearsal-report.json")).isRegularFile();
        assertThat(Files.readString(out.resolve("rehearsal-report.html")))
                .contains("1_users.up.sql:1").contains("creates table users and the down script never drops it")
                .contains("<span class=\"dl\">+ table users</span>");
    }

    @Test
    void failIfNotReadyExitsOneOnlyWhenNotReady() throws IOException {
        Path failing = resultsFile(Verdict.FAILED);
        assertThat(CliRun.of("report", "--from", failing.toString(), "--out", root.resolve("a").toString(),
                "--fail-if-not-ready").exitCode()).isEqualTo(1);

        Path passing = resultsFile(Verdict.PASSED);
        CliRun run = CliRun.of("report", "--from", passing.toString(), "--out", root.resolve("b").toString(),
                "--fail-if-not-ready");
        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out()).endsWith("READY\n");
    }

    @Test
    void aMissingResultsFileIsBadUsageWithTheFix() {
        CliRun run = CliRun.of("report", "--from", root.resolve("nope.json").toString(), "--out", root.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("nope.json: no such results file; run the Rehearsal engine first");
        assertThat(root.resolve("rehearsal-report.html")).doesNotExist();
    }

    @Test
    void aFileThatIsNotResultsIsBadUsage() throws IOException {
        Path junk = Files.writeString(root.resolve("junk.json"), "{\n  \"formatVersion\": \"x\",\n  [");

        CliRun run = CliRun.of("report", "--from", junk.toString(), "--out", root.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("junk.json:2:20: not a Rehearsal results file");
    }
}
