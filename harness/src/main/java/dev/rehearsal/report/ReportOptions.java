package dev.rehearsal.report;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * How to build the report beyond what the results file holds.
 *
 * @param migrationsRoot where the suites' relative migrations directories resolve (for SQL findings); null: the working directory
 * @param rehearsalVersion printed in the environment section
 * @param evidence drill, fault, backup and verification proofs to place in the matrix
 * @param fixtureRows rows per fixture table, shown in the environment; empty when unknown
 * @since 0.1
 */
public record ReportOptions(Path migrationsRoot, String rehearsalVersion, List<ProofEvidence> evidence,
        Map<String, Long> fixtureRows) {
    /** The version the CLI reports. */
    public static final String REHEARSAL_VERSION = "0.1.0";

    public ReportOptions {
        migrationsRoot = migrationsRoot == null ? Path.of("") : migrationsRoot;
        rehearsalVersion = rehearsalVersion == null ? REHEARSAL_VERSION : rehearsalVersion;
        evidence = List.copyOf(evidence);
        fixtureRows = Map.copyOf(fixtureRows);
    }

    public static ReportOptions defaults() {
        return new ReportOptions(null, null, List.of(), Map.of());
    }

    public ReportOptions withMigrationsRoot(Path root) {
        return new ReportOptions(root, rehearsalVersion, evidence, fixtureRows);
    }

    public ReportOptions withEvidence(List<ProofEvidence> more) {
        return new ReportOptions(migrationsRoot, rehearsalVersion, more, fixtureRows);
    }

    public ReportOptions withFixtureRows(Map<String, Long> rows) {
        return new ReportOptions(migrationsRoot, rehearsalVersion, evidence, rows);
    }
}
