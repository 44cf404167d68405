package dev.rehearsal.cli;

import dev.rehearsal.rehearse.RehearsalListener;
import dev.rehearsal.rehearse.plan.NodeId;
import dev.rehearsal.rehearse.results.RehearsalResults;
import dev.rehearsal.rehearse.results.StepResult;
import dev.rehearsal.rehearse.results.Verdict;
import dev.rehearsal.report.model.Readiness;
import dev.rehearsal.report.model.ReadinessReport;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/** What {@code rehearsal rehearse} prints: one line per step as it finishes, then a summary. */
final class RehearseProgress implements RehearsalListener {
    private final PrintWriter out;

    RehearseProgress(PrintWriter out) {
        this.out = out;
    }

    /** {@code PASSED   sqlite   V1 create users: rollback restores schema (12 ms)}, then the message of anything not a plain pass. */
    @Override
    public void stepFinished(NodeId id, String migration, StepResult result) {
        String time = result.verdict() == Verdict.SKIPPED ? "" : " (" + result.millis() + " ms)";
        out.printf(Locale.ROOT, "%-8s %-8s %s%s%s%n", result.verdict(), id.target().id(),
                migration == null ? "" : migration + ": ", result.name(), time);
        if (result.message() != null && result.verdict() != Verdict.PASSED) {
            result.message().lines().limit(20).forEach(line -> out.println("         " + line));
        } else if (result.message() != null && !result.expectedDefect()) {
            // A pass with a note (a placeholder's rollback, a chain stopped early): one line says why it passed.
            result.message().lines().limit(1).forEach(line -> out.println("         " + line));
        }
        out.flush();
    }

    /** {@code SERVER   postgres-17: embedded PostgreSQL 17.12.0 (...), started in 2.1 s}. */
    @Override
    public void serverReady(NodeId id, String server) {
        out.printf(Locale.ROOT, "%-8s %s: %s%n", "SERVER", id.target().id(), server);
        out.flush();
    }

    @Override
    public void note(NodeId id, String message) {
        out.printf(Locale.ROOT, "%-8s %-8s %s%n", "NOTE", id.target() == null ? "" : id.target().id(), message);
        out.flush();
    }

    @Override
    public void containerFinished(NodeId id, String reason, boolean skipped) {
        String where = id.target() == null ? id.suite() : id.target().id() + (id.migration() == null ? "" : " V" + id.migration());
        out.printf(Locale.ROOT, "%-8s %s: %s%n", skipped ? "SKIPPED" : "FAILED", where, reason);
        out.flush();
    }

    /** @param note where a partial run's files went and why, or null */
    static void summary(PrintWriter out, RehearsalResults results, ReadinessReport report, String note, Path html,
            Path xml) {
        Map<Verdict, Integer> counts = new EnumMap<>(Verdict.class);
        results.suites().stream().flatMap(s -> s.targets().stream())
                .flatMap(t -> Stream.concat(t.migrations().stream().flatMap(m -> m.steps().stream()), t.setSteps().stream()))
                .forEach(s -> counts.merge(s.verdict(), 1, Integer::sum));
        out.println();
        out.printf(Locale.ROOT, "%d passed, %d warnings, %d failed, %d skipped%n", counts.getOrDefault(Verdict.PASSED, 0),
                counts.getOrDefault(Verdict.WARNING, 0), counts.getOrDefault(Verdict.FAILED, 0),
                counts.getOrDefault(Verdict.SKIPPED, 0));
        out.println("report: " + html.toAbsolutePath());
        out.println("junit xml: " + xml.toAbsolutePath());
        if (note != null) {
            out.println(note);
        }
        // INCOMPLETE names what did not run; the other verdicts stay one word (scripts read the last line).
        out.println(report.readiness() == Readiness.INCOMPLETE ? ReportCommand.incomplete(report)
                : report.readiness().label());
        out.flush();
    }
}
