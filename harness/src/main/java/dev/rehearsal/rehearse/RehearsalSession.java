package dev.rehearsal.rehearse;

import dev.rehearsal.ErrorCode;
import dev.rehearsal.RehearsalException;
import dev.rehearsal.drill.DrillTargets;
import dev.rehearsal.rehearse.TargetServers.Availability;
import dev.rehearsal.rehearse.plan.MigrationPlan;
import dev.rehearsal.rehearse.plan.NodeId;
import dev.rehearsal.rehearse.plan.PlannedStep;
import dev.rehearsal.rehearse.plan.Step;
import dev.rehearsal.rehearse.plan.SuitePlan;
import dev.rehearsal.rehearse.plan.TargetKind;
import dev.rehearsal.rehearse.plan.TargetPlan;
import dev.rehearsal.rehearse.results.RehearsalResults;
import dev.rehearsal.rehearse.results.StepResult;
import dev.rehearsal.runner.MigrationRunner;
import dev.rehearsal.runner.RunnerOptions;
import java.util.List;
import java.util.Optional;

/**
 * One rehearsal run, node by node: the calls both faces make (the engine's descriptors from their
 * {@code shouldBeSkipped}/{@code before}/{@code execute}/{@code after}, the command line through
 * {@link PlanRunner}), recording every verdict for the results model and telling the listener.
 * Thread-safe across targets; a target's own nodes run on one thread.
 */
public final class RehearsalSession implements AutoCloseable {
    private final TargetServers servers;
    private final RunOptions options;
    private final RehearsalListener listener;
    private final ResultsRecorder recorder = new ResultsRecorder();

    public RehearsalSession(ServerSettings settings, RunOptions options, RehearsalListener listener) {
        this.servers = new TargetServers(settings);
        this.options = options;
        this.listener = listener;
    }

    /** The suite cannot run at all (a broken rehearsal.yaml, a missing parameter). */
    public void suiteFailed(NodeId id, RuntimeException error) {
        container(id, error.getMessage(), false);
    }

    /** Why the target is skipped (its server is unavailable and not required), or empty; probes the server once. */
    public Optional<String> targetSkipReason(NodeId id, TargetPlan target) {
        if (target.error() != null) {
            return Optional.empty();
        }
        Availability availability = servers.availability(target.kind());
        recorder.target(id, availability);
        if (!availability.available() && !options.requireTargets()) {
            recorder.unavailable(id);
            container(id, availability.unavailableReason(), true);
            return Optional.of(availability.unavailableReason());
        }
        if (availability.available() && availability.origin() != null) {
            listener.serverReady(id, availability.origin());
        }
        return Optional.empty();
    }

    /**
     * A fresh database for the target, with the set's fixtures and verification suites read. Throws
     * (recorded) when it cannot start, or when the configured server database is marked by an
     * unfinished restore or migration ({@link DrillTargets#refuseUnfinished}, the migration commands' checks).
     */
    public TargetRun openTarget(NodeId id, SuitePlan suite, TargetPlan target) {
        try {
            if (target.error() != null) {
                throw target.error();
            }
            Availability availability = servers.availability(target.kind());
            if (!availability.available()) {
                throw new RehearsalException(ErrorCode.CONNECTION_FAILED, availability.unavailableReason() + " ("
                        + options.requireTargetsSetting() + " makes an unavailable target a failure)");
            }
            if (availability.server() != null) {
                // The configured database itself: a rehearsal beside a half-restored or half-migrated one
                // would report on migrations while the database they are for needs restoring first.
                DrillTargets.refuseUnfinished(availability.server(), new MigrationRunner(availability.server(),
                        target.set().migrations(), RunnerOptions.defaults()));
            }
            SuiteResources resources = SuiteResources.load(suite.fixtures(), suite.verification());
            TargetRun run = new TargetRun(target.kind(), availability.server(), target.set(),
                    options.strictColumnOrder() ? suite.declarations().withStrictColumnOrder() : suite.declarations(),
                    resources, options.keepFailedDatabases(), suite.declarations().generatedRows(options.generatedRows()));
            recorder.seeded(id, run.seededRows());
            if (options.checkpoints() != null) {
                run.useCheckpoints(options.checkpoints(), note -> listener.note(id, note));
            }
            return run;
        } catch (RuntimeException e) {
            container(id, e.getMessage(), false);
            throw e;
        }
    }

    /** Writes the checkpoint of "before migration {@code index}" when the run uses checkpoints (a shard's end). */
    public void writeCheckpoint(NodeId id, TargetRun run, int index) {
        try {
            run.writeCheckpoint(index);
        } catch (RuntimeException e) {
            listener.note(id, "checkpoint not written: " + e.getMessage());
        }
    }

    /** Where the target's server came from (see {@link RehearsalListener#serverReady}); empty for SQLite or before it was found. */
    public Optional<String> server(TargetKind kind) {
        return Optional.ofNullable(servers.availability(kind).origin());
    }

    /** Drops the target's databases; returns those kept for inspection. */
    public List<String> closeTarget(TargetRun run) {
        run.close();
        return run.kept();
    }

    /** Why the migration is skipped (an earlier one could not be applied), or empty. */
    public Optional<String> migrationSkipReason(NodeId id, TargetRun run) {
        String reason = run.blockedReason();
        if (reason != null) {
            container(id, reason, true);
        }
        return Optional.ofNullable(reason);
    }

    /** Brings the database to the state before the migration. Throws (recorded; later migrations skip) when it cannot. */
    public MigrationRehearsal openMigration(NodeId id, TargetRun run, MigrationPlan migration) {
        try {
            return run.rehearse(migration.index());
        } catch (RuntimeException e) {
            String reason = "cannot bring the database to the state before " + migration.name() + ": " + e.getMessage();
            run.block("skipped: " + reason);
            container(id, reason, false);
            throw e;
        }
    }

    /** Why the step cannot run now (recorded as skipped), or empty. */
    public Optional<String> stepSkipReason(NodeId id, MigrationRehearsal migration, PlannedStep step) {
        if (migration == null) {
            return Optional.empty();
        }
        String reason = step.isDrill() ? migration.drillSkipReason() : migration.skipReason(step.step());
        if (reason != null) {
            record(id, migration.name(), ResultsRecorder.skipped(step.id(), step.name(), reason));
        }
        return Optional.ofNullable(reason);
    }

    /** Runs the step; {@code migration} is null for the set-level steps. */
    public StepReport runStep(NodeId id, PlannedStep step, TargetRun run, MigrationRehearsal migration) {
        StepReport report = StepRunner.run(step, run, () -> {
            if (migration == null) {
                return step.step() == Step.FULL_CHAIN ? ChainRehearsal.fullChain(run) : ChainRehearsal.history(run);
            }
            if (!step.isDrill()) {
                return migration.run(step.step());
            }
            return step.drill().isBackupRestore()
                    ? DrillRehearsal.backupRestore(run, migration.migration(), run.declarations().drills().objective())
                    : DrillRehearsal.fault(run, migration.migration(), step.drill().fault(),
                            run.declarations().drills().faultOptions());
        });
        record(id, migration == null ? null : migration.name(), report.result());
        return report;
    }

    /**
     * The results model: the nodes of {@code ran}, each target with its whole plan from {@code whole}
     * so that a partial run (a unique-id selection, a shard) reads INCOMPLETE, never READY.
     */
    public RehearsalResults results(List<SuitePlan> whole, List<SuitePlan> ran) {
        return ResultsAssembler.assemble(whole, ran, recorder);
    }

    private void record(NodeId id, String migration, StepResult result) {
        recorder.step(id, result);
        listener.stepFinished(id, migration, result);
    }

    private void container(NodeId id, String reason, boolean skipped) {
        recorder.container(id, reason);
        listener.containerFinished(id, reason, skipped);
    }

    /** Stops any container servers the run started. */
    @Override
    public void close() {
        servers.close();
    }
}
