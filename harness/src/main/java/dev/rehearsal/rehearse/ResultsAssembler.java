package dev.rehearsal.rehearse;

import dev.rehearsal.rehearse.TargetServers.Availability;
import dev.rehearsal.rehearse.plan.MigrationPlan;
import dev.rehearsal.rehearse.plan.NodeId;
import dev.rehearsal.rehearse.plan.PlannedStep;
import dev.rehearsal.rehearse.plan.SuitePlan;
import dev.rehearsal.rehearse.plan.TargetPlan;
import dev.rehearsal.rehearse.results.MigrationResult;
import dev.rehearsal.rehearse.results.RehearsalResults;
import dev.rehearsal.rehearse.results.StepResult;
import dev.rehearsal.rehearse.results.SuiteResult;
import dev.rehearsal.rehearse.results.TargetResult;
import dev.rehearsal.rehearse.results.TargetStatus;
import dev.rehearsal.rehearse.results.Verdict;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Builds the results model from the plan that ran and what the recorder saw; unrun steps inherit
 * their container's reason. Each target carries its whole plan beside the part that ran, so a
 * partial run reads as such.
 */
final class ResultsAssembler {
    private ResultsAssembler() {
    }

    /**
     * @param whole the whole plan of every set and target the run covers
     * @param ran the part of it that was selected to run (all of it for a full run)
     */
    static RehearsalResults assemble(List<SuitePlan> whole, List<SuitePlan> ran, ResultsRecorder recorder) {
        List<SuiteResult> suites = new ArrayList<>();
        for (SuitePlan suite : ran) {
            String error = recorder.containerReason(suite.nodeId());
            List<TargetResult> targets = suite.targets().stream()
                    .map(t -> target(suite, t, recorder, error, planned(whole, suite, t))).toList();
            suites.add(new SuiteResult(suite.id(), suite.name(), suite.migrations().toString(), error, targets));
        }
        return new RehearsalResults(RehearsalResults.FORMAT_VERSION, recorder.startedAt().toString(),
                Instant.now().toString(), suites);
    }

    /** The unique ids of the whole plan of {@code target}; the part itself when the whole is not given. */
    private static List<String> planned(List<SuitePlan> whole, SuitePlan suite, TargetPlan target) {
        NodeId id = suite.nodeId().target(target.kind());
        TargetPlan all = whole.stream().filter(s -> s.id().equals(suite.id())).flatMap(s -> s.targets().stream())
                .filter(t -> t.kind() == target.kind()).findFirst().orElse(target);
        return all.stepIds(id).stream().map(NodeId::toString).toList();
    }

    private static TargetResult target(SuitePlan suite, TargetPlan target, ResultsRecorder recorder, String suiteReason,
            List<String> planned) {
        NodeId id = suite.nodeId().target(target.kind());
        String reason = recorder.containerReason(id);
        String inherited = reason != null ? reason : suiteReason;
        List<MigrationResult> migrations = new ArrayList<>();
        for (MigrationPlan m : target.migrations()) {
            NodeId migrationId = id.migration(m.migration().version().text());
            String migrationReason = recorder.containerReason(migrationId);
            List<StepResult> steps = m.steps().stream()
                    .map(s -> step(migrationId.step(s.id()), s, recorder, migrationReason != null ? migrationReason : inherited))
                    .toList();
            migrations.add(new MigrationResult(m.migration().version().text(), m.migration().description(),
                    m.migration().hasRollback(), suite.declarations().isIrreversible(m.migration().version()),
                    suite.declarations().isLossy(m.migration().version()), steps));
        }
        List<StepResult> setSteps = target.setSteps().stream()
                .map(s -> step(id.step(s.id()), s, recorder, inherited)).toList();
        Availability availability = recorder.target(id);
        boolean anyFailed = Stream.concat(migrations.stream().flatMap(m -> m.steps().stream()), setSteps.stream())
                .anyMatch(s -> s.verdict() == Verdict.FAILED);
        TargetStatus status = recorder.wasUnavailable(id) && !anyFailed ? TargetStatus.SKIPPED
                : anyFailed || inherited != null ? TargetStatus.FAILED : TargetStatus.PASSED;
        return new TargetResult(target.kind().id(), status, inherited,
                availability == null ? null : availability.maskedUrl(),
                availability == null ? null : availability.serverVersion(), migrations, setSteps, planned, List.of(),
                availability == null ? null : availability.origin(), recorder.seededRows(id));
    }

    /** What the recorder saw of a step; an unrun one inherits its container's reason. */
    private static StepResult step(NodeId id, PlannedStep step, ResultsRecorder recorder, String reason) {
        StepResult recorded = recorder.step(id);
        if (recorded != null) {
            return recorded;
        }
        return ResultsRecorder.skipped(step.id(), step.name(), reason == null ? "not run" : reason);
    }
}
