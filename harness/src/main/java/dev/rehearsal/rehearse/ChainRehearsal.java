package dev.rehearsal.rehearse;

import dev.rehearsal.database.IsolatedDatabase;
import dev.rehearsal.migration.Migration;
import dev.rehearsal.migration.MigrationVersion;
import dev.rehearsal.runner.DownScope;
import dev.rehearsal.runner.MigrationRunner;
import dev.rehearsal.runner.ValidationReport;
import dev.rehearsal.runner.history.HistoryRow;
import dev.rehearsal.snapshot.diff.Diff;
import dev.rehearsal.snapshot.schema.SchemaDiffer;
import dev.rehearsal.snapshot.schema.SchemaReader;
import dev.rehearsal.snapshot.schema.SchemaSnapshot;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The set-level steps, each on a fresh database of its own (no fixtures): the full chain up and
 * back down to the baseline, and the history table the chain leaves behind.
 */
final class ChainRehearsal {
    private ChainRehearsal() {
    }

    /**
     * Up every migration, down to the baseline, compare the schema with the baseline. The baseline
     * is the empty database, or the state after the newest migration that cannot be rolled back
     * (declared irreversible, or without a down: the chain cannot go further back, and the
     * migration's own rollback step reports a missing down), so the chain still proves every
     * rollback after it.
     */
    static StepOutcome fullChain(TargetRun run) {
        return run.onFreshDatabase(db -> {
            MigrationRunner runner = run.runner(db.target());
            Optional<Migration> stop = run.set().migrations().stream()
                    .filter(m -> run.declarations().isIrreversible(m.version()) || !m.hasRollback()).reduce((a, b) -> b);
            stop.ifPresent(m -> runner.up(m.version()));
            String label = stop.map(m -> "after up to V" + m.version()).orElse("on the empty database");
            SchemaSnapshot baseline = schema(run, db);
            runner.up(null);
            runner.down(stop.map(m -> DownScope.to(m.version())).orElse(DownScope.all()));
            Diff diff = SchemaDiffer.compare(baseline, schema(run, db), label, "after the full rollback");
            if (!diff.isEmpty()) {
                throw new StepFailure("the full chain up and down did not return to the baseline:\n" + diff.render(),
                        diff.render());
            }
            return stop.isEmpty() ? StepOutcome.passed()
                    : StepOutcome.passed("rolled back to V" + stop.get().version() + ", the newest migration that"
                            + " cannot be rolled back (" + (run.declarations().isIrreversible(stop.get().version())
                                    ? "declared irreversible" : stop.get().missingRollbackReason()) + ")");
        });
    }

    /** Up every migration; the history must hold each version once, in order, with its SHA-256, and validate. */
    static StepOutcome history(TargetRun run) {
        return run.onFreshDatabase(db -> {
            MigrationRunner runner = run.runner(db.target());
            runner.up(null);
            List<HistoryRow> rows;
            try (Connection c = db.target().connect()) {
                rows = runner.history().rows(c);
            }
            List<String> problems = new ArrayList<>();
            Set<MigrationVersion> seen = new HashSet<>();
            HistoryRow previous = null;
            for (HistoryRow row : rows) {
                if (!seen.add(row.version())) {
                    problems.add("version " + row.version() + " appears twice");
                }
                if (row.checksum() == null || !row.checksum().matches("[0-9a-f]{64}")) {
                    problems.add("version " + row.version() + " has checksum '" + row.checksum() + "', not 64 hex digits");
                }
                if (previous != null && row.appliedAt().isBefore(previous.appliedAt())) {
                    problems.add("version " + row.version() + " was applied before " + previous.version());
                }
                previous = row;
            }
            List<MigrationVersion> expected = run.set().versions();
            List<MigrationVersion> recorded = rows.stream().map(HistoryRow::version).toList();
            if (!recorded.equals(expected)) {
                problems.add("history holds " + recorded + ", the set has " + expected);
            }
            ValidationReport validation = runner.validate();
            problems.addAll(validation.problems());
            if (!problems.isEmpty()) {
                throw new StepFailure("the history after the chain is wrong:\n" + String.join("\n", problems),
                        String.join("\n", problems));
            }
            return StepOutcome.passed();
        });
    }

    private static SchemaSnapshot schema(TargetRun run, IsolatedDatabase db) {
        try (Connection c = db.target().connect()) {
            return SchemaReader.read(c, db.target().dialect(), run.runner(db.target()).history().internalTables());
        } catch (SQLException e) {
            throw new IllegalStateException("cannot close a connection: " + e.getMessage(), e);
        }
    }
}
