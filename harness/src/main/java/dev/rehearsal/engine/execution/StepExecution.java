package dev.rehearsal.engine.execution;

import dev.rehearsal.RehearsalException;
import dev.rehearsal.rehearse.StepOutcome;
import dev.rehearsal.rehearse.StepReport;
import dev.rehearsal.rehearse.results.StepResult;
import dev.rehearsal.rehearse.results.Verdict;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.platform.engine.TestDescriptor;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

/** Turns a finished step of the core into a JUnit result: report entries, then a pass, a failure or an abort. */
public final class StepExecution {
    private StepExecution() {
    }

    /** Publishes the step's entries and throws what JUnit needs to see for its outcome. */
    public static void finish(TestDescriptor node, RehearsalContext context, StepReport report) {
        publish(node, context, report.result());
        StepOutcome outcome = report.outcome();
        if (outcome instanceof StepOutcome.Failed failed) {
            if (failed.cause() == null || failed.cause() instanceof RehearsalException) {
                // A finding, or an error Rehearsal reports on purpose (a migration's SQL failed): the message says it all.
                throw new StepFailedError(failed.message());
            }
            if (!failed.finding() && failed.cause() instanceof RuntimeException e) {
                throw e;
            }
            if (!failed.finding() && failed.cause() instanceof Error e) {
                throw e;
            }
            throw new AssertionFailedError(failed.message(), failed.cause());
        }
        if (outcome instanceof StepOutcome.Skipped skipped) {
            throw new TestAbortedException(skipped.message());
        }
    }

    /** Publishes a skipped step's verdict (the platform reports the node skipped). */
    public static void skipped(TestDescriptor node, RehearsalContext context) {
        context.publish(node, Map.of("verdict", Verdict.SKIPPED.name()));
    }

    private static void publish(TestDescriptor node, RehearsalContext context, StepResult result) {
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
}
