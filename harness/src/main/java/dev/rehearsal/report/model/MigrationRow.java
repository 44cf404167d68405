package dev.rehearsal.report.model;

import java.util.List;

/** One matrix row: a migration on one target, one cell per proof column. */
public record MigrationRow(String version, String name, boolean hasRollback, boolean needsBackup, boolean lossy,
        List<ProofCell> proofs, Timings timings) {

    public MigrationRow {
        proofs = List.copyOf(proofs);
    }
}
