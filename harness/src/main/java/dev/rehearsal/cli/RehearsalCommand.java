package dev.rehearsal.cli;

import dev.rehearsal.ErrorCode;
import dev.rehearsal.RehearsalException;
import dev.rehearsal.database.JdbcUrls;
import java.io.PrintWriter;
import java.util.List;
import java.util.function.Predicate;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ScopeType;

/** The {@code rehearsal} command line: a thin face over the same services the engine uses. */
// INHERIT: every subcommand answers --help and --version (picocli gives subcommands no version otherwise).
@Command(name = "rehearsal", mixinStandardHelpOptions = true, version = "rehearsal 0.1.0", scope = ScopeType.INHERIT,
        description = "Rehearse database migrations: apply, roll back, verify, back up, drill, report.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:success", "1:a migration, check or verification failed; status: a migration needs repair", "2:bad input or usage; nothing was changed",
                "3:rehearse only: a target's server could not be reached"})
public final class RehearsalCommand implements Runnable {
    /**
     * The subcommands, in help order. Picocli reflects over every option, mixin and converter of a
     * command it registers; building all of them cost more than the rest of {@code --help}, so only
     * the command a run names is built, the others are a name and a description (see {@link #commandLine}).
     */
    static final List<Class<?>> SUBCOMMANDS = List.of(UpCommand.class, DownCommand.class, RedoCommand.class,
            ResetCommand.class, RefreshCommand.class, StatusCommand.class, VersionCommand.class, ValidateCommand.class,
            CreateCommand.class, RepairCommand.class, VerifyCommand.class, SnapshotCommand.class, DiffCommand.class,
            BackupCommand.class, StageCommand.class, DrillCommand.class, RehearseCommand.class, ReportCommand.class);

    public static void main(String[] args) {
        System.exit(run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args));
    }

    /** Runs the CLI with the given streams and returns the exit code (tests call this). */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        String named = args.length == 0 ? "" : args[0];
        // `help COMMAND` shows another command's options: that one needs its full model too.
        CommandLine cli = commandLine(name -> name.equals(named) || named.equals("help"));
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

    /**
     * The command line with the subcommands {@code built} accepts built in full and the others as
     * their name and description only (enough for the root's help and for picocli's "did you mean").
     */
    static CommandLine commandLine(Predicate<String> built) {
        CommandLine cli = new CommandLine(new RehearsalCommand());
        // The summaries are never run, so they need none of the options INHERIT passes down (--help,
        // --version): inheriting them cost as much as the rest of `--help`. Picocli cannot un-inherit
        // once an inheriting subcommand is in, so the summaries go first; a built command is the one
        // a run names (its place in the root's command list does not show).
        cli.getCommandSpec().scopeType(ScopeType.LOCAL);
        for (Class<?> command : SUBCOMMANDS) {
            Command annotation = command.getAnnotation(Command.class);
            if (!built.test(annotation.name())) {
                CommandSpec summary = CommandSpec.create().name(annotation.name());
                summary.usageMessage().description(annotation.description());
                cli.addSubcommand(annotation.name(), summary);
            }
        }
        cli.getCommandSpec().scopeType(ScopeType.INHERIT);
        for (Class<?> command : SUBCOMMANDS) {
            Command annotation = command.getAnnotation(Command.class);
            if (built.test(annotation.name())) {
                cli.addSubcommand(annotation.name(), command);
            }
        }
        cli.addSubcommand("help", new CommandLine.HelpCommand());
        return cli;
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(new CommandLine(this), "name a command, e.g. rehearsal up --url app.db");
    }
}
