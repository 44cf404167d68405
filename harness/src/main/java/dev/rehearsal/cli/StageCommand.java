package dev.rehearsal.cli;

import dev.rehearsal.backup.BackupService;
import dev.rehearsal.migration.MigrationVersion;
import dev.rehearsal.runner.MigrationRunner;
import dev.rehearsal.stage.StageListener;
import dev.rehearsal.stage.StageOptions;
import dev.rehearsal.stage.StageResult;
import dev.rehearsal.stage.StagedMigration;
import dev.rehearsal.verification.SuiteLoader;
import dev.rehearsal.verification.VerificationSuite;
import java.io.PrintWriter;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code rehearsal stage}: back up, capture, migrate, verify; restore automatically on failure. */
@Command(name = "stage", mixinStandardHelpOptions = true,
        description = "Staged migration: back up (and verify the backup), take the suite's pre captures, migrate"
                + " (or roll back), run the suite; on failure restore the backup and prove the data is identical.")
final class StageCommand extends MigrationCommand {
    @Mixin
    SafetyOptions safety;

    @Option(names = "--suite", paramLabel = "FILE", description = "Verification suite to run after the migration.")
    Path suite;

    @Option(names = "--backup-dir", paramLabel = "DIR", defaultValue = "backups",
            description = "Backup directory (default: ${DEFAULT-VALUE}).")
    Path backupDir;

    private Path deprecatedDir;

    @Option(names = "--dir", paramLabel = "DIR", hidden = true, description = "Deprecated: --backup-dir.")
    void deprecatedDir(Path value) {
        DeprecatedOptions.note(spec, "--dir", "--backup-dir");
        deprecatedDir = value;
    }

    @Option(names = "--skip-backup", description = "Take no backup. Also turns the automatic restore off.")
    boolean skipBackup;

    @Option(names = "--rollback", description = "Roll back the last migration (or down to --to) instead of migrating up.")
    boolean rollback;

    @Option(names = "--to", paramLabel = "VERSION",
            description = "Up: stop after VERSION. With --rollback: roll back every migration newer than VERSION.")
    String to;

    @Override
    boolean createsDatabase() {
        return true;
    }

    @Override
    public Integer call() {
        safety.guard("stage");
        VerificationSuite verificationSuite = suite == null ? null : SuiteLoader.load(suite);
        MigrationRunner runner = runner();
        StageOptions options = StageOptions.up(deprecatedDir != null ? deprecatedDir : backupDir).withSuite(verificationSuite).withSkipBackup(skipBackup)
                .withRollback(rollback).withTo(to == null ? null : MigrationVersion.parse(to));
        StagedMigration staged = new StagedMigration(target(), runner, new BackupService(),
                new PrintingListener(out(), spec.commandLine().getErr()));
        StageResult result = staged.run(options);
        if (result.suite() != null) {
            out().println(result.suite().render());
        }
        PrintWriter summary = result.exitCode() == 0 ? out() : spec.commandLine().getErr();
        summary.println(result.summary());
        summary.flush();
        return result.exitCode();
    }

    /** {@code [1/4] backup ... done in 120 ms (detail)}. */
    private static final class PrintingListener implements StageListener {
        private final PrintWriter out;
        private final PrintWriter err;

        PrintingListener(PrintWriter out, PrintWriter err) {
            this.out = out;
            this.err = err;
        }

        @Override
        public void stepStarted(int number, int total, String step) {
            out.printf("%s %s ...%n", label(number, total), step);
            out.flush();
        }

        /** {@code [2/4]} for the planned steps; the steps after a failure are recovery, not more of the plan. */
        private static String label(int number, int total) {
            return number <= total ? "[" + number + "/" + total + "]" : "[recovery]";
        }

        @Override
        public void stepFinished(int number, int total, String step, boolean ok, long millis, String detail) {
            out.printf("%s %s ... %s in %d ms%s%n", label(number, total), step, ok ? "done" : "FAILED", millis,
                    detail.isEmpty() ? "" : " (" + detail + ")");
            out.flush();
        }

        @Override
        public void warning(String message) {
            out.flush();
            err.println("WARNING: " + message);
            err.flush();
        }
    }
}
