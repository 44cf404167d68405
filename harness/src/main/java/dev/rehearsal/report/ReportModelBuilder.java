package dev.rehearsal.report;

import dev.rehearsal.database.JdbcUrls;
import dev.rehearsal.rehearse.results.Coverage;
import dev.rehearsal.rehearse.results.MigrationResult;
import dev.rehearsal.rehearse.results.RehearsalResults;
import dev.rehearsal.rehearse.results.StepResult;
import dev.rehearsal.rehearse.results.SuiteResult;
import dev.rehearsal.rehearse.results.TargetResult;
import dev.rehearsal.migration.MigrationVersion;
import dev.rehearsal.report.findings.SqlFindings;
import dev.rehearsal.report.findings.VersionDifferences;
import dev.rehearsal.report.model.Environment;
import dev.rehearsal.report.model.Failure;
import dev.rehearsal.report.model.MigrationRow;
import dev.rehearsal.report.model.ProofCell;
import dev.rehearsal.report.model.ProofStatus;
import dev.rehearsal.report.model.ReadinessReport;
import dev.rehearsal.report.model.SuiteReport;
import dev.rehearsal.report.model.TargetReport;
import dev.rehearsal.report.model.Timings;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.Set;
import java.util.stream.Stream;

/** Turns engine results (plus drill, backup and verification evidence) into the report model. */
final class ReportModelBuilder {
    private final ReportOptions options;

    ReportModelBuilder(ReportOptions options) {
        this.options = options;
    }

    ReadinessReport build(RehearsalResults results, Instant now) {
        List<SuiteReport> suites = new ArrayList<>();
        List<Environment.Engine> engines = new ArrayList<>();
        for (SuiteResult suite : results.suites()) {
            SuiteReport report = suite(suite, suites.size());
            suites.add(report);
            for (int i = 0; i < report.targets().size(); i++) {
                TargetReport target = report.targets().get(i);
                engines.add(new Environment.Engine(suite.name(), target.target(), target.status(),
                        target.serverVersion(), target.maskedUrl(), mask(suite.targets().get(i).server())));
            }
        }
        ReadinessRules.Decision overall = ReadinessRules.overall(suites.stream()
                .map(s -> new ReadinessRules.Decision(s.readiness(), s.reason())).toList());
        Environment environment = new Environment(options.rehearsalVersion(), System.getProperty("java.version"),
                results.startedAt(), results.finishedAt(), now.toString(), engines, fixtureRows(results));
        return new ReadinessReport(ReadinessReport.FORMAT, overall.readiness(), overall.reason(), environment, suites);
    }

    /** The options' rows when given, else what each target loaded: {@code "<suite> / <target> / <source>: <table>"}. */
    private Map<String, Long> fixtureRows(RehearsalResults results) {
        if (!options.fixtureRows().isEmpty()) {
            return options.fixtureRows();
        }
        Map<String, Long> rows = new TreeMap<>();
        for (SuiteResult suite : results.suites()) {
            for (TargetResult target : suite.targets()) {
                target.seededRows().forEach((key, count) ->
                        rows.put(suite.name() + " / " + target.target() + " / " + key, count));
            }
        }
        return rows;
    }

    private SuiteReport suite(SuiteResult suite, int index) {
        List<TargetReport> targets = new ArrayList<>();
        for (TargetResult target : suite.targets()) {
            targets.add(target(suite, index, target));
        }
        ReadinessRules.Decision decision = ReadinessRules.suite(mask(suite.error()), targets);
        Set<String> backedUp = new LinkedHashSet<>();
        targets.forEach(t -> t.migrations().stream()
                .filter(r -> ReadinessRules.status(r, Proof.BACKUP_RESTORE) == ProofStatus.PASSED)
                .forEach(r -> backedUp.add(r.version())));
        var findings = new ArrayList<>(suite.migrations() == null ? List.<dev.rehearsal.report.model.Finding>of()
                : SqlFindings.find(options.migrationsRoot().resolve(suite.migrations()),
                        suite.targets().stream().map(TargetResult::target).toList(), backedUp));
        findings.addAll(VersionDifferences.find(suite));
        return new SuiteReport(suite.id(), suite.name(), suite.migrations(), mask(suite.error()), decision.readiness(),
                decision.reason(), targets, findings);
    }

    private TargetReport target(SuiteResult suite, int suiteIndex, TargetResult target) {
        List<MigrationRow> rows = new ArrayList<>();
        List<Failure> failures = new ArrayList<>();
        String anchorBase = "s" + suiteIndex + "-" + slug(target.target());
        long longest = 0;
        for (MigrationResult migration : target.migrations()) {
            List<ProofCell> cells = new ArrayList<>();
            String label = migration.version() + " " + migration.name();
            for (Proof proof : Proof.columns()) {
                ProofCell cell = cell(proof, migration.steps().stream()
                        .filter(s -> Proof.forStep(s.step()).orElse(null) == proof).map(Part::of).toList(),
                        evidence(suite, target.target(), migration.version(), proof));
                cells.add(cell);
                if (cell.status() == ProofStatus.FAILED && !cell.expectedDefect()) {
                    failures.add(new Failure(anchor(anchorBase, migration.version(), proof.id()), label, proof.title(),
                            cell.message(), cell.diffLines()));
                }
            }
            migration.steps().stream().filter(s -> Proof.forStep(s.step()).isEmpty()).map(Part::of)
                    .filter(Part::failedForReal).forEach(p -> failures.add(new Failure(
                            anchor(anchorBase, migration.version(), p.step()), label, p.name(), p.message(), p.diffLines())));
            Timings timings = timings(cells, Stream.concat(migration.steps().stream().map(Part::of),
                    evidence(suite, target.target(), migration.version(), null).stream()).toList());
            longest = Stream.of(timings.upMillis(), timings.downMillis(), timings.restoreMillis(), timings.recoveryMillis(),
                    timings.objectiveMillis()).filter(v -> v != null).mapToLong(Long::longValue).reduce(longest, Math::max);
            rows.add(new MigrationRow(migration.version(), migration.name(), migration.hasRollback(),
                    migration.needsBackup(), migration.lossy(), cells, timings));
        }
        List<ProofCell> setSteps = new ArrayList<>();
        for (StepResult step : target.setSteps()) {
            Part part = Part.of(step);
            ProofCell cell = cell(null, List.of(part), List.of()).withProof(step.step(), step.name());
            setSteps.add(cell);
            if (part.failedForReal()) {
                failures.add(new Failure(anchor(anchorBase, "set", step.step()), null, step.name(), cell.message(),
                        cell.diffLines()));
            }
        }
        String status = target.status() == null ? "SKIPPED" : target.status().name();
        if ("FAILED".equals(status) && failures.isEmpty()) {
            failures.add(new Failure(anchor(anchorBase, "target", "run"), null, "target run",
                    mask(target.reason() == null ? "failed without a recorded reason" : target.reason()), List.of()));
        }
        ReadinessRules.Decision decision = ReadinessRules.target(status, mask(target.reason()), rows, failures,
                Coverage.of(suite.id(), target));
        return new TargetReport(target.target(), decision.readiness(), decision.reason(), status,
                mask(target.maskedUrl()), target.serverVersion(), rows, setSteps, failures, longest);
    }

    private List<Part> evidence(SuiteResult suite, String target, String version, Proof proof) {
        return options.evidence().stream()
                .filter(e -> e.suite() == null || e.suite().equals(suite.id()) || e.suite().equals(suite.name()))
                .filter(e -> target.equals(e.target()) && sameVersion(version, e.version()))
                .filter(e -> proof == null || e.proof() == proof)
                .map(Part::of).toList();
    }

    /** @param drills steps and evidence; the first with an objective (the engine's backup restore) gives the recovery */
    private static Timings timings(List<ProofCell> cells, List<Part> drills) {
        Part recovery = drills.stream().filter(p -> p.objectiveMillis() != null).findFirst().orElse(null);
        return new Timings(millis(cells, Proof.APPLY), millis(cells, Proof.ROLLBACK_SCHEMA),
                millis(cells, Proof.BACKUP_RESTORE), recovery == null ? null : recovery.millis(),
                recovery == null ? null : recovery.objectiveMillis());
    }

    private static Long millis(List<ProofCell> cells, Proof proof) {
        return cells.stream().filter(c -> c.proof().equals(proof.id()))
                .filter(c -> c.status() != ProofStatus.NOT_RUN && c.status() != ProofStatus.SKIPPED)
                .map(ProofCell::millis).findFirst().orElse(null);
    }

    /** Several steps or drills in one column: the worst verdict shows, every reason and diff is kept. */
    private static ProofCell cell(Proof proof, List<Part> steps, List<Part> evidence) {
        List<Part> parts = Stream.concat(steps.stream(), evidence.stream()).toList();
        String id = proof == null ? "" : proof.id();
        String title = proof == null ? "" : proof.title();
        if (parts.isEmpty()) {
            return new ProofCell(id, title, ProofStatus.NOT_RUN, null, List.of(), 0, false);
        }
        ProofStatus status = parts.stream().map(Part::status).reduce(ReportModelBuilder::worse).orElseThrow();
        List<String> messages = parts.stream().map(Part::message).filter(m -> m != null && !m.isBlank()).distinct().toList();
        List<String> diff = parts.stream().flatMap(p -> p.diffLines().stream()).toList();
        return new ProofCell(id, title, status, messages.isEmpty() ? null : String.join("\n", messages),
                Diffs.capped(diff), parts.stream().mapToLong(Part::millis).sum(),
                parts.stream().anyMatch(Part::expectedDefect));
    }

    private static ProofStatus worse(ProofStatus a, ProofStatus b) {
        for (ProofStatus s : List.of(ProofStatus.FAILED, ProofStatus.WARNING, ProofStatus.PASSED, ProofStatus.SKIPPED)) {
            if (a == s || b == s) {
                return s;
            }
        }
        return ProofStatus.NOT_RUN;
    }

    static boolean sameVersion(String a, String b) {
        if (a == null || b == null) {
            return false;
        }
        if (MigrationVersion.isVersion(a) && MigrationVersion.isVersion(b)) {
            return MigrationVersion.parse(a).equals(MigrationVersion.parse(b));
        }
        return a.equals(b);
    }

    private static String anchor(String base, String version, String proof) {
        return "f-" + base + "-" + slug(version) + "-" + slug(proof);
    }

    private static String slug(String text) {
        return text == null ? "x" : text.replaceAll("[^A-Za-z0-9]+", "-");
    }

    /**
     * Masks by shape only: results carry no URL with its password, so a password a driver quoted out of
     * URL shape must already be masked where it was recorded (the engine's server probe and
     * {@code Target.connect} know the URL and mask it).
     */
    static String mask(String text) {
        return JdbcUrls.maskPasswords(text);
    }

    /** One step or one piece of evidence, passwords already masked. */
    private record Part(String step, String name, ProofStatus status, String message, List<String> diffLines,
            long millis, boolean expectedDefect, Long objectiveMillis) {

        static Part of(StepResult s) {
            return new Part(s.step(), s.name(), status(s.verdict()), mask(s.message()), Diffs.lines(mask(s.diffText())),
                    s.millis(), s.expectedDefect(), s.objectiveMillis());
        }

        static Part of(ProofEvidence e) {
            return new Part(e.proof().id(), e.proof().title(), status(e.verdict()), mask(e.message()),
                    Diffs.lines(mask(e.diffText())), e.millis(), false, e.objectiveMillis());
        }

        boolean failedForReal() {
            return status == ProofStatus.FAILED && !expectedDefect;
        }

        private static ProofStatus status(dev.rehearsal.rehearse.results.Verdict verdict) {
            return verdict == null ? ProofStatus.NOT_RUN : ProofStatus.valueOf(verdict.name());
        }
    }
}
