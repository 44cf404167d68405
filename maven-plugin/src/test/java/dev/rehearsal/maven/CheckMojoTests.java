package dev.rehearsal.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rehearsal.rehearse.results.MigrationResult;
import dev.rehearsal.rehearse.results.RehearsalResults;
import dev.rehearsal.rehearse.results.ResultsWriter;
import dev.rehearsal.rehearse.results.StepResult;
import dev.rehearsal.rehearse.results.SuiteResult;
import dev.rehearsal.rehearse.results.TargetResult;
import dev.rehearsal.rehearse.results.TargetStatus;
import dev.rehearsal.rehearse.results.Verdict;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.apache.maven.execution.DefaultMavenExecutionRequest;
import org.apache.maven.execution.DefaultMavenExecutionResult;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.model.Build;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.logging.SystemStreamLog;
import org.apache.maven.project.MavenProject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The check goal against results files the engine's own writer produced. */
class CheckMojoTests {
    private static final Instant BUILD_START = Instant.parse("2026-01-01T10:00:00Z");

    @TempDir
    Path module;

    @Test
    void missingResultsFileMeansNothingWasRehearsed() {
        assertThatThrownBy(() -> check().execute()).isInstanceOf(MojoFailureException.class)
                .hasMessageContaining("nothing was rehearsed: " + module.resolve("reports/rehearsal-results.json"))
                .hasMessageContaining("does not exist").hasMessageContaining("pin maven-surefire-plugin");
    }

    @Test
    void resultsFromAnEarlierBuildDoNotCount() throws Exception {
        Path file = write(module.resolve("reports"), Verdict.PASSED, Verdict.PASSED);
        Files.setLastModifiedTime(file, FileTime.from(BUILD_START.minusSeconds(60)));

        assertThatThrownBy(() -> check().execute()).isInstanceOf(MojoFailureException.class)
                .hasMessageContaining("is older than this build");
    }

    @Test
    void resultsWhereEveryStepWasSkippedMeanNothingWasRehearsed() throws Exception {
        touchAfterStart(write(module.resolve("reports"), Verdict.SKIPPED, Verdict.SKIPPED, Verdict.SKIPPED));

        assertThatThrownBy(() -> check().execute()).isInstanceOf(MojoFailureException.class)
                .hasMessageContaining("lists 3 steps and none ran");
    }

    @Test
    void freshResultsWithStepsThatRanPass() throws Exception {
        touchAfterStart(write(module.resolve("reports"), Verdict.PASSED, Verdict.FAILED, Verdict.SKIPPED));

        check().execute();

        assertThat(ResultsFile.count(module.resolve("reports/rehearsal-results.json")))
                .isEqualTo(new ResultsFile.Counts(3, 2, 1));
    }

    @Test
    void shardsOfThisBuildCountTogetherWhenTheFullRunsFileIsOld() throws Exception {
        Path full = write(module.resolve("reports"), Verdict.PASSED);
        Files.setLastModifiedTime(full, FileTime.from(BUILD_START.minusSeconds(60)));
        touchAfterStart(write(module.resolve("reports/shard-1-of-2"), Verdict.PASSED, Verdict.SKIPPED));
        touchAfterStart(write(module.resolve("reports/shard-2-of-2"), Verdict.FAILED, Verdict.PASSED));
        Path stale = write(module.resolve("reports/partial"), Verdict.PASSED);
        Files.setLastModifiedTime(stale, FileTime.from(BUILD_START.minusSeconds(60)));

        check().execute();
    }

    @Test
    void shardsWhereEveryStepWasSkippedMeanNothingWasRehearsed() throws Exception {
        touchAfterStart(write(module.resolve("reports/shard-1-of-2"), Verdict.SKIPPED, Verdict.SKIPPED));
        touchAfterStart(write(module.resolve("reports/shard-2-of-2"), Verdict.SKIPPED));

        assertThatThrownBy(() -> check().execute()).isInstanceOf(MojoFailureException.class)
                .hasMessageContaining("shard-1-of-2").hasMessageContaining("shard-2-of-2")
                .hasMessageContaining("list 3 steps and none ran");
    }

    @Test
    void reportDirectoryComesFromJunitPlatformPropertiesWhenNotConfigured() throws Exception {
        Path testClasses = Files.createDirectories(module.resolve("target/test-classes"));
        Files.writeString(testClasses.resolve("junit-platform.properties"), "rehearsal.report.dir=build/rehearsal\n");
        touchAfterStart(write(module.resolve("build/rehearsal"), Verdict.PASSED));

        check().execute();
    }

    @Test
    void rehearsalSkipSkipsTheCheck() throws Exception {
        CheckMojo mojo = check();
        mojo.skip = true;

        mojo.execute();
    }

    private CheckMojo check() {
        MavenProject project = new MavenProject();
        project.setFile(new File(module.toFile(), "pom.xml"));
        Build build = new Build();
        build.setTestOutputDirectory(module.resolve("target/test-classes").toString());
        project.setBuild(build);
        DefaultMavenExecutionRequest request = new DefaultMavenExecutionRequest();
        request.setStartTime(Date.from(BUILD_START));
        CheckMojo mojo = new CheckMojo();
        mojo.project = project;
        mojo.session = new MavenSession(null, request, new DefaultMavenExecutionResult(), project);
        mojo.setLog(new SystemStreamLog());
        return mojo;
    }

    /** One suite on SQLite, one migration whose steps end as given, plus one set step that passed. */
    private static Path write(Path directory, Verdict... verdicts) {
        List<StepResult> steps = new ArrayList<>();
        for (Verdict verdict : verdicts) {
            steps.add(new StepResult("apply", "apply", verdict, null, null, 1, false));
        }
        List<StepResult> setSteps = verdicts.length == 1 ? List.of()
                : List.of(new StepResult("history", "history", verdicts[verdicts.length - 1], null, null, 1, false));
        List<StepResult> migrationSteps = verdicts.length == 1 ? steps : steps.subList(0, steps.size() - 1);
        TargetResult target = new TargetResult("sqlite", TargetStatus.PASSED, null, null, null,
                List.of(new MigrationResult("1", "create users", true, false, false, migrationSteps)), setSteps);
        return ResultsWriter.write(new RehearsalResults(RehearsalResults.FORMAT_VERSION, BUILD_START.toString(),
                BUILD_START.toString(), List.of(new SuiteResult("Shop", "Shop", "db/migrations", null, List.of(target)))), directory);
    }

    private static void touchAfterStart(Path file) throws Exception {
        Files.setLastModifiedTime(file, FileTime.from(BUILD_START.plusSeconds(5)));
    }
}
