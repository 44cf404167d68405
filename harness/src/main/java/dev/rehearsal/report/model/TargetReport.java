package dev.rehearsal.report.model;

import java.util.List;

/**
 * One migration set on one engine.
 *
 * @param status how the run ended: PASSED, FAILED or SKIPPED
 * @param reason the readiness in one line (for SKIPPED: why it did not run)
 * @param maskedUrl the server URL, passwords masked; null for SQLite
 * @param setSteps proofs over the whole set (full chain, history)
 * @param longestMillis the longest timing of any row, the scale of the timing chart
 */
public record TargetReport(String target, Readiness readiness, String reason, String status, String maskedUrl,
        String serverVersion, List<MigrationRow> migrations, List<ProofCell> setSteps, List<Failure> failures,
        long longestMillis) {

    public TargetReport {
        migrations = List.copyOf(migrations);
        setSteps = List.copyOf(setSteps);
        failures = List.copyOf(failures);
    }

    /** True when a drill measured some migration's recovery time against an objective. */
    public boolean hasRecoveryDrills() {
        return migrations.stream().anyMatch(m -> m.timings().withinObjective() != null);
    }

    /** The timing chart's geometry (not part of the JSON). */
    public TimingChart timingChart() {
        return TimingChart.of(migrations, longestMillis);
    }
}
