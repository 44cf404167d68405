package dev.rehearsal.rehearse.results;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Writes the results as a JUnit XML file, the format GitHub Actions, GitLab and Jenkins test
 * reporters read: one {@code testsuite} per migration set and target, one {@code testcase} per step;
 * a failure carries its message and diff, a skip its reason. The XML writer escapes every value.
 */
public final class JUnitXmlWriter {
    /** The file written into the output directory. */
    public static final String FILE = "rehearsal-junit.xml";

    private JUnitXmlWriter() {
    }

    /** @return the file written */
    public static Path write(RehearsalResults results, Path directory) {
        Path file = directory.resolve(FILE);
        try {
            Files.createDirectories(directory);
            try (OutputStream out = Files.newOutputStream(file)) {
                XMLStreamWriter xml = XMLOutputFactory.newInstance().createXMLStreamWriter(out, "UTF-8");
                xml.writeStartDocument("UTF-8", "1.0");
                xml.writeStartElement("testsuites");
                xml.writeAttribute("name", "rehearsal");
                for (SuiteResult suite : results.suites()) {
                    for (TargetResult target : suite.targets()) {
                        suite(xml, suite, target);
                    }
                }
                xml.writeEndElement();
                xml.writeEndDocument();
                xml.close();
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        } catch (XMLStreamException e) {
            throw new UncheckedIOException("cannot write " + file, new IOException(e));
        }
    }

    private static void suite(XMLStreamWriter xml, SuiteResult suite, TargetResult target) throws XMLStreamException {
        List<Case> cases = Stream.concat(target.migrations().stream().flatMap(m -> m.steps().stream()
                .map(s -> new Case("V" + m.version() + " " + m.name() + ": " + s.name(), s))),
                target.setSteps().stream().map(s -> new Case(s.name(), s))).toList();
        String name = suite.name() + " (" + target.target() + ")";
        xml.writeStartElement("testsuite");
        xml.writeAttribute("name", name);
        xml.writeAttribute("tests", Integer.toString(cases.size()));
        xml.writeAttribute("failures", Long.toString(count(cases, Verdict.FAILED)));
        xml.writeAttribute("skipped", Long.toString(count(cases, Verdict.SKIPPED)));
        xml.writeAttribute("time", seconds(cases.stream().mapToLong(c -> c.step().millis()).sum()));
        for (Case c : cases) {
            xml.writeStartElement("testcase");
            xml.writeAttribute("classname", name);
            xml.writeAttribute("name", c.name());
            xml.writeAttribute("time", seconds(c.step().millis()));
            StepResult step = c.step();
            if (step.verdict() == Verdict.FAILED) {
                xml.writeStartElement("failure");
                xml.writeAttribute("message", String.valueOf(step.message()).lines().findFirst().orElse(""));
                xml.writeCharacters(step.diffText() != null ? step.diffText() : String.valueOf(step.message()));
                xml.writeEndElement();
            } else if (step.verdict() == Verdict.SKIPPED) {
                xml.writeStartElement("skipped");
                xml.writeAttribute("message", String.valueOf(step.message()));
                xml.writeEndElement();
            } else if (step.message() != null) {
                xml.writeStartElement("system-out");
                xml.writeCharacters(step.message() + (step.diffText() == null ? "" : "\n" + step.diffText()));
                xml.writeEndElement();
            }
            xml.writeEndElement();
        }
        if (target.reason() != null && cases.isEmpty()) {
            xml.writeStartElement("system-err");
            xml.writeCharacters(target.reason());
            xml.writeEndElement();
        }
        xml.writeEndElement();
    }

    private record Case(String name, StepResult step) {
    }

    private static long count(List<Case> cases, Verdict verdict) {
        return cases.stream().filter(c -> c.step().verdict() == verdict).count();
    }

    private static String seconds(long millis) {
        return String.format(Locale.ROOT, "%.3f", millis / 1000.0);
    }
}
