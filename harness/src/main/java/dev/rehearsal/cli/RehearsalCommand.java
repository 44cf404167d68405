package dev.rehearsal.cli;

import dev.rehearsal.ErrorCode;
import dev.rehearsal.RehearsalException;
import dev.rehearsal.database.JdbcUrls;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.ScopeType;

/** The {@code rehearsal} command line: a thin face over the same services the engine uses. */
// INHERIT: every subcommand answers --help and --version (picocli gives subcommands no version otherwise).
@Command(name = "rehearsal", mixinStandardHelpOptions = true, version = "rehearsal 0.1.0", scope = ScopeType.INHERIT,
        description = "Rehearse database migrations: apply, roll back, verify, back up, drill, report.",
        subcommands = {UpCommand.class, DownCommand.class, RedoCommand.class, ResetCommand.class, RefreshCommand.class,
                StatusCommand.class, VersionCommand.class, ValidateCommand.class, CreateCommand.class,
                RepairCommand.class, VerifyCommand.class, SnapshotCommand.class, DiffCommand.class,
                BackupCommand.class, StageCommand.class, DrillCommand.class, RehearseCommand.class, ReportCommand.class,
                CommandLine.HelpCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:success", "1:a migration, check or verification failed", "2:bad input or usage; nothing was changed",
                "3:rehearse only: a target's server could not be reached"})
public final class RehearsalCommand implements Runnable {

    public static void main(String[] args) {
        System.exit(run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args));
    }

    /** Runs the CLI with the given streams and returns the exit code (tests call this). */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        CommandLine cli = new CommandLine(new RehearsalCommand());
        cli.setOut(out);
        cli.setErr(err);
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            if (e instanceof RehearsalException r) {
                commandLine.getErr().println("error: " + r.getMessage());
                commandLine.getErr().flush();
                return r.code().exitCode();
            }
            commandLine.getErr().println("error: " + JdbcUrls.maskPasswords(String.valueOf(e)));
            commandLine.getErr().flush();
            return ErrorCode.MIGRATION_FAILED.exitCode();
        });
        int code = cli.execute(args);
        out.flush();
        err.flush();
        return code;
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(new CommandLine(this), "name a command, e.g. rehearsal up --url app.db");
    }
}
