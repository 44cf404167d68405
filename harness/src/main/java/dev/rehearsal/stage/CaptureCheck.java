package dev.rehearsal.stage;

import dev.rehearsal.backup.BackupManifest;
import dev.rehearsal.backup.DataChecksum;
import dev.rehearsal.database.Target;
import dev.rehearsal.migration.MigrationVersion;
import dev.rehearsal.runner.history.HistoryRow;
import dev.rehearsal.runner.history.HistoryStatus;
import dev.rehearsal.runner.history.SchemaHistory;
import dev.rehearsal.snapshot.diff.Diff;
import dev.rehearsal.verification.DatabaseSnapshot;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * After a migration failed on an engine whose transactions cover DDL: is the database still what
 * the backup's manifest captured just before? It is when no migration of the run stayed applied
 * (the history says so) and the schema snapshot and data fingerprint equal the capture; then the
 * backup is not needed.
 *
 * @param difference why the database is not as captured; null when it is
 * @param checksum the data checksum now; null when the check stopped before reading the data
 */
record CaptureCheck(String difference, String checksum) {
    private static final int DIFF_LINES_SHOWN = 10;

    boolean equal() {
        return difference == null;
    }

    static CaptureCheck differs(String why) {
        return new CaptureCheck(why, null);
    }

    static CaptureCheck of(Connection c, Target target, SchemaHistory history, List<HistoryRow> historyBefore,
            BackupManifest capture) throws SQLException {
        List<HistoryRow> historyNow = history.rows(c);
        Optional<HistoryRow> partial = historyNow.stream()
                .filter(r -> r.isPartialFailure() && !historyBefore.contains(r)).findFirst();
        if (partial.isPresent()) {
            HistoryRow row = partial.get();
            return differs("migration " + row.version() + " " + row.name() + (row.statementsRun() == HistoryRow.UNKNOWN_PROGRESS
                    ? " was interrupted without a transaction and may be partly applied"
                    : " ran without a transaction and left " + row.statementsRun() + " statement(s) applied"));
        }
        Set<MigrationVersion> before = applied(historyBefore);
        Set<MigrationVersion> now = applied(historyNow);
        if (!before.equals(now)) {
            return differs("migrations committed before the failure: applied now " + render(now) + ", before "
                    + render(before));
        }
        DatabaseSnapshot state = DatabaseSnapshot.take(c, target.dialect(), new HashSet<>(capture.excludedTables()));
        Diff diff = DatabaseSnapshot.compare(capture.state(), state, "in the capture", "now");
        String checksum = DataChecksum.of(state.data());
        if (diff.isEmpty()) {
            return new CaptureCheck(null, checksum);
        }
        List<String> lines = diff.render().lines().toList();
        String shown = lines.stream().limit(DIFF_LINES_SHOWN).collect(Collectors.joining("; "));
        return new CaptureCheck("it differs from the capture: " + shown
                + (lines.size() > DIFF_LINES_SHOWN ? "; and " + (lines.size() - DIFF_LINES_SHOWN) + " more" : ""),
                checksum);
    }

    private static Set<MigrationVersion> applied(List<HistoryRow> rows) {
        return rows.stream().filter(r -> r.status() == HistoryStatus.APPLIED).map(HistoryRow::version)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static String render(Set<MigrationVersion> versions) {
        return versions.isEmpty() ? "none" : versions.stream().map(MigrationVersion::text).collect(Collectors.joining(", "));
    }
}
