package dev.rehearsal.report;

import static dev.rehearsal.report.ReportSamples.allPassed;
import static dev.rehearsal.report.ReportSamples.failed;
import static dev.rehearsal.report.ReportSamples.migration;
import static dev.rehearsal.report.ReportSamples.passed;
import static dev.rehearsal.report.ReportSamples.ran;
import static dev.rehearsal.report.ReportSamples.results;
import static dev.rehearsal.report.ReportSamples.skipped;
import static dev.rehearsal.report.ReportSamples.suite;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rehearsal.rehearse.results.MigrationResult;
import dev.rehearsal.rehearse.results.RehearsalResults;
import dev.rehearsal.rehearse.results.StepResult;
import dev.rehearsal.rehearse.results.TargetStatus;
import dev.rehearsal.rehearse.results.Verdict;
import dev.rehearsal.report.model.ProofStatus;
import dev.rehearsal.report.model.Readiness;
import dev.rehearsal.report.model.ReadinessReport;
import dev.rehearsal.report.model.TargetReport;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReadinessRulesTests {

    private static ReadinessReport build(RehearsalResults results, ProofEvidence... evidence) {
        return ReportWriter.build(results, ReportOptions.defaults().withEvidence(List.of(evidence)));
    }

    private static RehearsalResults sqliteOnly(MigrationResult... migrations) {
        return results(suite("set", ran("sqlite", TargetStatus.PASSED, List.of(migrations))));
    }

    @Test
    void everyProofPassingIsReady() {
        ReadinessReport report = build(sqliteOnly(migration("1", "users", allPassed()), migration("2", "posts", allPassed())));

        assertThat(report.readiness()).isEqualTo(Readiness.READY);
        assertThat(report.suites().get(0).targets().get(0).reason()).isEqualTo("every rollback of 2 migrations proven");
    }

    @Test
    void aLossyMigrationIsNotCountedAmongTheProvenRollbacks() {
        MigrationResult lossy = new MigrationResult("2", "trim names", true, false, true, List.of(passed("apply"),
                passed("rollback-schema"), new StepResult("rollback-data", "rollback-data", Verdict.WARNING,
                        "data lost, as declared", null, 20, false), new StepResult("redo", "redo", Verdict.SKIPPED,
                        "after a lossy rollback", null, 0, false)));

        ReadinessReport report = build(sqliteOnly(migration("1", "users", allPassed()), lossy));

        assertThat(report.readiness()).isEqualTo(Readiness.READY);
        assertThat(report.suites().get(0).targets().get(0).reason()).startsWith("rollback proven for 1 of 2 migrations,"
                + " 1 lossy as declared (its rollback loses data); 1 warning to read");
    }

    @Test
    void aFailedStepIsNotReadyAndNamesTheMigrationAndStep() {
        ReadinessReport report = build(sqliteOnly(migration("1", "users", allPassed()), migration("2", "posts",
                List.of(passed("apply"), failed("rollback-data", "3 rows lost in posts", null), passed("redo")))));

        TargetReport sqlite = report.suites().get(0).targets().get(0);
        assertThat(sqlite.readiness()).isEqualTo(Readiness.NOT_READY);
        assertThat(sqlite.reason()).isEqualTo("2 posts: rollback preserves data failed (3 rows lost in posts)");
        assertThat(report.readiness()).isEqualTo(Readiness.NOT_READY);
    }

    @Test
    void aDetectedDeclaredDefectMakesADrillNeverReady() {
        StepResult expected = new StepResult("rollback-schema", "rollback restores schema", Verdict.PASSED,
                "expected defect detected: index idx_posts left behind", null, 5, true);
        ReadinessReport report = build(sqliteOnly(migration("1", "posts",
                List.of(passed("apply"), expected, passed("rollback-data"), passed("redo")))));

        assertThat(report.readiness()).isEqualTo(Readiness.DEFECTS_DETECTED);
        assertThat(report.reason()).isEqualTo(
                "declared defects detected on sqlite: a drill, not releasable: 1 posts: rollback restores schema fails, as declared");
        assertThat(report.suites().get(0).targets().get(0).failures()).isEmpty();
    }

    @Test
    void drillSetsAreCountedBesideTheRealVerdictNotInIt() {
        StepResult expected = new StepResult("rollback-schema", "rollback restores schema", Verdict.PASSED,
                "expected defect detected", null, 5, true);
        RehearsalResults results = new RehearsalResults(RehearsalResults.FORMAT_VERSION, "2026-01-01T00:00:00Z",
                "2026-01-01T00:01:00Z", List.of(
                        sqliteOnly(migration("1", "users", allPassed())).suites().get(0),
                        renamed(sqliteOnly(migration("1", "posts", List.of(passed("apply"), expected,
                                passed("rollback-data"), passed("redo")))).suites().get(0), "drill")));

        ReadinessReport report = ReportWriter.build(results, ReportOptions.defaults());

        assertThat(report.readiness()).isEqualTo(Readiness.READY);
        assertThat(report.reason()).isEqualTo("the migration set is ready; 1 drill set detected its declared defects");
    }

    private static dev.rehearsal.rehearse.results.SuiteResult renamed(dev.rehearsal.rehearse.results.SuiteResult s, String id) {
        return new dev.rehearsal.rehearse.results.SuiteResult(id, id, s.migrations(), s.error(), s.targets());
    }

    @Test
    void aMigrationWithoutRollbackNotDeclaredIrreversibleIsNotReady() {
        MigrationResult noDown = new MigrationResult("3", "drop legacy", false, false, false, List.of(passed("apply")));

        ReadinessReport report = build(sqliteOnly(noDown));

        assertThat(report.readiness()).isEqualTo(Readiness.NOT_READY);
        assertThat(report.reason()).contains("3 drop legacy: no rollback, and not declared irreversible");
    }

    @Test
    void anIrreversibleMigrationNeedsAVerifiedBackupRestore() {
        MigrationResult irreversible = new MigrationResult("4", "drop column", false, true, false, List.of(passed("apply")));

        assertThat(build(sqliteOnly(irreversible)).reason())
                .contains("4 drop column: irreversible, and no verified backup restore");

        ReadinessReport withBackup = build(sqliteOnly(irreversible), new ProofEvidence(null, "sqlite", "04",
                Proof.BACKUP_RESTORE, Verdict.PASSED, null, null, 850, null));
        assertThat(withBackup.readiness()).isEqualTo(Readiness.READY);
        assertThat(withBackup.reason()).contains("rollback proven for 0 of 1 migration, 1 irreversible covered by a"
                + " verified backup");
        assertThat(withBackup.suites().get(0).targets().get(0).migrations().get(0).timings().restoreMillis()).isEqualTo(850L);
    }

    @Test
    void aFailedBackupRestoreDoesNotCoverAnIrreversibleMigration() {
        MigrationResult irreversible = new MigrationResult("4", "drop column", false, true, false, List.of(passed("apply")));

        ReadinessReport report = build(sqliteOnly(irreversible), new ProofEvidence(null, "sqlite", "4",
                Proof.BACKUP_RESTORE, Verdict.FAILED, "checksum mismatch", null, 850, null));

        assertThat(report.readiness()).isEqualTo(Readiness.NOT_READY);
    }

    @Test
    void skippedTargetsAreSkippedWithTheirReasonAndNamedInTheSetVerdict() {
        ReadinessReport report = build(results(suite("set", ran("sqlite", TargetStatus.PASSED,
                List.of(migration("1", "users", allPassed()))), skipped("postgres", "no server"), skipped("mariadb", "no docker"))));

        List<TargetReport> targets = report.suites().get(0).targets();
        assertThat(targets).extracting(TargetReport::readiness)
                .containsExactly(Readiness.READY, Readiness.SKIPPED, Readiness.SKIPPED);
        assertThat(targets).extracting(TargetReport::reason).endsWith("no server", "no docker");
        assertThat(report.reason()).isEqualTo("ready on sqlite: every rollback of 1 migration proven; SKIPPED on postgres, mariadb: not proven there");
    }

    @Test
    void aRunWhereEveryTargetWasSkippedIsSkippedNotReady() {
        ReadinessReport report = build(results(suite("set", skipped("postgres", "no server"))));

        assertThat(report.readiness()).isEqualTo(Readiness.SKIPPED);
        assertThat(report.reason()).isEqualTo("no target ran; SKIPPED on postgres: not proven there");
    }

    @Test
    void aSetThatCouldNotRunIsNotReady() {
        ReadinessReport report = build(results(new dev.rehearsal.rehearse.results.SuiteResult("x", "broken", null,
                "rehearsal.yaml:3:1: unknown key 'lossey'", List.of())));

        assertThat(report.readiness()).isEqualTo(Readiness.NOT_READY);
        assertThat(report.reason()).contains("unknown key 'lossey'");
    }

    @Test
    void proofsNobodyRanAreNotRunAndDrillEvidenceFillsItsColumn() {
        ReadinessReport report = build(sqliteOnly(migration("1", "users", allPassed())),
                new ProofEvidence("set", "sqlite", "1", Proof.FAULT_DRILLS, Verdict.PASSED, "fail after statement 1: recovered",
                        null, 40, 5000L));

        var proofs = report.suites().get(0).targets().get(0).migrations().get(0).proofs();
        assertThat(proofs).extracting(c -> c.proof() + "=" + c.status()).containsExactly("apply=PASSED",
                "rollback-schema=PASSED", "rollback-data=PASSED", "redo=PASSED", "backup-restore=NOT_RUN",
                "fault-drills=PASSED", "verification=NOT_RUN");
        var timings = report.suites().get(0).targets().get(0).migrations().get(0).timings();
        assertThat(timings.recoveryMillis()).isEqualTo(40L);
        assertThat(timings.withinObjective()).isTrue();
        assertThat(proofs.get(4).status()).isEqualTo(ProofStatus.NOT_RUN);
    }

    @Test
    void passwordsInUrlsAndMessagesAreMasked() {
        StepResult leaky = failed("apply", "cannot connect to jdbc:mariadb://db:3306/app?user=root&password=hunter2", null);
        ReadinessReport report = build(results(suite("set", ran("postgres", TargetStatus.FAILED,
                List.of(migration("1", "users", List.of(leaky)))))));

        TargetReport target = report.suites().get(0).targets().get(0);
        assertThat(target.maskedUrl()).doesNotContain("s3cret").contains("password=****");
        assertThat(target.failures().get(0).message()).doesNotContain("hunter2").contains("password=****");
        assertThat(target.reason()).doesNotContain("hunter2");
    }
}
