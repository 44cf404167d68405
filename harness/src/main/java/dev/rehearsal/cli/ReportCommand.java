package dev.rehearsal.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.rehearsal.ErrorCode;
import dev.rehearsal.RehearsalException;
import dev.rehearsal.rehearse.results.JUnitXmlWriter;
import dev.rehearsal.rehearse.results.RehearsalResults;
import dev.rehearsal.rehearse.results.ResultsMerger;
import dev.rehearsal.rehearse.results.ResultsWriter;
import dev.rehearsal.report.ReportOptions;
import dev.rehearsal.report.ReportWriter;
import dev.rehearsal.report.model.ReadinessReport;
import dev.rehearsal.report.model.Readiness;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code rehearsal report}: the rollback-readiness report from a run's results file, or from
 * several shards' results merged into one ({@code --merge}).
 */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Write the rollback-readiness report (HTML and JSON) from rehearsal-results.json, or merge the"
                + " results of shards (--merge) into one results file and report.")
final class ReportCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--from", paramLabel = "FILE", defaultValue = "reports/rehearsal-results.json",
            description = "The engine's results file (default: ${DEFAULT-VALUE}).")
    Path from;

    @Option(names = "--merge", paramLabel = "FILE", arity = "1..*",
            description = "Shards' results files to merge (rehearsal rehearse --shard K/N, rehearsal.shard=K/N): writes"
                    + " the merged " + ResultsWriter.FILE + ", JUnit XML and report into --out. Every planned step must"
                    + " appear exactly once: a missing or duplicated one makes the verdict INCOMPLETE and is named.")
    List<Path> merge;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "reports",
            description = "Where the report files go (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--migrations-root", paramLabel = "DIR", defaultValue = ".",
            description = "What the suites' migrations directories are relative to, for the SQL findings (default: ${DEFAULT-VALUE}).")
    Path migrationsRoot;

    @Option(names = "--fail-if-not-ready", description = "Exit 1 unless the verdict is READY (INCOMPLETE is not).")
    boolean failIfNotReady;

    @Override
    public Integer call() {
        PrintWriter printer = spec.commandLine().getOut();
        RehearsalResults results;
        if (merge != null) {
            if (spec.commandLine().getParseResult().hasMatchedOption("--from")) {
                throw new RehearsalException(ErrorCode.BAD_USAGE, "give --from (one results file) or --merge (several),"
                        + " not both");
            }
            results = ResultsMerger.merge(merge.stream().map(ReportCommand::read).toList());
            printer.println("merged " + merge.size() + " results file" + (merge.size() == 1 ? "" : "s") + " into "
                    + ResultsWriter.write(results, out));
            printer.println("junit xml: " + JUnitXmlWriter.write(results, out));
        } else {
            results = read(from);
        }
        ReportOptions options = ReportOptions.defaults().withMigrationsRoot(migrationsRoot);
        ReadinessReport report = ReportWriter.build(results, options);
        Path html = ReportWriter.write(report, out);
        Readiness readiness = report.readiness();
        printer.println(html);
        // INCOMPLETE names what did not run; the other verdicts stay one word (scripts read the last line).
        printer.println(readiness == Readiness.INCOMPLETE ? incomplete(report) : readiness.label());
        return failIfNotReady && readiness != Readiness.READY ? ErrorCode.CHECK_FAILED.exitCode() : 0;
    }

    /** {@code INCOMPLETE on sqlite: 3 of 26 proofs ran; not run: ...}: the verdict with what did not run. */
    static String incomplete(ReadinessReport report) {
        String label = report.readiness().label();
        return report.reason().startsWith(label) ? report.reason() : label + ": " + report.reason();
    }

    /** Reads a results file; a missing or malformed one is bad input naming the file (and line). */
    private static RehearsalResults read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new RehearsalException(ErrorCode.BAD_USAGE, file + ": no such results file; run the Rehearsal engine"
                    + " first (mvn test writes reports/rehearsal-results.json) or point --from at one");
        }
        try {
            return ResultsWriter.read(file);
        } catch (UncheckedIOException e) {
            String where = file.toString();
            String why = e.getCause().getMessage();
            if (e.getCause() instanceof JsonProcessingException json && json.getLocation() != null
                    && json.getLocation().getLineNr() > 0) {
                where += ":" + json.getLocation().getLineNr() + ":" + json.getLocation().getColumnNr();
                why = json.getOriginalMessage();
            }
            throw new RehearsalException(ErrorCode.BAD_USAGE, where + ": not a Rehearsal results file ("
                    + why.lines().findFirst().orElse("") + "); regenerate it with the engine", e);
        }
    }
}
