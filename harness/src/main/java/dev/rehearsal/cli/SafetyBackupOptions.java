package dev.rehearsal.cli;

import dev.rehearsal.ErrorCode;
import dev.rehearsal.RehearsalException;
import dev.rehearsal.backup.Backup;
import dev.rehearsal.backup.BackupService;
import dev.rehearsal.backup.VerificationOutcome;
import dev.rehearsal.database.Target;
import dev.rehearsal.runner.BeforeChanges;
import dev.rehearsal.runner.PlannedScript;
import dev.rehearsal.runner.RunResult;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import picocli.CommandLine.Option;

/**
 * The safety net of the migration commands where a transaction cannot be one: MariaDB commits DDL
 * as it goes, and a script may opt out of its transaction. The backup is taken under the runner's
 * migration lock, once the run is planned and nothing refused it, and only when a script of that
 * plan runs without a transaction: so a refused run, or a runner that waited for another and finds
 * nothing to do, takes none, and no other runner changes the database while it is dumped. It is
 * verified, named in the output, in any failure and in the history's marker of a script that runs
 * without a transaction (what a runner killed mid-script leaves), with the command that restores it.
 */
final class SafetyBackupOptions {
    @Option(names = "--backup-dir", paramLabel = "DIR", defaultValue = "backups",
            description = "Where the safety backup goes when a migration cannot run in a transaction (default: ${DEFAULT-VALUE}).")
    Path backupDir;

    @Option(names = "--no-backup",
            description = "Run migrations that cannot run in a transaction without taking a safety backup first.")
    boolean noBackup;

    /** The hook for one run of {@code target}'s runner; {@link Net#protect} runs the command with it. */
    Net net(Target target, Set<String> internalTables, PrintWriter out) {
        return new Net(target, internalTables, out);
    }

    /** Takes the safety backup when the runner announces its plan, and names it in a failure. */
    final class Net implements BeforeChanges {
        private final Target target;
        private final Set<String> internalTables;
        private final PrintWriter out;
        private Backup backup;

        private Net(Target target, Set<String> internalTables, PrintWriter out) {
            this.target = target;
            this.internalTables = internalTables;
            this.out = out;
        }

        @Override
        public String beforeChanges(List<PlannedScript> plan) {
            if (plan.stream().allMatch(script -> script.transactional(target.dialect()))) {
                return null;
            }
            String why = target.dialect().transactionalDdl()
                    ? "a migration script opts out of its transaction or manages its own (BEGIN/COMMIT inside it)"
                    : target.dialect().name() + " commits DDL as it runs, so a migration cannot run in a transaction";
            if (noBackup) {
                out.println("WARNING: --no-backup: " + why + ", and NO BACKUP is taken; a failure part-way leaves"
                        + " the statements before it applied");
                out.flush();
                return null;
            }
            backup = verifiedBackup();
            out.println("safety backup " + backup.file() + " (checksum and integrity verified): " + why);
            out.flush();
            return "A safety backup was taken before this run; to go back to the state before it: "
                    + backup.restoreCommand(target);
        }

        /** Runs {@code run} with this hook in its runner; a failure after the backup names it. */
        RunResult protect(Supplier<RunResult> run) {
            try {
                return run.get();
            } catch (RehearsalException e) {
                if (backup == null || e.code() != ErrorCode.MIGRATION_FAILED) {
                    throw e; // a refusal (changed checksum, lock, repair needed): nothing ran
                }
                throw new RehearsalException(e.code(), e.getMessage() + restoreHint(), e);
            } catch (RuntimeException e) {
                if (backup == null) {
                    throw e;
                }
                throw new RehearsalException(ErrorCode.MIGRATION_FAILED, e.getMessage() + restoreHint(), e);
            }
        }

        private String restoreHint() {
            return "\nA safety backup was taken before this command; to go back to the state before it: "
                    + backup.restoreCommand(target);
        }

        private Backup verifiedBackup() {
            BackupService backups = new BackupService();
            Backup taken = backups.create(target, backupDir, internalTables);
            VerificationOutcome verified = backups.verify(taken, false);
            if (!verified.ok()) {
                throw new RehearsalException(ErrorCode.BACKUP_FAILED, "the safety backup " + taken.file()
                        + " fails verification; nothing was run:\n" + verified.render());
            }
            return taken;
        }
    }
}
