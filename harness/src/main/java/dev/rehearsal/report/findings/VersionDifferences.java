package dev.rehearsal.report.findings;

import dev.rehearsal.rehearse.results.MigrationResult;
import dev.rehearsal.rehearse.results.StepResult;
import dev.rehearsal.rehearse.results.SuiteResult;
import dev.rehearsal.rehearse.results.TargetResult;
import dev.rehearsal.rehearse.results.Verdict;
import dev.rehearsal.report.model.Finding;
import dev.rehearsal.report.model.Severity;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The version matrix's finding: a proof that passes on one version of an engine and fails on
 * another ({@code postgres-17} against {@code postgres-13}, or {@code postgres} at its URL), so the
 * migration depends on the server version it meets in production.
 */
public final class VersionDifferences {
    public static final String KIND = "differs-between-versions";

    private VersionDifferences() {
    }

    /** One finding per migration and proof whose verdict differs between targets of the same engine. */
    public static List<Finding> find(SuiteResult suite) {
        Map<String, List<TargetResult>> byEngine = new LinkedHashMap<>();
        for (TargetResult target : suite.targets()) {
            byEngine.computeIfAbsent(engine(target.target()), e -> new ArrayList<>()).add(target);
        }
        List<Finding> findings = new ArrayList<>();
        byEngine.values().stream().filter(targets -> targets.size() > 1).forEach(targets -> differences(suite, targets, findings));
        return findings;
    }

    private static void differences(SuiteResult suite, List<TargetResult> targets, List<Finding> findings) {
        // migration version -> step id -> target -> verdict, in run order
        Map<String, Map<String, Map<String, Verdict>>> verdicts = new LinkedHashMap<>();
        Map<String, String> names = new LinkedHashMap<>();
        for (TargetResult target : targets) {
            for (MigrationResult migration : target.migrations()) {
                names.putIfAbsent(migration.version(), migration.version() + " " + migration.name());
                for (StepResult step : migration.steps()) {
                    verdicts.computeIfAbsent(migration.version(), v -> new LinkedHashMap<>())
                            .computeIfAbsent(step.step(), s -> new TreeMap<>()).put(target.target(), step.verdict());
                }
            }
        }
        verdicts.forEach((version, steps) -> steps.forEach((step, byTarget) -> {
            List<String> passed = byTarget.entrySet().stream().filter(e -> e.getValue() == Verdict.PASSED)
                    .map(Map.Entry::getKey).toList();
            List<String> failed = byTarget.entrySet().stream().filter(e -> e.getValue() == Verdict.FAILED)
                    .map(Map.Entry::getKey).toList();
            if (!passed.isEmpty() && !failed.isEmpty()) {
                findings.add(new Finding(Severity.WARNING, KIND, names.get(version),
                        suite.migrations() == null ? suite.name() : suite.migrations(), 0,
                        step + " passes on " + String.join(", ", passed) + " and fails on " + String.join(", ", failed)
                                + ": the migration depends on the server version"));
            }
        }));
    }

    /** {@code postgres-13} -> {@code postgres}. */
    private static String engine(String target) {
        int dash = target.indexOf('-');
        return dash < 0 ? target : target.substring(0, dash);
    }
}
