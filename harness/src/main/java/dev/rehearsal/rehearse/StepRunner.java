package dev.rehearsal.rehearse;

import dev.rehearsal.rehearse.plan.Declarations.ExpectedDefect;
import dev.rehearsal.rehearse.plan.PlannedStep;
import dev.rehearsal.rehearse.results.StepResult;
import dev.rehearsal.rehearse.results.Verdict;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Runs one step: times it, turns what it threw into an outcome, and inverts a declared defect (the
 * step passes only when it fails with the declared text; it fails when it passes).
 */
final class StepRunner {
    private StepRunner() {
    }

    static StepReport run(PlannedStep step, TargetRun run, Supplier<StepOutcome> action) {
        long start = System.nanoTime();
        Optional<ExpectedDefect> expected = step.expected();
        StepOutcome outcome;
        try {
            outcome = action.get();
        } catch (StepSkipped e) {
            return new StepReport(new StepResult(step.id(), step.name(), Verdict.SKIPPED, e.getMessage(), null,
                    millis(start), false), new StepOutcome.Skipped(e.getMessage()));
        } catch (RuntimeException | AssertionError e) {
            String message = String.valueOf(e.getMessage());
            StepFailure failure = e instanceof StepFailure f ? f : null;
            String diff = failure == null ? null : failure.diffText();
            RecoveryTime time = failure == null ? null : failure.recovery();
            if (expected.isPresent() && message.contains(expected.get().failsWith())) {
                String detected = "expected defect detected: " + message;
                return new StepReport(result(step, Verdict.PASSED, detected, diff, start, time, true),
                        new StepOutcome.Passed(detected, time));
            }
            run.failed();
            if (expected.isPresent()) {
                String wrong = "expected defect not detected: the step failed, but not with '"
                        + expected.get().failsWith() + "': " + message;
                return new StepReport(result(step, Verdict.FAILED, wrong, diff, start, time, true),
                        new StepOutcome.Failed(wrong, diff, e, true));
            }
            StepOutcome.Failed failed = failure != null ? new StepOutcome.Failed(message, diff, failure.getCause(), true)
                    : new StepOutcome.Failed(message, null, e, false);
            return new StepReport(result(step, Verdict.FAILED, message, diff, start, time, false), failed);
        }
        RecoveryTime time = outcome instanceof StepOutcome.Passed passed ? passed.recovery() : null;
        if (expected.isPresent()) {
            run.failed();
            String message = "expected defect not detected: the step passed, but should fail with '"
                    + expected.get().failsWith() + "'";
            return new StepReport(result(step, Verdict.FAILED, message, null, start, time, true),
                    new StepOutcome.Failed(message, null, null, true));
        }
        return new StepReport(result(step, outcome.verdict(), outcome.message(), outcome.diffText(), start, time, false),
                outcome);
    }

    private static StepResult result(PlannedStep step, Verdict verdict, String message, String diff, long start,
            RecoveryTime time, boolean expectedDefect) {
        return new StepResult(step.id(), step.name(), verdict, message, diff, time == null ? millis(start) : time.millis(),
                expectedDefect, time == null ? null : time.objectiveMillis());
    }

    private static long millis(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }
}
