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
        run(node, context, step.id(), step.displayName(), expected, action);
    }

    /**
     * Runs a step named by id and display name (the drills have no {@link Step} constant).
     *
     * @param expected the declared defect, if any: the step must fail with its text
     */
    public static void run(TestDescriptor node, RehearsalContext context, String id, String name,
            Optional<ExpectedDefect> expected, Supplier<Outcome> action) {
        long start = System.nanoTime();
        Outcome outcome;
        try {
            outcome = action.get();
        } catch (TestAbortedException e) {
            record(node, context, new StepResult(id, name, Verdict.SKIPPED, e.getMessage(), null, millis(start), false));
            throw e;
        } catch (RuntimeException | AssertionError e) {
            String message = String.valueOf(e.getMessage());
            StepFailure failure = e instanceof StepFailure f ? f : null;
            String diff = failure == null ? null : failure.diffText();
            RecoveryTime time = failure == null ? null : failure.recovery();
            if (expected.isPresent() && message.contains(expected.get().failsWith())) {
                record(node, context, result(id, name, Verdict.PASSED, "expected defect detected: " + message, diff,
                        start, time, true));
                return;
            }
            context.targetRun().failed();
            if (expected.isPresent()) {
                AssertionFailedError wrong = new AssertionFailedError("expected defect not detected: the step failed, but"
                        + " not with '" + expected.get().failsWith() + "': " + message, e);
                record(node, context, result(id, name, Verdict.FAILED, wrong.getMessage(), diff, start, time, true));
                throw wrong;
            }
            record(node, context, result(id, name, Verdict.FAILED, message, diff, start, time, false));
            throw e;
        }
        if (expected.isPresent()) {
            context.targetRun().failed();
            String message = "expected defect not detected: the step passed, but should fail with '"
                    + expected.get().failsWith() + "'";
            record(node, context, result(id, name, Verdict.FAILED, message, null, start, outcome.recovery(), true));
            throw new AssertionFailedError(message);
        }
        record(node, context, result(id, name, outcome.verdict(), outcome.message(), outcome.diffText(), start,
                outcome.recovery(), false));
    }

    private static StepResult result(String id, String name, Verdict verdict, String message, String diff, long start,
            RecoveryTime time, boolean expectedDefect) {
        return new StepResult(id, name, verdict, message, diff, time == null ? millis(start) : time.millis(),
                expectedDefect, time == null ? null : time.objectiveMillis());
    }

    /** Records a skipped step (its node is reported skipped by the platform). */
    public static void skipped(TestDescriptor node, RehearsalContext context, String id, String name, String reason) {
        record(node, context, ResultsRecorder.skipped(id, name, reason));
    }

    private static void record(TestDescriptor node, RehearsalContext context, StepResult result) {
        context.recorder().step(node.getUniqueId(), result);
        Map<String, String> entries = new LinkedHashMap<>();
        entries.put("verdict", result.verdict().name());
        if (result.verdict() != Verdict.SKIPPED) {
            entries.put("millis", Long.toString(result.millis()));
        }
        if (result.objectiveMillis() != null) {
            entries.put("objective-millis", Long.toString(result.objectiveMillis()));
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
