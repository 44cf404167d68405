package dev.rehearsal.maven;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Element;

/** Reads how many rehearsal steps a sample build ran: from the plugin's summary line or Surefire's XML. */
final class BuildOutcomes {
    private static final Pattern SUMMARY =
            Pattern.compile("\\[INFO\\] Rehearsal: (\\d+) steps?, (\\d+) passed, (\\d+) failed, (\\d+) skipped");

    private BuildOutcomes() {
    }

    record Steps(int total, int passed, int failed, int skipped) {
    }

    /** The rehearse goal's summary line; fails when the log has none or more than one. */
    static Steps pluginSummary(SampleBuilds.Build build) {
        Matcher matcher = SUMMARY.matcher(build.log());
        if (!matcher.find()) {
            throw new AssertionError("no Rehearsal summary line in the build log:\n" + build.tail());
        }
        Steps steps = new Steps(Integer.parseInt(matcher.group(1)), Integer.parseInt(matcher.group(2)),
                Integer.parseInt(matcher.group(3)), Integer.parseInt(matcher.group(4)));
        if (matcher.find()) {
            throw new AssertionError("two Rehearsal summary lines in the build log:\n" + build.tail());
        }
        return steps;
    }

    /** Every target/surefire-reports/TEST-*.xml of the sample, added up (errors count as failed). */
    static Steps surefireReports(SampleBuilds.Build build) {
        Path reports = build.project().resolve("target/surefire-reports");
        int total = 0;
        int failed = 0;
        int skipped = 0;
        if (Files.isDirectory(reports)) {
            try (Stream<Path> files = Files.list(reports)) {
                for (Path file : files.filter(f -> f.getFileName().toString().matches("TEST-.*\\.xml")).toList()) {
                    Element suite = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(file.toFile())
                            .getDocumentElement();
                    total += count(suite, "tests");
                    failed += count(suite, "failures") + count(suite, "errors");
                    skipped += count(suite, "skipped");
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (Exception e) {
                throw new IllegalStateException("cannot read the Surefire reports in " + reports, e);
            }
        }
        return new Steps(total, total - failed - skipped, failed, skipped);
    }

    private static int count(Element suite, String attribute) {
        String value = suite.getAttribute(attribute);
        return value.isEmpty() ? 0 : Integer.parseInt(value);
    }
}
