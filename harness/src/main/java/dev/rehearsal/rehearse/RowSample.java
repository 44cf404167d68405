package dev.rehearsal.rehearse;

import dev.rehearsal.database.IsolatedDatabase;
import dev.rehearsal.migration.Migration;
import dev.rehearsal.runner.MigrationRunner;
import dev.rehearsal.snapshot.data.DatabaseFingerprint;
import dev.rehearsal.snapshot.data.FingerprintDiffer;
import dev.rehearsal.snapshot.data.Fingerprinter;
import dev.rehearsal.snapshot.data.RowDiffer;
import dev.rehearsal.snapshot.diff.Diff;
import dev.rehearsal.snapshot.diff.Difference;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.function.Predicate;

/**
 * The differing rows behind a failed data comparison of a target run: the compared state is gone,
 * so it is rebuilt on a scratch database and read row by row against the run's database.
 */
final class RowSample {
    private RowSample() {
    }

    /**
     * The differing rows behind a failed comparison with the state before migration {@code index}'s
     * up, by primary key (at most {@link RowDiffer#DEFAULT_SAMPLE} per table). That state is gone, so
     * it is rebuilt on a scratch database exactly as the run built it (migrations and fixtures
     * before {@code index}); the sample is only given when the rebuilt fingerprint equals
     * {@code before}, so it never shows rows of a state that was not the real one. Costs nothing
     * unless a comparison failed.
     */
    static String beforeUp(TargetRun run, int index, DatabaseFingerprint before, Diff differences, String beforeLabel,
            String afterLabel) {
        return rebuildAndCompare(run, index, index,
                again -> FingerprintDiffer.compare(before, again, beforeLabel, "rebuilt").isEmpty(),
                differences, beforeLabel, afterLabel);
    }

    /**
     * As {@link #beforeUp}, against the state after migration {@code index}'s first up:
     * rebuilt as the state before up plus the up, and used only when {@code isAfterUp} accepts its
     * fingerprint.
     */
    static String afterUp(TargetRun run, int index, Predicate<DatabaseFingerprint> isAfterUp, Diff differences,
            String beforeLabel, String afterLabel) {
        return rebuildAndCompare(run, index + 1, index, isAfterUp, differences, beforeLabel, afterLabel);
    }

    /**
     * Rebuilds the first {@code migrations} migrations on a scratch database, each of the first
     * {@code seeded} followed by its fixtures (or generated rows), and lists the rows of the tables {@code differences}
     * names that differ between it and the run's database.
     */
    private static String rebuildAndCompare(TargetRun run, int migrations, int seeded,
            Predicate<DatabaseFingerprint> isReference, Diff differences, String beforeLabel, String afterLabel) {
        List<String> tables = differences.differences().stream()
                .filter(d -> d instanceof Difference.Changed).map(Difference::subject).distinct().toList();
        if (tables.isEmpty()) {
            return null;
        }
        IsolatedDatabase scratch = run.freshDatabase();
        try {
            MigrationRunner rebuild = run.runner(scratch.target());
            for (int j = 0; j < migrations; j++) {
                Migration m = run.set().migrations().get(j);
                rebuild.up(m.version());
                if (j < seeded && run.seedsAfter(m)) {
                    try (Connection c = scratch.target().connect()) {
                        run.seed(c, m);
                    }
                }
            }
            try (Connection rebuilt = scratch.target().connect(); Connection now = run.connect()) {
                if (!isReference.test(Fingerprinter.fingerprint(rebuilt, run.dialect(), run.internalTables()))) {
                    return "(no row sample: rebuilding the state " + beforeLabel + " did not reproduce its fingerprint)";
                }
                Diff rows = Diff.empty(beforeLabel, afterLabel);
                for (String table : tables) {
                    rows = rows.plus(RowDiffer.compareRows(rebuilt, now, run.dialect(), table, RowDiffer.DEFAULT_SAMPLE,
                            beforeLabel, afterLabel));
                }
                return rows.isEmpty() ? null : rows.render();
            }
        } catch (SQLException | RuntimeException e) {
            return "(no row sample: " + e.getMessage() + ")";
        } finally {
            run.release(scratch);
        }
    }
}
