package dev.rehearsal.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.rehearsal.rehearse.results.RehearsalResults;
import dev.rehearsal.report.model.ReadinessReport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

/**
 * Writes the rollback-readiness report: {@code rehearsal-report.html} (self-contained),
 * {@code rehearsal-report.json} (under {@code dev/rehearsal/report/report.schema.json}) and, when
 * the run had several migration sets, {@code index.html}. The engine calls it at the end of a run,
 * {@code rehearsal report} from a results file.
 *
 * @since 0.1
 */
public final class ReportWriter {
    public static final String HTML_FILE = "rehearsal-report.html";
    public static final String JSON_FILE = "rehearsal-report.json";
    public static final String INDEX_FILE = "index.html";

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ReportWriter() {
    }

    /**
     * Builds and writes the report.
     *
     * @param outDir created when missing; existing report files are replaced
     * @return the HTML file
     */
    public static Path write(RehearsalResults results, Path outDir, ReportOptions options) {
        return write(build(results, options), outDir);
    }

    /** Writes an already built report; see {@link #write(RehearsalResults, Path, ReportOptions)}. */
    public static Path write(ReadinessReport report, Path outDir) {
        try {
            Files.createDirectories(outDir);
            Path html = outDir.resolve(HTML_FILE);
            Files.writeString(html, HtmlReportWriter.report(report), StandardCharsets.UTF_8);
            JSON.writeValue(outDir.resolve(JSON_FILE).toFile(), report);
            if (report.suites().size() > 1) {
                Files.writeString(outDir.resolve(INDEX_FILE), HtmlReportWriter.index(report, HTML_FILE), StandardCharsets.UTF_8);
            }
            return html;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the report into " + outDir + ": check that it is a writable directory", e);
        }
    }

    /** The report model alone, as the files show it. */
    public static ReadinessReport build(RehearsalResults results, ReportOptions options) {
        return new ReportModelBuilder(options).build(results, Instant.now());
    }
}
