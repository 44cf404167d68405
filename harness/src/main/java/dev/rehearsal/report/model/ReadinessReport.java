package dev.rehearsal.report.model;

import java.util.List;

/**
 * Everything the rollback-readiness report shows, as written to {@code rehearsal-report.json}
 * under {@code report.schema.json}.
 *
 * @param reportFormat the schema version; bumped when a field's meaning changes, fields are only added otherwise
 * @since 0.1
 */
public record ReadinessReport(int reportFormat, Readiness readiness, String reason, Environment environment,
        List<SuiteReport> suites) {
    public static final int FORMAT = 1;

    public ReadinessReport {
        suites = List.copyOf(suites);
    }
}
