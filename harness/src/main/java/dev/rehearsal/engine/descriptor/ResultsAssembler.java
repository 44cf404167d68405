package dev.rehearsal.engine.descriptor;

import dev.rehearsal.engine.execution.ResultsRecorder;
import dev.rehearsal.engine.execution.TargetServers.Availability;
import dev.rehearsal.engine.results.MigrationResult;
import dev.rehearsal.engine.results.RehearsalResults;
import dev.rehearsal.engine.results.StepResult;
import dev.rehearsal.engine.results.SuiteResult;
import dev.rehearsal.engine.results.TargetResult;
import dev.rehearsal.engine.results.TargetStatus;
import dev.rehearsal.engine.results.Verdict;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.platform.engine.TestDescriptor;

/** Builds the results model from the descriptor tree and what the recorder saw; unrun steps inherit their container's reason. */
final class ResultsAssembler {
    private ResultsAssembler() {
    }

    static RehearsalResults assemble(RehearsalEngineDescriptor engine, ResultsRecorder recorder) {
        List<SuiteResult> suites = new ArrayList<>();
        for (TestDescriptor child : engine.getChildren()) {
            if (child instanceof SuiteDescriptor suite) {
                String error = recorder.containerReason(suite.getUniqueId());
                List<TargetResult> targets = suite.getChildren().stream().filter(TargetDescriptor.class::isInstance)
                        .map(t -> target((TargetDescriptor) t, recorder, error)).toList();
                suites.add(new SuiteResult(suite.definition().id(), suite.getDisplayName(),
                        suite.definition().migrations().toString(), error, targets));
            }
        }
        return new RehearsalResults(RehearsalResults.FORMAT_VERSION, recorder.startedAt().toString(),
                Instant.now().toString(), suites);
    }

    private static TargetResult target(TargetDescriptor target, ResultsRecorder recorder, String suiteReason) {
        String reason = recorder.containerReason(target.getUniqueId());
        String inherited = reason != null ? reason : suiteReason;
        List<MigrationResult> migrations = new ArrayList<>();
        List<StepResult> setSteps = new ArrayList<>();
        for (TestDescriptor child : target.getChildren()) {
            if (child instanceof MigrationDescriptor m) {
                String migrationReason = recorder.containerReason(m.getUniqueId());
                List<StepResult> steps = m.getChildren().stream()
                        .map(s -> step(s, recorder, migrationReason != null ? migrationReason : inherited))
                        .toList();
                migrations.add(new MigrationResult(m.migration().version().text(), m.migration().description(),
                        m.migration().hasRollback(), m.needsBackup(), m.lossy(), steps));
            } else if (child instanceof StepDescriptor s) {
                setSteps.add(step(s, recorder, inherited));
            }
        }
        Availability availability = recorder.target(target.getUniqueId());
        boolean anyFailed = Stream.concat(migrations.stream().flatMap(m -> m.steps().stream()), setSteps.stream())
                .anyMatch(s -> s.verdict() == Verdict.FAILED);
        boolean skipped = availability != null && !availability.available() && reason != null && !anyFailed
                && recorder.step(target.getUniqueId()) == null && isSkip(reason);
        TargetStatus status = skipped ? TargetStatus.SKIPPED
                : anyFailed || inherited != null ? TargetStatus.FAILED : TargetStatus.PASSED;
        return new TargetResult(target.getDisplayName(), status, inherited,
                availability == null ? null : availability.maskedUrl(),
                availability == null ? null : availability.serverVersion(), migrations, setSteps);
    }

    private static boolean isSkip(String reason) {
        return !reason.contains("makes an unavailable target a failure");
    }

    /** What the recorder saw of a step or drill node; an unrun one inherits its container's reason. */
    private static StepResult step(TestDescriptor node, ResultsRecorder recorder, String reason) {
        StepResult recorded = recorder.step(node.getUniqueId());
        if (recorded != null) {
            return recorded;
        }
        String id;
        String name;
        if (node instanceof DrillDescriptor drill) {
            id = drill.drill().id();
            name = drill.drill().displayName();
        } else {
            Step step = ((StepDescriptor) node).step();
            id = step.id();
            name = step.displayName();
        }
        return new StepResult(id, name, Verdict.SKIPPED, reason == null ? "not run" : reason, null, 0, false);
    }
}
