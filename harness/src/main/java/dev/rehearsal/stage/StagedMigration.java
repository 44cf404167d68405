package dev.rehearsal.stage;

import dev.rehearsal.ErrorCode;
import dev.rehearsal.RehearsalException;
import dev.rehearsal.backup.Backup;
import dev.rehearsal.backup.BackupService;
import dev.rehearsal.backup.DataChecksum;
import dev.rehearsal.backup.RestoreResult;
import dev.rehearsal.backup.VerificationOutcome;
import dev.rehearsal.database.Target;
import dev.rehearsal.migration.MigrationVersion;
import dev.rehearsal.runner.DownScope;
import dev.rehearsal.runner.MigrationRunner;
import dev.rehearsal.runner.MigrationStatus;
import dev.rehearsal.runner.RunResult;
import dev.rehearsal.verification.Captures;
import dev.rehearsal.verification.SuiteResult;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * A migration with a safety net: back up (and verify the backup), take the suite's pre captures,
 * migrate, run the suite; when the migration or an error check fails, restore the backup and prove
 * the restored data fingerprint equals the one taken before.
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
     * before the migration (thrown, {@code BACKUP_FAILED}); a failed migration or check is returned
     * as a result, restored or not.
     *
     * @throws RehearsalException with a bad-input code (unknown version, bad files) before anything ran
     */
    public StageResult run(StageOptions options) {
        Optional<String> nothing = nothingToDo(options);
        if (nothing.isPresent()) {
            return new StageResult(StageResult.Outcome.NOTHING_TO_DO, null, null, null, null, nothing.get());
        }
        Backup backup = step(1, "backup", () -> backup(options));
        Captures pre = step(2, "capture", () -> options.suite() == null ? Captures.none()
                : withConnection(c -> options.suite().capture(c, target.dialect())));
        String failure;
        SuiteResult suiteResult = null;
        try {
            RunResult run = step(3, options.rollback() ? "rollback" : "migrate", () -> migrate(options));
            if (options.suite() != null) {
                suiteResult = step(4, "verify", () -> withConnection(c -> options.suite().verify(c, target.dialect(), pre)));
            } else {
                skipped(4, "verify", "no --suite given");
            }
            failure = suiteResult == null || suiteResult.passed() ? null
                    : "verification suite " + suiteResult.suite() + " failed (" + suiteResult.failures().size()
                            + " error check(s))";
            if (failure == null) {
                return succeeded(options, backup, suiteResult, run);
            }
        } catch (RehearsalException e) {
            failure = (options.rollback() ? "rollback" : "migration") + " failed: " + e.getMessage();
        }
        return failed(backup, suiteResult, failure);
    }

    private Optional<String> nothingToDo(StageOptions options) {
        Optional<MigrationVersion> current = runner.currentVersion();
        List<MigrationStatus> status = runner.status();
        if (options.to() != null && status.stream().noneMatch(s -> s.version().equals(options.to()))) {
            throw new RehearsalException(ErrorCode.UNKNOWN_VERSION, "no migration with version " + options.to()
                    + " in the migrations directory; nothing was changed");
        }
        if (options.rollback()) {
            boolean anyToRollBack = current.isPresent()
                    && (options.to() == null || current.get().compareTo(options.to()) > 0);
            return anyToRollBack ? Optional.empty() : Optional.of("nothing to roll back: "
                    + current.map(v -> "already at " + v.text()).orElse("no migration is applied"));
        }
        boolean anyPending = status.stream().anyMatch(s -> s.state().equals("pending")
                && (options.to() == null || s.version().compareTo(options.to()) <= 0));
        return anyPending ? Optional.empty() : Optional.of("nothing to migrate: already at "
                + current.map(MigrationVersion::text).orElse("no version (no migrations)"));
    }

    private Backup backup(StageOptions options) {
        if (options.skipBackup()) {
            listener.warning("--skip-backup: NO BACKUP is taken. If the migration or a check fails, nothing restores "
                    + target.displayUrl() + "; it stays as the failure left it");
            return null;
        }
        Backup backup = backups.create(target, options.backupDir(), runner.history().internalTables());
        VerificationOutcome verified = backups.verify(backup, false);
        if (!verified.ok()) {
            throw new RehearsalException(ErrorCode.BACKUP_FAILED, "the fresh backup fails verification; not migrating."
                    + " The database was not changed\n" + verified.render());
        }
        return backup;
    }

    private RunResult migrate(StageOptions options) {
        if (options.rollback()) {
            return runner.down(options.to() == null ? DownScope.last() : DownScope.to(options.to()));
        }
        return runner.up(options.to());
    }

    private StageResult succeeded(StageOptions options, Backup backup, SuiteResult suite, RunResult run) {
        String version = runner.currentVersion().map(MigrationVersion::text).orElse("no version");
        String summary = "staged " + (options.rollback() ? "rollback" : "migration") + " succeeded: "
                + (options.rollback() ? "rolled back " : "applied ") + run.executed().size() + " migration(s), now at "
                + version + (suite == null ? "" : "; suite " + suite.suite() + " passed")
                + (backup == null ? "; no backup was taken (--skip-backup)" : "; backup kept at " + backup.file());
        return new StageResult(StageResult.Outcome.SUCCEEDED, backup, suite, checksum(backup), null, summary);
    }

    private StageResult failed(Backup backup, SuiteResult suite, String failure) {
        if (backup == null) {
            listener.warning("no backup to restore (--skip-backup): " + target.displayUrl()
                    + " is left as the failure left it");
            return new StageResult(StageResult.Outcome.FAILED_NOT_RESTORED, null, suite, null, null,
                    "staged migration FAILED: " + failure + ". The database was NOT restored (--skip-backup was given)");
        }
        String before = checksum(backup);
        try {
            RestoreResult restored = step(STEPS + 1, "restore", () -> backups.restore(backup, target));
            String after = DataChecksum.of(restored.state().data());
            return new StageResult(StageResult.Outcome.FAILED_RESTORED, backup, suite, before, after,
                    "staged migration FAILED: " + failure + ". The database was restored from " + backup.file()
                            + "; data checksum before " + before + ", after restore " + after
                            + (before.equals(after) ? " (identical)" : " (DIFFERENT)"));
        } catch (RehearsalException e) {
            return new StageResult(StageResult.Outcome.FAILED_NOT_RESTORED, backup, suite, before, null,
                    "staged migration FAILED: " + failure + ". The automatic restore ALSO FAILED: " + e.getMessage()
                            + ". Restore by hand with `rehearsal backup restore " + backup.name() + " --dir "
                            + backup.file().getParent() + "`");
        }
    }

    private static String checksum(Backup backup) {
        return backup == null ? null : DataChecksum.of(backup.manifest().data());
    }

    private <T> T step(int number, String name, Supplier<T> work) {
        int total = number > STEPS ? number : STEPS;
        listener.stepStarted(number, total, name);
        long start = System.nanoTime();
        try {
            T result = work.get();
            boolean ok = !(result instanceof SuiteResult suite) || suite.passed();
            listener.stepFinished(number, total, name, ok, elapsedMillis(start), describe(result));
            return result;
        } catch (RuntimeException e) {
            listener.stepFinished(number, total, name, false, elapsedMillis(start), "FAILED");
            throw e;
        }
    }

    private void skipped(int number, String name, String why) {
        listener.stepStarted(number, STEPS, name);
        listener.stepFinished(number, STEPS, name, true, 0, "skipped: " + why);
    }

    private static String describe(Object result) {
        if (result == null) {
            return "skipped";
        }
        if (result instanceof Backup b) {
            return b.file() + ", " + b.manifest().sizeBytes() + " bytes, verified";
        }
        if (result instanceof Captures c) {
            return c.tables().isEmpty() ? "skipped: no pre captures" : c.tables().size() + " table(s) captured";
        }
        if (result instanceof RunResult r) {
            return r.executed().size() + " migration(s)";
        }
        if (result instanceof SuiteResult s) {
            return s.passed() ? "suite passed" : "suite FAILED";
        }
        if (result instanceof RestoreResult r) {
            return "data checksum " + DataChecksum.of(r.state().data()) + ", " + r.protectionDescription();
        }
        return "";
    }

    private static long elapsedMillis(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }

    @FunctionalInterface
    private interface ConnectionWork<T> {
        T run(Connection c);
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
