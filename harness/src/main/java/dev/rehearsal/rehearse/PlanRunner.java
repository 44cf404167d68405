package dev.rehearsal.rehearse;

import dev.rehearsal.rehearse.plan.MigrationPlan;
import dev.rehearsal.rehearse.plan.NodeId;
import dev.rehearsal.rehearse.plan.PlannedStep;
import dev.rehearsal.rehearse.plan.Shard;
import dev.rehearsal.rehearse.plan.SuitePlan;
import dev.rehearsal.rehearse.plan.TargetPlan;
import dev.rehearsal.rehearse.results.RehearsalResults;
import java.util.List;

/**
 * Runs a whole plan in the engine's order (suite, target, each migration's steps, then the set-level
 * steps), one target after another, with the same skip rules: the command line's way through the
 * session the engine's descriptors call node by node.
 */
public final class PlanRunner {
    private PlanRunner() {
    }

    public static RehearsalResults run(List<SuitePlan> plans, RehearsalSession session) {
        return run(plans, Shard.WHOLE, session);
    }

    /**
     * Runs {@code shard}'s part of the plans; the results carry the whole plans, so a shard's read
     * INCOMPLETE until {@code rehearsal report --merge} joins them. A shard starting in the middle of
     * a set brings its database to its first migration with plain up (no proofs), as any migration does.
     */
    public static RehearsalResults run(List<SuitePlan> plans, Shard shard, RehearsalSession session) {
        List<SuitePlan> selected = plans.stream().map(shard::select).toList();
        for (SuitePlan suite : selected) {
            if (suite.error() != null) {
                session.suiteFailed(suite.nodeId(), suite.error());
                continue;
            }
            for (TargetPlan target : suite.targets()) {
                runTarget(session, suite, target);
            }
        }
        return session.results(plans, selected);
    }

    private static void runTarget(RehearsalSession session, SuitePlan suite, TargetPlan target) {
        NodeId id = suite.nodeId().target(target.kind());
        if (session.targetSkipReason(id, target).isPresent()) {
            return;
        }
        TargetRun run;
        try {
            run = session.openTarget(id, suite, target);
        } catch (RuntimeException recorded) {
            return;
        }
        try {
            for (MigrationPlan migration : target.migrations()) {
                runMigration(session, id.migration(migration.migration().version().text()), run, migration);
            }
            if (!target.migrations().isEmpty()) { // where the next shard starts
                session.writeCheckpoint(id, run, target.migrations().get(target.migrations().size() - 1).index() + 1);
            }
            for (PlannedStep step : target.setSteps()) {
                session.runStep(id.step(step.id()), step, run, null);
            }
        } finally {
            session.closeTarget(run);
        }
    }

    private static void runMigration(RehearsalSession session, NodeId id, TargetRun run, MigrationPlan plan) {
        if (session.migrationSkipReason(id, run).isPresent()) {
            return;
        }
        MigrationRehearsal migration;
        try {
            migration = session.openMigration(id, run, plan);
        } catch (RuntimeException recorded) {
            return;
        }
        for (PlannedStep step : plan.steps()) {
            NodeId stepId = id.step(step.id());
            if (session.stepSkipReason(stepId, migration, step).isEmpty()) {
                session.runStep(stepId, step, run, migration);
            }
        }
    }
}
