package dev.rehearsal.rehearse;

import dev.rehearsal.rehearse.plan.NodeId;
import dev.rehearsal.rehearse.results.StepResult;
import dev.rehearsal.rehearse.results.Verdict;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Collects what happened, by node, while targets may run concurrently; the results model is
 * assembled from it and the plan at the end of the run.
 */
final class ResultsRecorder {
    private final Instant startedAt = Instant.now();
    private final Map<NodeId, StepResult> steps = new ConcurrentHashMap<>();
    private final Map<NodeId, String> containerReasons = new ConcurrentHashMap<>();
    private final Set<NodeId> unavailable = ConcurrentHashMap.newKeySet();
    private final Map<NodeId, TargetServers.Availability> targets = new ConcurrentHashMap<>();
    private final Map<NodeId, SeededRows> seeded = new ConcurrentHashMap<>();

    Instant startedAt() {
        return startedAt;
    }

    void step(NodeId id, StepResult result) {
        steps.put(id, result);
    }

    StepResult step(NodeId id) {
        return steps.get(id);
    }

    /** Why a suite, target or migration did not run (or failed as a whole); the first reason wins. */
    void container(NodeId id, String reason) {
        containerReasons.putIfAbsent(id, reason);
    }

    String containerReason(NodeId id) {
        return containerReasons.get(id);
    }

    /** The target was skipped because its server could not be reached. */
    void unavailable(NodeId id) {
        unavailable.add(id);
    }

    boolean wasUnavailable(NodeId id) {
        return unavailable.contains(id);
    }

    void target(NodeId id, TargetServers.Availability availability) {
        targets.put(id, availability);
    }

    TargetServers.Availability target(NodeId id) {
        return targets.get(id);
    }

    /** The target run's record of loaded rows, read when the results are assembled. */
    void seeded(NodeId id, SeededRows rows) {
        seeded.put(id, rows);
    }

    Map<String, Long> seededRows(NodeId id) {
        SeededRows rows = seeded.get(id);
        return rows == null ? Map.of() : rows.rows();
    }

    static StepResult skipped(String step, String name, String reason) {
        return new StepResult(step, name, Verdict.SKIPPED, reason, null, 0, false);
    }
}
