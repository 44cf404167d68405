package dev.rehearsal.cli;

import dev.rehearsal.ErrorCode;
import dev.rehearsal.RehearsalException;
import dev.rehearsal.database.Target;
import dev.rehearsal.verification.Capture;
import dev.rehearsal.verification.Captures;
import dev.rehearsal.verification.SuiteLoader;
import dev.rehearsal.verification.SuiteResult;
import dev.rehearsal.verification.VerificationSuite;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code rehearsal verify --url ... --suite FILE [--pre captures.json]} runs a suite's post checks;
 * {@code --capture-pre [--out captures.json]} takes its pre captures before a real migration.
 * Exit 0: every error check passed; 1: one failed; 2: bad suite file or usage.
 */
@Command(name = "verify", mixinStandardHelpOptions = true,
        description = "Run a verification suite's post checks against a database, or with --capture-pre take its"
                + " pre captures before the migration.")
final class VerifyCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    TargetOptions targetOptions;

    @Mixin
    SafetyOptions safety;

    @Option(names = "--suite", required = true, paramLabel = "FILE", description = "The suite YAML file.")
    Path suiteFile;

    @Option(names = "--pre", paramLabel = "FILE", description = "Captures taken with --capture-pre before the migration.")
    Path preFile;

    @Option(names = "--capture-pre", description = "Take the pre captures instead of running the checks.")
    boolean capturePre;

    @Option(names = "--out", paramLabel = "FILE",
            description = "With --capture-pre: the captures file to write (stdout when absent).")
    Path out;

    @Override
    public Integer call() throws IOException, SQLException {
        safety.guard("verify"); // its checks run the suite's own SQL on the target
        VerificationSuite suite = SuiteLoader.load(suiteFile);
        if (!capturePre && out != null) {
            throw new RehearsalException(ErrorCode.BAD_USAGE, "--out names the captures file of --capture-pre;"
                    + " without --capture-pre verify prints its summary and writes nothing");
        }
        if (capturePre && out != null) {
            OutputFile.checkWritable(out);
        }
        if (!capturePre && preFile == null && !suite.pre().isEmpty()) {
            // Without captures every pre-dependent check would fail like a real data problem.
            throw new RehearsalException(ErrorCode.BAD_USAGE, suiteFile + ": suite '" + suite.name() + "' compares with "
                    + suite.pre().size() + " pre capture(s) (" + suite.pre().stream().map(Capture::name)
                            .collect(Collectors.joining(", "))
                    + "); pass --pre FILE, written before the migration by `rehearsal verify --capture-pre --out FILE`");
        }
        if (capturePre && preFile != null) {
            throw new RehearsalException(ErrorCode.BAD_USAGE, "--capture-pre takes the captures before the migration and"
                    + " --pre passes them after it: give one of them");
        }
        Captures pre = preFile == null ? Captures.none() : Captures.read(preFile);
        List<String> missing = suite.pre().stream().map(Capture::name).filter(name -> !pre.tables().containsKey(name))
                .toList();
        if (preFile != null && !missing.isEmpty()) {
            throw new RehearsalException(ErrorCode.BAD_USAGE, preFile + " has no capture " + String.join(", ", missing)
                    + " that suite '" + suite.name() + "' (" + suiteFile + ") compares with; it holds "
                    + (pre.tables().isEmpty() ? "none" : String.join(", ", pre.tables().keySet()))
                    + ". Take it with `rehearsal verify --capture-pre --suite " + suiteFile + "` before the migration");
        }
        Target target = targetOptions.existingTarget();
        try (Connection c = target.connect()) {
            if (capturePre) {
                return writeCaptures(suite, suite.capture(c, target.dialect()));
            }
            SuiteResult result = suite.verify(c, target.dialect(), pre);
            spec.commandLine().getOut().println(result.render());
            return result.passed() ? 0 : 1;
        }
    }

    private int writeCaptures(VerificationSuite suite, Captures captures) throws IOException {
        PrintWriter stdout = spec.commandLine().getOut();
        if (out == null) {
            stdout.println(captures.toJson());
            return 0;
        }
        OutputFile.write(out, captures.toJson() + "\n");
        stdout.println("captured " + captures.tables().size() + " table(s) for suite " + suite.name() + " into " + out);
        captures.tables().forEach((name, fingerprint) ->
                stdout.println("  pre." + name + ": " + fingerprint.table() + ", " + fingerprint.rowCount() + " rows"));
        return 0;
    }
}
