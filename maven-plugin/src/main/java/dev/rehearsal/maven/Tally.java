package dev.rehearsal.maven;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/**
 * Counts rehearsal steps (the engine's tests) by outcome while the launcher runs them, and keeps one
 * line per failure: the path of display names below the engine, then the first line of the message.
 * A failed container (a suite that could not run at all) is a failure too, though not a step.
 */
final class Tally implements TestExecutionListener {
    private static final int MESSAGE_LINES = 4;
    private TestPlan plan;
    private long passed;
    private long failed;
    private long skipped;
    private final List<String> failures = new ArrayList<>();

    @Override
    public void testPlanExecutionStarted(TestPlan testPlan) {
        this.plan = testPlan;
    }

    @Override
    public void executionSkipped(TestIdentifier identifier, String reason) {
        skipped += identifier.isTest() ? 1 : plan.getDescendants(identifier).stream().filter(TestIdentifier::isTest).count();
    }

    @Override
    public void executionFinished(TestIdentifier identifier, TestExecutionResult result) {
        switch (result.getStatus()) {
            case SUCCESSFUL -> passed += identifier.isTest() ? 1 : 0;
            case ABORTED -> skipped += identifier.isTest() ? 1 : 0;
            case FAILED -> {
                failed += identifier.isTest() ? 1 : 0;
                failures.add(path(identifier) + ": " + firstLines(result.getThrowable()));
            }
        }
    }

    /** The suite, then the node: a step's display name already names its migration and target. */
    private String path(TestIdentifier identifier) {
        Optional<TestIdentifier> suite = Optional.of(identifier);
        while (suite.flatMap(plan::getParent).flatMap(TestIdentifier::getParentId).isPresent()) {
            suite = suite.flatMap(plan::getParent);
        }
        String name = identifier.getDisplayName();
        return suite.filter(s -> s != identifier).map(s -> s.getDisplayName() + " > " + name).orElse(name);
    }

    /** The message's first lines: enough to name what differs; the readiness report has the whole diff. */
    private static String firstLines(Optional<Throwable> throwable) {
        String message = throwable.map(t -> t.getMessage() == null ? t.toString() : t.getMessage()).orElse("failed");
        List<String> lines = message.strip().lines().limit(MESSAGE_LINES + 1).toList();
        String shown = String.join("\n      ", lines.subList(0, Math.min(lines.size(), MESSAGE_LINES)));
        return lines.size() > MESSAGE_LINES ? shown + "\n      ..." : shown;
    }

    /** JDK types only: this crosses from the project's class loader into the plugin's. */
    Map<String, Object> toMap() {
        return Map.of("passed", passed, "failed", failed, "skipped", skipped, "failures", List.copyOf(failures));
    }
}
