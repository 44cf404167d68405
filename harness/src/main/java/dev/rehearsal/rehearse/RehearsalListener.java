package dev.rehearsal.rehearse;

import dev.rehearsal.rehearse.plan.NodeId;
import dev.rehearsal.rehearse.results.StepResult;

/**
 * Told about progress as a rehearsal runs: the command line prints from it. Called from the thread
 * that ran the node (targets may run concurrently in the engine).
 *
 * @since 0.1
 */
public interface RehearsalListener {
    RehearsalListener NONE = new RehearsalListener() {
    };

    /**
     * A step ran, or was skipped with a reason.
     *
     * @param migration {@code V1 create users}; null for a set-level step
     */
    default void stepFinished(NodeId id, String migration, StepResult result) {
    }

    /** Something worth a line that is no verdict: a checkpoint restored or written. */
    default void note(NodeId id, String message) {
    }

    /**
     * A target's server answered, before its first step runs.
     *
     * @param server where it came from: {@code embedded PostgreSQL 17.12.0 (...), started in 2.1 s}
     */
    default void serverReady(NodeId id, String server) {
    }

    /** A suite, target or migration did not run, or failed as a whole, and why. */
    default void containerFinished(NodeId id, String reason, boolean skipped) {
    }
}
