package dev.rehearsal.report.findings;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rehearsal.rehearse.results.MigrationResult;
import dev.rehearsal.rehearse.results.StepResult;
import dev.rehearsal.rehearse.results.SuiteResult;
import dev.rehearsal.rehearse.results.TargetResult;
import dev.rehearsal.rehearse.results.TargetStatus;
import dev.rehearsal.rehearse.results.Verdict;
import dev.rehearsal.report.model.Finding;
import dev.rehearsal.report.model.Severity;
import java.util.List;
import org.junit.jupiter.api.Test;

class VersionDifferencesTests {

    @Test
    void proofPassingOnOneMajorAndFailingOnAnotherIsAFinding() {
        SuiteResult suite = suite(target("sqlite", Verdict.FAILED), target("postgres-17", Verdict.PASSED),
                target("postgres-13", Verdict.FAILED));

        assertThat(VersionDifferences.find(suite)).containsExactly(new Finding(Severity.WARNING,
                "differs-between-versions", "1 create tags", "db", 0,
                "apply passes on postgres-17 and fails on postgres-13: the migration depends on the server version"));
    }

    @Test
    void differentEnginesAndAgreeingVersionsAreNoFinding() {
        assertThat(VersionDifferences.find(suite(target("sqlite", Verdict.FAILED), target("postgres-17", Verdict.PASSED))))
                .isEmpty();
        assertThat(VersionDifferences.find(suite(target("postgres-13", Verdict.PASSED), target("postgres", Verdict.PASSED))))
                .isEmpty();
    }

    private static SuiteResult suite(TargetResult... targets) {
        return new SuiteResult("db", "db", "db", null, List.of(targets));
    }

    private static TargetResult target(String id, Verdict apply) {
        StepResult step = new StepResult("apply", "apply", apply, null, null, 1, false, null);
        return new TargetResult(id, TargetStatus.PASSED, null, null, null,
                List.of(new MigrationResult("1", "create tags", true, false, false, List.of(step))), List.of());
    }
}
