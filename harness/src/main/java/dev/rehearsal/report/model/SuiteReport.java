package dev.rehearsal.report.model;

import java.util.List;

/**
 * One migration set across its targets.
 *
 * @param error why the set could not run at all, or null
 */
public record SuiteReport(String id, String name, String migrations, String error, Readiness readiness, String reason,
        List<TargetReport> targets, List<Finding> findings) {

    public SuiteReport {
        targets = List.copyOf(targets);
        findings = List.copyOf(findings);
    }
}
