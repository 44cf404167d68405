package dev.rehearsal.engine.descriptor;

import dev.rehearsal.engine.Constants;
import dev.rehearsal.engine.config.RehearsalConfiguration;
import dev.rehearsal.engine.execution.RehearsalContext;
import dev.rehearsal.rehearse.plan.Shard;
import dev.rehearsal.rehearse.plan.SuitePlan;
import dev.rehearsal.rehearse.results.RehearsalResults;
import dev.rehearsal.rehearse.results.Placement;
import dev.rehearsal.rehearse.results.ResultsWriter;
import dev.rehearsal.rehearse.results.SuiteResult;
import dev.rehearsal.rehearse.results.TargetResult;
import dev.rehearsal.rehearse.results.TargetStatus;
import dev.rehearsal.report.ReportOptions;
import dev.rehearsal.report.ReportWriter;
import dev.rehearsal.report.model.ReadinessReport;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.support.descriptor.EngineDescriptor;
import org.junit.platform.engine.support.hierarchical.Node;

/**
 * The root: holds the configuration, read once per engine run (as Jupiter's engine descriptor does);
 * when every suite has run, writes the results model, then the readiness report built from it, and
 * stops any container servers.
 */
public final class RehearsalEngineDescriptor extends EngineDescriptor implements Node<RehearsalContext> {
    static final String REPORT_LINE = "Rehearsal readiness report: ";
    static final String SKIPPED_LINE = "Rehearsal: ";

    private final RehearsalConfiguration config;

    public RehearsalEngineDescriptor(UniqueId uniqueId, RehearsalConfiguration config) {
        super(uniqueId, "Rehearsal");
        this.config = config;
    }

    /** The engine's configuration, read once at discovery. */
    public RehearsalConfiguration configuration() {
        return config;
    }

    /** Keeps only {@code shard}'s part of what discovery selected (rehearsal.shard). */
    public void keepShard(Shard shard) {
        suites().forEach(s -> s.keepShard(shard));
    }

    private List<SuiteDescriptor> suites() {
        return getChildren().stream().filter(SuiteDescriptor.class::isInstance).map(SuiteDescriptor.class::cast)
                .toList();
    }

    @Override
    public void after(RehearsalContext context) {
        try {
            if (getChildren().isEmpty()) {
                return; // nothing was selected (e.g. Surefire asking every engine about Jupiter classes): keep the last results
            }
            List<SuitePlan> whole = suites().stream().map(SuiteDescriptor::whole).toList();
            List<SuitePlan> ran = suites().stream().map(SuiteDescriptor::selected).toList();
            RehearsalResults results = context.session().results(whole, ran);
            // A part (a one-node rerun, a shard) goes beside the full run's report, never over it.
            Placement placement = Placement.of(context.config().reportDirectory(), results, context.config().shard());
            Path directory = placement.directory();
            ResultsWriter.write(results, directory); // first: a report that fails to render must not cost the results
            if (placement.note() != null) {
                System.out.println("Rehearsal " + placement.note());
                context.publish(this, Map.of("partial", placement.note()));
            }
            printSkippedTargets(results, System.out);
            writeReport(context, results, directory, System.out);
        } finally {
            context.session().close();
        }
    }

    /**
     * One line per declared target that did not run, with the reason: a build log that only showed
     * the targets that ran would let a skipped PostgreSQL pass unnoticed.
     */
    private static void printSkippedTargets(RehearsalResults results, PrintStream out) {
        for (SuiteResult suite : results.suites()) {
            for (TargetResult target : suite.targets()) {
                if (target.status() == TargetStatus.SKIPPED) {
                    out.println(SKIPPED_LINE + suite.name() + " on " + target.target() + " SKIPPED: " + target.reason());
                }
            }
        }
    }

    /**
     * Renders the report and prints where it is, so a build log shows it. A failure to render is
     * printed and published, never thrown: the rehearsal's verdicts stand without it.
     */
    private void writeReport(RehearsalContext context, RehearsalResults results, Path directory, PrintStream out) {
        try {
            ReadinessReport report = ReportWriter.build(results, ReportOptions.defaults()
                    .withMigrationsRoot(context.config().paths().resolveForOutput(".")));
            Path html = ReportWriter.write(report, directory).toAbsolutePath();
            out.println(REPORT_LINE + html + " (" + report.readiness().label() + ")");
            context.publish(this, Map.of("report", html.toString(), "readiness", report.readiness().label()));
        } catch (RuntimeException e) {
            Path json = directory.resolve(Constants.RESULTS_FILE).toAbsolutePath();
            String message = "Rehearsal readiness report could not be written: " + e.getMessage()
                    + (e.getCause() == null ? "" : " (" + e.getCause() + ")") + "; the results are in " + json
                    + " (render them with `rehearsal report --from " + json + "`)";
            out.println(message);
            context.publish(this, Map.of("report-error", message));
        }
    }
}
