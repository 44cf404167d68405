package dev.rehearsal.engine.execution;

import dev.rehearsal.engine.results.StepResult;
import dev.rehearsal.engine.results.Verdict;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.platform.engine.UniqueId;

/**
 * Collects what happened, by node, while targets may run concurrently; the results model is
 * assembled from it and the descriptor tree at the end of the run.
 */
public final class ResultsRecorder {
    private final Instant startedAt = Instant.now();
    private final Map<UniqueId, StepResult> steps = new ConcurrentHashMap<>();
    private final Map<UniqueId, String> containerReasons = new ConcurrentHashMap<>();
    private final Map<UniqueId, TargetServers.Availability> targets = new ConcurrentHashMap<>();

    public Instant startedAt() {
        return startedAt;
    }

    public void step(UniqueId id, StepResult result) {
        steps.put(id, result);
    }

    public StepResult step(UniqueId id) {
        return steps.get(id);
    }

    /** Why a container was skipped or failed as a whole; its unrun children inherit the reason. */
    public void container(UniqueId id, String reason) {
        containerReasons.putIfAbsent(id, reason);
    }

    public String containerReason(UniqueId id) {
        return containerReasons.get(id);
    }

    public void target(UniqueId id, TargetServers.Availability availability) {
        targets.put(id, availability);
    }

    public TargetServers.Availability target(UniqueId id) {
        return targets.get(id);
    }

    static StepResult skipped(String step, String name, String reason) {
        return new StepResult(step, name, Verdict.SKIPPED, reason, null, 0, false);
    }
}
