package dev.rehearsal.stage;

import dev.rehearsal.ErrorCode;
import dev.rehearsal.RehearsalException;
import dev.rehearsal.backup.Backup;
import dev.rehearsal.backup.BackupService;
import dev.rehearsal.backup.DataChecksum;
import dev.rehearsal.backup.RestoreResult;
import dev.rehearsal.database.Target;
import dev.rehearsal.migration.MigrationVersion;
import dev.rehearsal.runner.BeforeChanges;
import dev.rehearsal.runner.DownScope;
import dev.rehearsal.runner.MigrationRunner;
import dev.rehearsal.runner.MigrationStatus;
import dev.rehearsal.runner.PlannedScript;
import dev.rehearsal.runner.RunResult;
import dev.rehearsal.runner.history.HistoryRow;
import dev.rehearsal.verification.Captures;
import dev.rehearsal.verification.SuiteResult;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * A migration with a safety net: back up (and verify the backup by a trial restore), take the
 * suite's pre captures, migrate, run the suite. The backup and the captures are taken under the
 * runner's migration lock, once the run is planned, as {@code up} takes its safety backup. When an
 * error check fails, or a migration fails and may have left changes behind, restore the backup and
 * prove the restored data fingerprint equals the one taken before. When a migration fails inside a transaction that rolled it back,
 * check the database against the backup's capture instead of restoring what is already there.
 *
 * @since 0.1
 */
public final class StagedMigration {
    private static final int STEPS = 4;

    private final Target target;
    private final MigrationRunner runner;
    private final BackupService backups;
    private final StageListener listener;

    public StagedMigration(Target target, MigrationRunner runner, BackupService backups, StageListener listener) {
        this.target = target;
        this.runner = runner;
        this.backups = backups;
        this.listener = listener;
    }

    /**
     * Runs the stages. A backup that cannot be written or fails verification stops everything
     * before the migration (thrown, {@code BACKUP_FAILED}), and so does a refusal of the runner
     * (thrown, nothing backed up); a failed migration or check is returned as a result, restored or
     * not. A stager that waited for another one's lock and finds nothing left to do takes no backup.
     *
     * @throws RehearsalException with a bad-input code (unknown version, bad files) before anything ran
     */
    public StageResult run(StageOptions options) {
        Optional<String> nothing = nothingToDo(options);
        if (nothing.isPresent()) {
            return nothingToDo(nothing.get());
        }
        UnderLock prepared = new UnderLock(options);
        RunResult run;
        try {
            run = migrate(runner.withBeforeChanges(prepared), options);
        } catch (RuntimeException e) {
            if (!prepared.migrating()) {
                throw e; // refused under the lock, or the backup failed: nothing was changed
            }
            prepared.migrated(null);
            RehearsalException failure = e instanceof RehearsalException r ? r
                    // Not one of ours (a driver's runtime error): still a failed migration, still recovered.
                    : new RehearsalException(ErrorCode.MIGRATION_FAILED, String.valueOf(e.getMessage()), e);
            return afterFailedRun(options, prepared.backup, prepared.historyBefore, failure);
        }
        if (!prepared.migrating()) {
            // Another runner migrated while this one waited for the lock: no backup, nothing changed.
            return nothingToDo(nothingToDo(options).orElse("nothing to migrate: another runner migrated first"));
        }
        prepared.migrated(run);
        Backup backup = prepared.backup;
        SuiteResult suiteResult = null;
        String failure = null;
        try {
            if (options.suite() != null) {
                Captures pre = prepared.pre;
                suiteResult = step(4, "verify", () -> withConnection(c -> options.suite().verify(c, target.dialect(), pre)));
            } else {
                skipped(4, "verify", "no --suite given");
            }
        } catch (RuntimeException e) {
            failure = "verification failed: " + e.getMessage();
        }
        if (suiteResult != null && !suiteResult.passed()) {
            failure = "verification suite " + suiteResult.suite() + " failed (" + suiteResult.failures().size()
                    + " error check(s))";
        }
        if (failure == null) {
            return succeeded(options, backup, suiteResult, run);
        }
        // The migration committed: only the backup takes it back.
        return backup == null ? notRestored(suiteResult, failure) : restore(STEPS + 1, backup, suiteResult, failure, "");
    }

    private static StageResult nothingToDo(String message) {
        return new StageResult(StageResult.Outcome.NOTHING_TO_DO, null, null, null, null, message);
    }

    /**
     * Steps 1 and 2 (backup, captures) and the start of step 3, run by the runner under its migration
     * lock once it planned something to run: so a stager that waited for another one's lock and finds
     * nothing left takes no backup, and no other runner changes the database while it is dumped.
     */
    private final class UnderLock implements BeforeChanges {
        private final StageOptions options;
        private Backup backup;
        private Captures pre;
        private List<HistoryRow> historyBefore;
        private long migrateStart = -1;

        UnderLock(StageOptions options) {
            this.options = options;
        }

        @Override
        public String beforeChanges(List<PlannedScript> plan) {
            backup = step(1, "backup", () -> new StageBackup(target, backups, listener).take(options,
                    runner.history().internalTables()));
            pre = step(2, "capture", () -> options.suite() == null ? Captures.none()
                    : withConnection(c -> options.suite().capture(c, target.dialect())));
            historyBefore = withConnection(c -> runner.history().rows(c));
            listener.stepStarted(3, STEPS, stepName());
            migrateStart = System.nanoTime();
            return backup == null ? null : "A safety backup was taken before this stage; to go back to the state"
                    + " before it: " + backup.restoreCommand(target);
        }

        /** Whether the run got past the backup into its migration. */
        boolean migrating() {
            return migrateStart >= 0;
        }

        /** Ends step 3: {@code run} is null when the migration failed. */
        void migrated(RunResult run) {
            listener.stepFinished(3, STEPS, stepName(), run != null, elapsedMillis(migrateStart),
                    run == null ? "" : StepDetail.of(run));
        }

        private String stepName() {
            return options.rollback() ? "rollback" : "migrate";
        }
    }

    private Optional<String> nothingToDo(StageOptions options) {
        Optional<MigrationVersion> current = runner.currentVersion();
        List<MigrationStatus> status = runner.status();
        if (options.to() != null && status.stream().noneMatch(s -> s.version().equals(options.to()))) {
            throw new RehearsalException(ErrorCode.UNKNOWN_VERSION, "no migration with version " + options.to()
                    + " in the migrations directory; nothing was changed");
        }
        List<String> repair = runner.repairNeeded();
        if (!repair.isEmpty()) {
            // Never "nothing to do": a failed or interrupted migration left the database partly changed.
            throw new RehearsalException(ErrorCode.NEEDS_REPAIR, "refusing to stage: " + String.join("\n", repair)
                    + "\nNothing was backed up or changed by this command");
        }
        if (options.rollback()) {
            boolean anyToRollBack = current.isPresent()
                    && (options.to() == null || current.get().compareTo(options.to()) > 0);
            return anyToRollBack ? Optional.empty() : Optional.of("nothing to roll back: "
                    + current.map(v -> "already at " + v.text()).orElse("no migration is applied"));
        }
        boolean anyPending = status.stream().anyMatch(s -> s.awaitsUp()
                && (options.to() == null || s.version().compareTo(options.to()) <= 0));
        return anyPending ? Optional.empty() : Optional.of("nothing to migrate: already at "
                + current.map(MigrationVersion::text).orElse("no version (no migrations)"));
    }

    private static RunResult migrate(MigrationRunner locked, StageOptions options) {
        if (options.rollback()) {
            return locked.down(options.to() == null ? DownScope.last() : DownScope.to(options.to()));
        }
        return locked.up(options.to());
    }

    private StageResult succeeded(StageOptions options, Backup backup, SuiteResult suite, RunResult run) {
        String version = runner.currentVersion().map(MigrationVersion::text).orElse("no version");
        String summary = "staged " + (options.rollback() ? "rollback" : "migration") + " succeeded: "
                + (options.rollback() ? "rolled back " : "applied ") + run.executed().size() + " migration(s), now at "
                + version + (suite == null ? "" : "; suite " + suite.suite() + " passed")
                + (backup == null ? "; no backup was taken (--skip-backup)" : "; backup kept at " + backup.file());
        return new StageResult(StageResult.Outcome.SUCCEEDED, backup, suite, checksum(backup), null, summary);
    }

    /**
     * The migration step threw. Where the engine's transactions cover DDL, the runner rolled the
     * failed migration back, so the backup is needed only if the database is not as captured (an
     * earlier migration of the run committed, or a script ran without a transaction): restoring when
     * nothing changed would only risk the data. Elsewhere the failure may be partly applied.
     */
    private StageResult afterFailedRun(StageOptions options, Backup backup, List<HistoryRow> historyBefore,
            RehearsalException e) {
        String failure = (options.rollback() ? "rollback" : "migration") + " failed: " + e.getMessage();
        if (backup == null) {
            return notRestored(null, failure);
        }
        if (!target.dialect().transactionalDdl()) {
            return restore(STEPS + 1, backup, null, failure, target.dialect().name()
                    + " commits DDL as it runs, so the failure may be partly applied. ");
        }
        CaptureCheck check;
        try {
            check = step(STEPS + 1, "check", () -> withConnection(c -> CaptureCheck.of(c, target, runner.history(),
                    historyBefore, backup.manifest())));
        } catch (RehearsalException unreadable) {
            check = CaptureCheck.differs("it could not be checked: " + unreadable.getMessage());
        }
        if (!check.equal()) {
            return restore(STEPS + 2, backup, null, failure, "After the failure the database was not as captured ("
                    + check.difference() + "). ");
        }
        String undone = e.code() == ErrorCode.MIGRATION_FAILED ? "rolled back by its transaction" : "nothing was migrated";
        return new StageResult(StageResult.Outcome.FAILED_UNCHANGED, backup, null, checksum(backup), null,
                "staged migration FAILED: " + withoutFinalPeriod(failure) + ".\nNot restored: " + undone
                        + "; database checked equal to the capture (data checksum " + check.checksum()
                        + "), backup not needed: " + backup.file());
    }

    private StageResult notRestored(SuiteResult suite, String failure) {
        listener.warning("no backup to restore (--skip-backup): " + target.displayUrl()
                + " is left as the failure left it");
        return new StageResult(StageResult.Outcome.FAILED_NOT_RESTORED, null, suite, null, null,
                "staged migration FAILED: " + withoutFinalPeriod(failure)
                        + ". The database was NOT restored (--skip-backup was given)");
    }

    /** @param why a sentence (or nothing) saying why the restore is needed */
    private StageResult restore(int number, Backup backup, SuiteResult suite, String failure, String why) {
        String before = checksum(backup);
        String failed = "staged migration FAILED: " + withoutFinalPeriod(withoutRepairAdvice(failure)) + ". " + why;
        try {
            RestoreResult restored = step(number, "restore", () -> backups.restore(backup, target));
            String after = DataChecksum.of(restored.state().data());
            return new StageResult(StageResult.Outcome.FAILED_RESTORED, backup, suite, before, after,
                    failed + "The database was restored from " + backup.file() + " " + restored.protectionDescription()
                            + "; data checksum before " + before + ", after restore " + after
                            + (before.equals(after) ? " (identical)" : " (DIFFERENT)"));
        } catch (RehearsalException e) {
            return new StageResult(StageResult.Outcome.FAILED_NOT_RESTORED, backup, suite, before, null,
                    failed + "The automatic restore ALSO FAILED: " + withoutFinalPeriod(e.getMessage())
                            + ".\nTo try again by hand: `" + backup.restoreCommand(target) + "`");
        }
    }

    /**
     * The runner's advice (restore a backup, then run repair) is what the restore does: drop the
     * lines that only give it, never the reason itself.
     */
    static String withoutRepairAdvice(String failure) {
        String reason = failure.lines().filter(line -> !line.contains("`rehearsal repair`"))
                .collect(Collectors.joining("\n"));
        return reason.isBlank() ? failure : reason;
    }

    private static String withoutFinalPeriod(String text) {
        String stripped = text.strip();
        return stripped.endsWith(".") ? stripped.substring(0, stripped.length() - 1) : stripped;
    }

    private static String checksum(Backup backup) {
        return backup == null ? null : DataChecksum.of(backup.manifest().data());
    }

    private <T> T step(int number, String name, Supplier<T> work) {
        int total = STEPS;
        listener.stepStarted(number, total, name);
        long start = System.nanoTime();
        try {
            T result = work.get();
            boolean ok = !(result instanceof SuiteResult suite && !suite.passed())
                    && !(result instanceof CaptureCheck check && !check.equal());
            listener.stepFinished(number, total, name, ok, elapsedMillis(start), StepDetail.of(result));
            return result;
        } catch (RuntimeException e) {
            listener.stepFinished(number, total, name, false, elapsedMillis(start), "");
            throw e;
        }
    }

    private void skipped(int number, String name, String why) {
        listener.stepStarted(number, STEPS, name);
        listener.stepFinished(number, STEPS, name, true, 0, "skipped: " + why);
    }

    private static long elapsedMillis(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }

    @FunctionalInterface
    private interface ConnectionWork<T> {
        T run(Connection c) throws SQLException;
    }

    private <T> T withConnection(ConnectionWork<T> work) {
        try (Connection c = target.connect()) {
            return work.run(c);
        } catch (SQLException e) {
            throw new RehearsalException(ErrorCode.CONNECTION_FAILED, "cannot use " + target.displayUrl() + ": "
                    + e.getMessage(), e);
        }
    }
}
