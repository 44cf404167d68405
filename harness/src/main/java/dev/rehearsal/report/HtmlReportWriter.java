package dev.rehearsal.report;

import dev.rehearsal.report.model.Readiness;
import dev.rehearsal.report.model.ReadinessReport;
import io.pebbletemplates.pebble.PebbleEngine;
import io.pebbletemplates.pebble.loader.ClasspathLoader;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Renders the report as one self-contained HTML page (CSS and JS inline, nothing fetched) with
 * Pebble, autoescaping on: table names, values and messages can hold markup and must show as text.
 */
final class HtmlReportWriter {
    private static final String RESOURCES = "dev/rehearsal/report/";
    private static final PebbleEngine PEBBLE = engine();

    /** A target that did not run, for the banner at the top. */
    public record SkippedTarget(String suite, String target, String reason) {
    }

    private HtmlReportWriter() {
    }

    static String report(ReadinessReport report) {
        Map<String, Object> context = base(report);
        List<SkippedTarget> skipped = new ArrayList<>();
        report.suites().forEach(s -> s.targets().stream().filter(t -> t.readiness() == Readiness.SKIPPED)
                .forEach(t -> skipped.add(new SkippedTarget(s.name(), t.target(), t.reason()))));
        context.put("skipped", skipped);
        context.put("proofColumns", Proof.columns());
        context.put("reportFile", "");
        context.put("js", resource("report.js"));
        return render("report.peb", context);
    }

    static String index(ReadinessReport report, String reportFile) {
        Map<String, Object> context = base(report);
        context.put("reportFile", reportFile);
        return render("index.peb", context);
    }

    private static Map<String, Object> base(ReadinessReport report) {
        Map<String, Object> context = new HashMap<>();
        context.put("report", report);
        context.put("css", resource("report.css"));
        return context;
    }

    private static String render(String template, Map<String, Object> context) {
        StringWriter out = new StringWriter();
        try {
            PEBBLE.getTemplate(template).evaluate(out, context);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot render " + template, e);
        }
        return out.toString();
    }

    private static String resource(String name) {
        try (InputStream in = HtmlReportWriter.class.getClassLoader().getResourceAsStream(RESOURCES + name)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCES + name + " is missing from the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCES + name, e);
        }
    }

    private static PebbleEngine engine() {
        ClasspathLoader loader = new ClasspathLoader(HtmlReportWriter.class.getClassLoader());
        loader.setPrefix(RESOURCES);
        return new PebbleEngine.Builder().loader(loader).autoEscaping(true).defaultEscapingStrategy("html")
                .strictVariables(true).newLineTrimming(false).extension(new ReportFilters()).build();
    }
}
