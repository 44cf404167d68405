package dev.rehearsal.cli;

import dev.rehearsal.ErrorCode;
import dev.rehearsal.RehearsalException;
import dev.rehearsal.backup.Backup;
import dev.rehearsal.backup.BackupManifest;
import dev.rehearsal.backup.BackupService;
import dev.rehearsal.backup.DataChecksum;
import dev.rehearsal.backup.RestoreResult;
import dev.rehearsal.backup.VerificationOutcome;
import dev.rehearsal.database.Target;
import dev.rehearsal.runner.history.SchemaHistory;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code rehearsal backup create|list|verify|restore|delete}: thin faces over {@link BackupService}. */
@Command(name = "backup", mixinStandardHelpOptions = true,
        description = "Create, list, verify, restore and delete backups (with JSON manifests) in a backup directory.",
        subcommands = {BackupCommand.Create.class, BackupCommand.ListBackups.class, BackupCommand.Verify.class,
                BackupCommand.Restore.class, BackupCommand.Delete.class})
final class BackupCommand implements Runnable {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "name a subcommand: create, list, verify, restore or delete");
    }

    /** Options every backup subcommand has. */
    abstract static class BackupSubcommand implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--backup-dir", paramLabel = "DIR", defaultValue = "backups",
                description = "Backup directory (default: ${DEFAULT-VALUE}).")
        Path backupDir;

        private Path deprecatedDir;

        @Option(names = "--dir", paramLabel = "DIR", hidden = true, description = "Deprecated: --backup-dir.")
        void deprecatedDir(Path value) {
            DeprecatedOptions.note(spec, "--dir", "--backup-dir");
            deprecatedDir = value;
        }

        /** The backup directory: {@code --backup-dir}, or the deprecated {@code --dir} when that was given. */
        Path dir() {
            return deprecatedDir != null ? deprecatedDir : backupDir;
        }

        final BackupService backups = new BackupService();

        PrintWriter out() {
            return spec.commandLine().getOut();
        }

        PrintWriter err() {
            return spec.commandLine().getErr();
        }

        /** {@link BackupService#find}, saying which newer backups {@code latest} passed over and why. */
        Backup find(String name, boolean includeFailed) {
            if (!"latest".equals(name)) {
                return backups.find(dir(), name);
            }
            BackupService.Latest latest = backups.latest(dir(), includeFailed);
            for (Backup skipped : latest.skipped()) {
                err().println("skipped " + skipped.name() + ": taken while migration "
                        + String.join(", ", skipped.manifest().unfinishedMigrations())
                        + " (pass --include-failed to let 'latest' pick it)");
            }
            out().println("latest: " + latest.backup().name());
            return latest.backup();
        }

        /** Asks {@code question} on stdin; no answer (EOF, no terminal) means no. */
        boolean confirmed(String question) {
            out().print(question + " Type 'yes' to go on: ");
            out().flush();
            try {
                String answer = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
                out().println();
                return answer != null && List.of("yes", "y").contains(answer.trim().toLowerCase(Locale.ROOT));
            } catch (IOException e) {
                return false;
            }
        }
    }

    @Command(name = "create", mixinStandardHelpOptions = true, description = "Back up a database into the backup directory.")
    static final class Create extends BackupSubcommand {
        @Mixin
        TargetOptions targetOptions;

        @Option(names = "--history-table", paramLabel = "NAME", defaultValue = SchemaHistory.DEFAULT_TABLE,
                description = "History table (default: ${DEFAULT-VALUE}); left out of the manifest's snapshot.")
        String historyTable;

        @Override
        public Integer call() {
            Target target = targetOptions.existingTarget();
            SchemaHistory history = new SchemaHistory(target.dialect(), historyTable);
            long start = System.nanoTime();
            Backup backup = backups.create(target, dir(), history.internalTables());
            BackupManifest m = backup.manifest();
            out().printf("backup of %s written to %s in %d ms%n", m.sourceUrl(), backup.file(),
                    (System.nanoTime() - start) / 1_000_000);
            out().printf("  %s, sha256 %s, %s %s, last migration %s, data checksum %s%n", size(m.sizeBytes()),
                    m.sha256(), m.engine(), m.serverVersion(), m.lastMigration() == null ? "none" : m.lastMigration(),
                    DataChecksum.of(m.data()));
            return 0;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List backups, newest first.")
    static final class ListBackups extends BackupSubcommand {
        @Override
        public Integer call() {
            List<Backup> all = backups.list(dir());
            if (all.isEmpty()) {
                out().println("no backups in " + dir());
                return 0;
            }
            List<String[]> rows = new ArrayList<>();
            rows.add(new String[] {"NAME", "CREATED (UTC)", "ENGINE", "SERVER VERSION", "SIZE", "LAST MIGRATION",
                    "UNFINISHED MIGRATIONS", "TABLES", "SOURCE"});
            for (Backup b : all) {
                BackupManifest m = b.manifest();
                rows.add(new String[] {b.name(), TIME.format(m.createdAt()), m.engine(), m.serverVersion(),
                        size(m.sizeBytes()), m.lastMigration() == null ? "-" : m.lastMigration(),
                        m.hasUnfinishedMigration() ? String.join(", ", m.unfinishedMigrations()) : "-",
                        String.valueOf(m.data().tables().size()), m.sourceUrl()});
            }
            Tables.print(out(), rows);
            if (all.stream().anyMatch(b -> b.manifest().hasUnfinishedMigration())) {
                out().println("Backups with unfinished migrations were taken while a migration was failed or interrupted;"
                        + " 'latest' skips them unless --include-failed.");
            }
            return 0;
        }
    }

    @Command(name = "verify", mixinStandardHelpOptions = true,
            description = "Check a backup: its checksum against the manifest, the engine's integrity check, and with"
                    + " --trial-restore a restore into a scratch database that must match the manifest.")
    static final class Verify extends BackupSubcommand {
        @Parameters(paramLabel = "NAME", description = "Backup file name in the directory, a path, or 'latest'.")
        String name;

        @Option(names = "--trial-restore", description = "Also restore into a scratch database and compare.")
        boolean trialRestore;

        @Option(names = "--url", paramLabel = "URL",
                description = "Server for the trial restore (default: the manifest's source, when it holds no password).")
        String url;

        @Option(names = "--user", paramLabel = "USER", description = "Database user for --url.")
        String user;

        @Option(names = "--password-env", paramLabel = "VAR", defaultValue = "REHEARSAL_PASSWORD",
                description = "Environment variable holding the password for --url (default: ${DEFAULT-VALUE}).")
        String passwordVariable;

        @Option(names = "--include-failed",
                description = "Let 'latest' pick a backup taken while a migration was failed or interrupted.")
        boolean includeFailed;

        @Mixin
        SafetyOptions safety;

        @Override
        public Integer call() {
            if (trialRestore) {
                safety.guard("backup verify --trial-restore"); // it creates a scratch database on the server
            }
            Backup backup = find(name, includeFailed);
            VerificationOutcome outcome = url == null ? backups.verify(backup, trialRestore)
                    : backups.verify(backup, trialRestore ? Target.of(url, user, System.getenv(passwordVariable)) : null);
            (outcome.ok() ? out() : err()).println(outcome.render());
            return outcome.ok() ? 0 : 1;
        }
    }

    @Command(name = "restore", mixinStandardHelpOptions = true,
            description = "Replace a database's content with a backup. Refuses a backup that fails verification; asks"
                    + " for confirmation unless --force; checks the restored content against the manifest before it"
                    + " replaces anything (PostgreSQL: inside the restore's transaction; SQLite: a private side copy) or"
                    + " restores behind a verified safety backup of the target, restored automatically when the result"
                    + " differs (MariaDB). 'latest' skips backups taken while a migration was failed or interrupted.")
    static final class Restore extends BackupSubcommand {
        @Parameters(paramLabel = "NAME", description = "Backup file name in the directory, a path, or 'latest'.")
        String name;

        @Mixin
        TargetOptions targetOptions;

        @Mixin
        SafetyOptions safety;

        @Option(names = "--include-failed",
                description = "Let 'latest' pick a backup taken while a migration was failed or interrupted.")
        boolean includeFailed;

        @Override
        public Integer call() {
            Target target = targetOptions.targetEvenIfHalfRestored();
            safety.guard("backup restore");
            Backup backup = find(name, includeFailed);
            if (!safety.force && !confirmed(backup, target)) {
                err().println("restore cancelled: " + target.displayUrl() + " was not touched");
                return 1;
            }
            long start = System.nanoTime();
            RestoreResult restored = backups.restore(backup, target);
            out().printf("restored %s into %s %s in %d ms; data checksum %s matches the manifest%n", backup.name(),
                    target.displayUrl(), restored.protectionDescription(), (System.nanoTime() - start) / 1_000_000,
                    DataChecksum.of(restored.state().data()));
            return 0;
        }

        private boolean confirmed(Backup backup, Target target) {
            return confirmed(String.format(Locale.ROOT, "restore %s (taken %s UTC of %s) into %s? Everything in it is"
                    + " replaced.", backup.name(), TIME.format(backup.manifest().createdAt()), backup.manifest().sourceUrl(),
                    target.displayUrl()));
        }
    }

    @Command(name = "delete", mixinStandardHelpOptions = true, description = "Delete a backup and its manifest.")
    static final class Delete extends BackupSubcommand {
        @Parameters(paramLabel = "NAME", description = "Backup file name in the directory, or a path.")
        String name;

        @Mixin
        SafetyOptions safety;

        @Override
        public Integer call() {
            if ("latest".equals(name)) {
                throw new RehearsalException(ErrorCode.BAD_USAGE, "name the backup to delete; 'latest' is too easy to"
                        + " get wrong here");
            }
            safety.guard("backup delete");
            Backup backup = backups.find(dir(), name);
            if (!safety.force && !confirmed("delete " + backup.file() + " (taken " + TIME.format(backup.manifest().createdAt())
                    + " UTC of " + backup.manifest().sourceUrl() + ") and its manifest? It cannot be undone.")) {
                err().println("delete cancelled: " + backup.file() + " was kept");
                return 1;
            }
            backups.delete(backup);
            out().println("deleted " + backup.file() + " and its manifest");
            return 0;
        }
    }

    static String size(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        if (bytes < 1024 * 1024) {
            return String.format(Locale.ROOT, "%.1f KiB", bytes / 1024.0);
        }
        return String.format(Locale.ROOT, "%.1f MiB", bytes / (1024.0 * 1024));
    }
}
