package dev.rehearsal.engine.execution;

import dev.rehearsal.engine.descriptor.Step;
import dev.rehearsal.engine.discovery.Declarations.ExpectedDefect;
import dev.rehearsal.engine.results.StepResult;
import dev.rehearsal.engine.results.Verdict;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.junit.platform.engine.TestDescriptor;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

/**
 * Runs one step: times it, records its verdict, publishes report entries, and inverts a declared
 * defect (the step passes only when it fails with the declared text; it fails when it passes).
 */
public final class StepExecution {
    private StepExecution() {
    }

    public static void run(TestDescriptor node, RehearsalContext context, Step step, Optional<ExpectedDefect> expected,
            Supplier<Outcome> action) {
        long start = System.nanoTime();
        Outcome outcome;
        try {
            outcome = action.get();
        } catch (TestAbortedException e) {
            record(node, context, new StepResult(step.id(), step.displayName(), Verdict.SKIPPED, e.getMessage(), null,
                    millis(start), false));
            throw e;
        } catch (RuntimeException | AssertionError e) {
            String message = String.valueOf(e.getMessage());
            String diff = e instanceof StepFailure f ? f.diffText() : null;
            if (expected.isPresent() && message.contains(expected.get().failsWith())) {
                record(node, context, new StepResult(step.id(), step.displayName(), Verdict.PASSED,
                        "expected defect detected: " + message, diff, millis(start), true));
                return;
            }
            context.targetRun().failed();
            if (expected.isPresent()) {
                AssertionFailedError wrong = new AssertionFailedError("expected defect not detected: the step failed, but"
                        + " not with '" + expected.get().failsWith() + "': " + message, e);
                record(node, context, new StepResult(step.id(), step.displayName(), Verdict.FAILED, wrong.getMessage(),
                        diff, millis(start), true));
                throw wrong;
            }
            record(node, context, new StepResult(step.id(), step.displayName(), Verdict.FAILED, message, diff,
                    millis(start), false));
            throw e;
        }
        if (expected.isPresent()) {
            context.targetRun().failed();
            String message = "expected defect not detected: the step passed, but should fail with '"
                    + expected.get().failsWith() + "'";
            record(node, context, new StepResult(step.id(), step.displayName(), Verdict.FAILED, message, null,
                    millis(start), true));
            throw new AssertionFailedError(message);
        }
        record(node, context, new StepResult(step.id(), step.displayName(), outcome.verdict(), outcome.message(),
                outcome.diffText(), millis(start), false));
    }

    /** Records a skipped step (its node is reported skipped by the platform). */
    public static void skipped(TestDescriptor node, RehearsalContext context, Step step, String reason) {
        record(node, context, ResultsRecorder.skipped(step.id(), step.displayName(), reason));
    }

    private static void record(TestDescriptor node, RehearsalContext context, StepResult result) {
        context.recorder().step(node.getUniqueId(), result);
        Map<String, String> entries = new LinkedHashMap<>();
        entries.put("verdict", result.verdict().name());
        if (result.verdict() != Verdict.SKIPPED) {
            entries.put("millis", Long.toString(result.millis()));
        }
        if (result.verdict() == Verdict.WARNING) {
            entries.put("warning", result.message() + (result.diffText() == null ? "" : "\n" + result.diffText()));
        }
        if (result.expectedDefect() && result.verdict() == Verdict.PASSED) {
            entries.put("expected-defect", result.message());
        }
        context.publish(node, entries);
    }

    private static long millis(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }
}
