package dev.rehearsal.report.model;

import java.util.List;

/**
 * One migration set across its targets.
 *
 * @param error why the set could not run at all, or null
 * @param page the HTML file of this suite when the report has an index, else null
 */
public record SuiteReport(String id, String name, String migrations, String error, Readiness readiness, String reason,
        List<TargetReport> targets, List<Finding> findings, String page) {

    public SuiteReport {
        targets = List.copyOf(targets);
        findings = List.copyOf(findings);
    }

    public SuiteReport withPage(String page) {
        return new SuiteReport(id, name, migrations, error, readiness, reason, targets, findings, page);
    }
}
