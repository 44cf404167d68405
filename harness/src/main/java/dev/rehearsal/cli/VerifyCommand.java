package dev.rehearsal.cli;

import dev.rehearsal.RehearsalException;
import dev.rehearsal.database.Target;
import dev.rehearsal.verification.Captures;
import dev.rehearsal.verification.SuiteLoader;
import dev.rehearsal.verification.SuiteResult;
import dev.rehearsal.verification.VerificationSuite;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code rehearsal verify --url ... --suite FILE [--pre captures.json]} runs a suite's post checks;
 * {@code --capture-pre [--out captures.json]} takes its pre captures before a real migration.
 * Exit 0: every error check passed; 1: one failed; 2: bad suite file or usage.
 */
@Command(name = "verify", mixinStandardHelpOptions = true,
        description = "Runs a verification suite's post checks against a database, or with --capture-pre takes"
                + " its pre captures before the migration.")
public final class VerifyCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--url", required = true, description = "JDBC URL, or a SQLite file path")
    String url;

    @Option(names = "--user", description = "database user")
    String user;

    @Option(names = "--password", description = "database password", arity = "0..1", interactive = true)
    String password;

    @Option(names = "--suite", required = true, description = "the suite YAML file")
    Path suiteFile;

    @Option(names = "--pre", description = "captures taken with --capture-pre before the migration")
    Path preFile;

    @Option(names = "--capture-pre", description = "take the pre captures instead of running the checks")
    boolean capturePre;

    @Option(names = "--out", description = "with --capture-pre: the captures file to write (stdout when absent)")
    Path out;

    @Override
    public Integer call() {
        PrintWriter stdout = spec.commandLine().getOut();
        try {
            VerificationSuite suite = SuiteLoader.load(suiteFile);
            Target target = Target.of(url, user, password);
            try (Connection c = target.connect()) {
                if (capturePre) {
                    return writeCaptures(suite, suite.capture(c, target.dialect()), stdout);
                }
                Captures pre = preFile == null ? Captures.none() : Captures.read(preFile);
                SuiteResult result = suite.verify(c, target.dialect(), pre);
                stdout.println(result.render());
                return result.passed() ? 0 : 1;
            }
        } catch (RehearsalException e) {
            spec.commandLine().getErr().println("rehearsal verify: " + e.getMessage());
            return e.code().exitCode();
        } catch (IOException | SQLException e) {
            spec.commandLine().getErr().println("rehearsal verify: " + e.getMessage());
            return 1;
        }
    }

    private int writeCaptures(VerificationSuite suite, Captures captures, PrintWriter stdout) throws IOException {
        if (out == null) {
            stdout.println(captures.toJson());
            return 0;
        }
        Files.writeString(out, captures.toJson() + "\n");
        stdout.println("captured " + captures.tables().size() + " table(s) for suite " + suite.name() + " into " + out);
        captures.tables().forEach((name, fingerprint) ->
                stdout.println("  pre." + name + ": " + fingerprint.table() + ", " + fingerprint.rowCount() + " rows"));
        return 0;
    }
}
