package dev.rehearsal.cli;

import dev.rehearsal.ErrorCode;
import dev.rehearsal.RehearsalException;
import dev.rehearsal.backup.Backup;
import dev.rehearsal.backup.BackupService;
import dev.rehearsal.backup.VerificationOutcome;
import dev.rehearsal.database.Target;
import dev.rehearsal.migration.Migration;
import dev.rehearsal.migration.MigrationVersion;
import dev.rehearsal.runner.MigrationRunner;
import dev.rehearsal.runner.MigrationStatus;
import dev.rehearsal.runner.RunResult;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import picocli.CommandLine.Option;

/**
 * The safety net of the migration commands where a transaction cannot be one: MariaDB commits DDL
 * as it goes, and a script may opt out of its transaction. Before such a run, a backup is taken
 * and verified, named in the output and in any failure with the command that restores it.
 */
final class SafetyBackupOptions {
    @Option(names = "--backup-dir", paramLabel = "DIR", defaultValue = "backups",
            description = "Where the safety backup goes when a migration cannot run in a transaction (default: ${DEFAULT-VALUE}).")
    Path backupDir;

    @Option(names = "--no-backup",
            description = "Run migrations that cannot run in a transaction without taking a safety backup first.")
    boolean noBackup;

    /** What a command is about to do, for deciding whether anything will run at all. */
    enum Work {
        APPLY, ROLL_BACK, BOTH
    }

    /**
     * Runs {@code run}, first backing up the target when the run will execute a script outside a
     * transaction; a failure then names the backup and how to restore it.
     */
    RunResult protect(Target target, List<Migration> migrations, MigrationRunner runner, Work work,
            Supplier<RunResult> run, PrintWriter out) {
        if (!needsBackup(target, migrations, runner, work)) {
            return run.get();
        }
        String why = target.dialect().transactionalDdl() ? "a migration script opts out of its transaction"
                : target.dialect().name() + " commits DDL as it runs, so a migration cannot run in a transaction";
        if (noBackup) {
            out.println("WARNING: --no-backup: " + why + ", and NO BACKUP is taken; a failure part-way leaves"
                    + " the statements before it applied");
            out.flush();
            return run.get();
        }
        Backup backup = verifiedBackup(target, runner.history().internalTables());
        out.println("safety backup " + backup.file() + " (checksum and integrity verified): " + why);
        out.flush();
        try {
            return run.get();
        } catch (RehearsalException e) {
            if (e.code() != ErrorCode.MIGRATION_FAILED) {
                throw e; // a refusal (changed checksum, lock, repair needed): nothing ran, the backup is only kept
            }
            throw new RehearsalException(e.code(), e.getMessage() + restoreHint(backup, target), e);
        } catch (RuntimeException e) {
            throw new RehearsalException(ErrorCode.MIGRATION_FAILED, e.getMessage() + restoreHint(backup, target), e);
        }
    }

    private static String restoreHint(Backup backup, Target target) {
        return "\nA safety backup was taken before this command; to go back to the state before it: "
                + backup.restoreCommand(target);
    }

    private Backup verifiedBackup(Target target, Set<String> internalTables) {
        BackupService backups = new BackupService();
        Backup backup = backups.create(target, backupDir, internalTables);
        VerificationOutcome verified = backups.verify(backup, false);
        if (!verified.ok()) {
            throw new RehearsalException(ErrorCode.BACKUP_FAILED, "the safety backup " + backup.file()
                    + " fails verification; nothing was run:\n" + verified.render());
        }
        return backup;
    }

    /** Whether a script this command may run cannot run in a transaction: only the ones it can reach count. */
    private static boolean needsBackup(Target target, List<Migration> migrations, MigrationRunner runner, Work work) {
        Map<MigrationVersion, Migration> byVersion = new HashMap<>();
        migrations.forEach(m -> byVersion.put(m.version(), m));
        boolean ddlCommits = !target.dialect().transactionalDdl();
        for (MigrationStatus status : runner.status()) {
            Migration m = byVersion.get(status.version());
            if (m == null) {
                continue;
            }
            if (work != Work.ROLL_BACK && status.awaitsUp() && (ddlCommits || !m.up().transactional())) {
                return true;
            }
            if (work != Work.APPLY && status.isApplied() && m.down() != null
                    && (ddlCommits || !m.down().transactional() || (work == Work.BOTH && !m.up().transactional()))) {
                return true;
            }
        }
        return false;
    }
}
