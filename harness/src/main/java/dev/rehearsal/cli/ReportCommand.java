package dev.rehearsal.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.rehearsal.ErrorCode;
import dev.rehearsal.RehearsalException;
import dev.rehearsal.rehearse.results.RehearsalResults;
import dev.rehearsal.rehearse.results.ResultsWriter;
import dev.rehearsal.report.ReportOptions;
import dev.rehearsal.report.ReportWriter;
import dev.rehearsal.report.model.ReadinessReport;
import dev.rehearsal.report.model.Readiness;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code rehearsal report}: the rollback-readiness report from an engine run's results file. */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Write the rollback-readiness report (HTML and JSON) from rehearsal-results.json.")
final class ReportCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--from", paramLabel = "FILE", defaultValue = "reports/rehearsal-results.json",
            description = "The engine's results file (default: ${DEFAULT-VALUE}).")
    Path from;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "reports",
            description = "Where the report files go (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--migrations-root", paramLabel = "DIR", defaultValue = ".",
            description = "What the suites' migrations directories are relative to, for the SQL findings (default: ${DEFAULT-VALUE}).")
    Path migrationsRoot;

    @Option(names = "--fail-if-not-ready", description = "Exit 1 unless the verdict is READY.")
    boolean failIfNotReady;

    @Override
    public Integer call() {
        if (!Files.isRegularFile(from)) {
            throw new RehearsalException(ErrorCode.BAD_USAGE, from + ": no such results file; run the Rehearsal engine"
                    + " first (mvn test writes reports/rehearsal-results.json) or point --from at one");
        }
        RehearsalResults results;
        try {
            results = ResultsWriter.read(from);
        } catch (UncheckedIOException e) {
            String where = from.toString();
            String why = e.getCause().getMessage();
            if (e.getCause() instanceof JsonProcessingException json && json.getLocation() != null
                    && json.getLocation().getLineNr() > 0) {
                where += ":" + json.getLocation().getLineNr() + ":" + json.getLocation().getColumnNr();
                why = json.getOriginalMessage();
            }
            throw new RehearsalException(ErrorCode.BAD_USAGE, where + ": not a Rehearsal results file ("
                    + why.lines().findFirst().orElse("") + "); regenerate it with the engine", e);
        }
        ReportOptions options = ReportOptions.defaults().withMigrationsRoot(migrationsRoot);
        ReadinessReport report = ReportWriter.build(results, options);
        Path html = ReportWriter.write(report, out);
        Readiness readiness = report.readiness();
        PrintWriter printer = spec.commandLine().getOut();
        printer.println(html);
        printer.println(readiness.label());
        return failIfNotReady && readiness != Readiness.READY ? ErrorCode.CHECK_FAILED.exitCode() : 0;
    }
}
