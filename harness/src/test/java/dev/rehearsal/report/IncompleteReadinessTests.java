package dev.rehearsal.report;

import static dev.rehearsal.report.ReportSamples.allPassed;
import static dev.rehearsal.report.ReportSamples.failed;
import static dev.rehearsal.report.ReportSamples.migration;
import static dev.rehearsal.report.ReportSamples.passed;
import static dev.rehearsal.report.ReportSamples.results;
import static dev.rehearsal.report.ReportSamples.suite;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rehearsal.rehearse.plan.NodeId;
import dev.rehearsal.rehearse.plan.TargetKind;
import dev.rehearsal.rehearse.results.MigrationResult;
import dev.rehearsal.rehearse.results.TargetResult;
import dev.rehearsal.rehearse.results.TargetStatus;
import dev.rehearsal.report.model.Readiness;
import dev.rehearsal.report.model.ReadinessReport;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Results holding part of their plan read INCOMPLETE, never READY; a defect found in the part still reads NOT READY. */
class IncompleteReadinessTests {
    private static final NodeId SQLITE = NodeId.suite("dir:set").target(TargetKind.SQLITE);

    /** The plan of two migrations (four steps each) and the two set steps: 10 steps. */
    private static List<String> planOfTwoMigrations() {
        List<String> planned = new ArrayList<>();
        for (String version : List.of("1", "2")) {
            for (String step : List.of("apply", "rollback-schema", "rollback-data", "redo")) {
                planned.add(SQLITE.migration(version).step(step).toString());
            }
        }
        planned.add(SQLITE.step("full-chain").toString());
        planned.add(SQLITE.step("history").toString());
        return planned;
    }

    private static TargetResult sqlite(TargetStatus status, List<MigrationResult> migrations, List<String> duplicated) {
        return new TargetResult("sqlite", status, null, null, "3.53.0", migrations,
                List.of(passed("full-chain"), passed("history")), planOfTwoMigrations(), duplicated);
    }

    private static ReadinessReport build(TargetResult... targets) {
        return ReportWriter.build(results(suite("set", targets)), ReportOptions.defaults());
    }

    @Test
    void resultsHoldingPartOfThePlanAreIncompleteNamingWhatDidNotRun() {
        ReadinessReport report = build(sqlite(TargetStatus.PASSED, List.of(migration("1", "users", allPassed())), List.of()));

        assertThat(report.readiness()).isEqualTo(Readiness.INCOMPLETE);
        assertThat(report.suites().get(0).targets().get(0).reason()).isEqualTo("6 of 10 proofs ran; not run: V2 apply,"
                + " V2 rollback restores schema, V2 rollback preserves data, V2 redo");
        assertThat(report.reason()).isEqualTo("INCOMPLETE on sqlite: " + report.suites().get(0).targets().get(0).reason());
    }

    @Test
    void aDefectFoundInAPartIsNotReady() {
        ReadinessReport report = build(sqlite(TargetStatus.FAILED, List.of(migration("1", "users", List.of(passed("apply"),
                failed("rollback-schema", "table users left behind", null), passed("rollback-data"), passed("redo")))),
                List.of()));

        assertThat(report.readiness()).isEqualTo(Readiness.NOT_READY);
    }

    @Test
    void aStepFoundTwiceInAMergeIsIncompleteEvenWhenEveryStepIsThere() {
        ReadinessReport report = build(sqlite(TargetStatus.PASSED, List.of(migration("1", "users", allPassed()),
                migration("2", "posts", allPassed())), List.of(SQLITE.migration("2").step("redo").toString())));

        assertThat(report.readiness()).isEqualTo(Readiness.INCOMPLETE);
        assertThat(report.suites().get(0).targets().get(0).reason())
                .isEqualTo("10 of 10 proofs ran; in more than one shard's results: V2 redo");
    }

    @Test
    void theWholePlanIsReadyAndResultsWithoutAPlanReadAsBefore() {
        List<MigrationResult> both = List.of(migration("1", "users", allPassed()), migration("2", "posts", allPassed()));

        assertThat(build(sqlite(TargetStatus.PASSED, both, List.of())).readiness()).isEqualTo(Readiness.READY);
        assertThat(build(new TargetResult("sqlite", TargetStatus.PASSED, null, null, null, both.subList(0, 1),
                List.of())).readiness()).isEqualTo(Readiness.READY);
    }

    @Test
    void oneIncompleteSetMakesTheWholeReportIncomplete() {
        TargetResult partial = sqlite(TargetStatus.PASSED, List.of(migration("1", "users", allPassed())), List.of());
        ReadinessReport report = ReportWriter.build(results(suite("set", partial), suite("other",
                new TargetResult("sqlite", TargetStatus.PASSED, null, null, null,
                        List.of(migration("1", "users", allPassed())), List.of(passed("full-chain"), passed("history"))))),
                ReportOptions.defaults());

        assertThat(report.readiness()).isEqualTo(Readiness.INCOMPLETE);
        assertThat(report.reason()).startsWith("1 of 2 migration sets INCOMPLETE: INCOMPLETE on sqlite: 6 of 10 proofs ran");
    }
}
