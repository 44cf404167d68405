package dev.rehearsal.runner;

import dev.rehearsal.migration.Migration;
import dev.rehearsal.migration.MigrationFormat;
import dev.rehearsal.migration.MigrationVersion;
import dev.rehearsal.runner.history.HistoryRow;
import dev.rehearsal.runner.history.HistoryStatus;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/** Where the history and the migration files disagree, one line per problem, each saying how to go on. */
final class HistoryChecks {
    /** Formats whose down script is a file of its own, so a deleted down file changes the checksum too. */
    private static final Set<MigrationFormat> SEPARATE_DOWN_FILES =
            EnumSet.of(MigrationFormat.PAIRED_FILES, MigrationFormat.DIESEL, MigrationFormat.FLYWAY);

    private final List<Migration> migrations;

    /** @param migrations sorted by version */
    HistoryChecks(List<Migration> migrations) {
        this.migrations = migrations;
    }

    /** Everything that stops {@code up}: modified or missing applied migrations, and, unless allowed, out-of-order ones. */
    List<String> beforeUp(Map<MigrationVersion, HistoryRow> rows, boolean allowOutOfOrder) {
        List<String> problems = new ArrayList<>(modified(rows));
        problems.addAll(missingFiles(rows));
        if (!allowOutOfOrder) {
            problems.addAll(outOfOrder(rows));
        }
        return problems;
    }

    /**
     * Applied migrations whose up part no longer matches the checksum recorded when they ran (for a
     * row recorded with one checksum over up and down, either part): these refuse {@code up} and
     * {@code down}. A changed down alone is {@link #changedDowns}.
     */
    List<String> modified(Map<MigrationVersion, HistoryRow> rows) {
        List<String> problems = new ArrayList<>();
        for (Migration m : migrations) {
            HistoryRow row = rows.get(m.version());
            if (!isApplied(rows, m.version())) {
                continue;
            }
            if (row.hasCombinedChecksumOnly() && !row.checksum().equals(m.checksum())) {
                problems.add("migration " + m.version() + " was modified after it was applied: " + changedFiles(m)
                        + " (checksum now " + m.checksum() + ", recorded " + row.checksum() + "; this history row"
                        + " predates separate up and down checksums, so which one changed cannot be told); restore"
                        + " the files as applied, or run `rehearsal repair` to accept the change");
            } else if (!row.hasCombinedChecksumOnly() && !row.upChecksum().equals(m.upChecksum())) {
                problems.add("migration " + m.version() + " was modified after it was applied: "
                        + m.up().fileName() + (m.up().file().equals(downFile(m)) ? " (its up section)" : "")
                        + " changed (up checksum now " + m.upChecksum() + ", recorded " + row.upChecksum()
                        + "); restore the files as applied, or run `rehearsal repair` to accept the change");
            }
        }
        return problems;
    }

    /**
     * Applied migrations whose down part changed since it was recorded while the up part did not:
     * the fix Rehearsal asks for when a rollback is broken. A warning, never a refusal: {@code down}
     * runs the file as it is now and records its checksum.
     */
    List<String> changedDowns(Map<MigrationVersion, HistoryRow> rows) {
        List<String> warnings = new ArrayList<>();
        for (Migration m : migrations) {
            HistoryRow row = rows.get(m.version());
            if (isApplied(rows, m.version()) && !row.hasCombinedChecksumOnly() && row.upChecksum().equals(m.upChecksum())
                    && !Objects.equals(row.downChecksum(), m.downChecksum())) {
                warnings.add(changedDown(m, row));
            }
        }
        return warnings;
    }

    private static String changedDown(Migration m, HistoryRow row) {
        String what = m.down() == null ? "its down script was removed"
                : row.downChecksum() == null ? "a down script was added (" + m.down().fileName() + ")"
                : m.down().fileName() + (m.down().file().equals(m.up().file()) ? " (its down section)" : "")
                        + " changed";
        return "the down script of migration " + m.version() + " changed since it was applied: " + what
                + "; `down` runs it as it is now";
    }

    private static Path downFile(Migration m) {
        return m.down() == null ? null : m.down().file();
    }

    List<String> missingFiles(Map<MigrationVersion, HistoryRow> rows) {
        List<String> problems = new ArrayList<>();
        for (HistoryRow row : rows.values()) {
            boolean onDisk = migrations.stream().anyMatch(m -> m.version().equals(row.version()));
            if (!onDisk && row.status() == HistoryStatus.APPLIED) {
                problems.add("applied migration " + row.version() + " (" + row.name() + ") is missing from disk");
            }
        }
        return problems;
    }

    List<String> outOfOrder(Map<MigrationVersion, HistoryRow> rows) {
        Optional<MigrationVersion> newest = rows.values().stream().filter(r -> r.status() == HistoryStatus.APPLIED)
                .map(HistoryRow::version).max(Comparator.naturalOrder());
        List<String> problems = new ArrayList<>();
        newest.ifPresent(top -> migrations.stream()
                .filter(m -> !isApplied(rows, m.version()) && m.version().compareTo(top) < 0)
                .forEach(m -> problems.add("pending migration " + m.version() + " is older than the newest applied one ("
                        + top + "): out of order; apply it with --allow-out-of-order")));
        return problems;
    }

    /**
     * Migrations that failed or were interrupted part-way and left {@code where} partly changed, one
     * line each saying what to do.
     */
    static List<String> partialFailures(Map<MigrationVersion, HistoryRow> rows, String where) {
        return rows.values().stream().filter(HistoryRow::isPartialFailure).map(row -> "migration " + row.version()
                + " " + row.name() + (row.statementsRun() == HistoryRow.UNKNOWN_PROGRESS ? " was interrupted" : " failed")
                + " part-way on " + where + " (" + progress(row) + ": " + row.error()
                + "). The database is partly changed; nothing may migrate until it is repaired:"
                + " fix it by hand or restore a backup, then run `rehearsal repair` before migrating again").toList();
    }

    private static String progress(HistoryRow row) {
        return row.statementsRun() == HistoryRow.UNKNOWN_PROGRESS
                ? "interrupted; an unknown number of statements stayed applied"
                : row.statementsRun() + " statement(s) stayed applied";
    }

    static boolean isApplied(Map<MigrationVersion, HistoryRow> rows, MigrationVersion version) {
        HistoryRow row = rows.get(version);
        return row != null && row.status() == HistoryStatus.APPLIED;
    }

    /**
     * The files a mismatch of a format-1 row can come from: it kept one checksum over the up and the
     * down script together (see {@code Checksums}), so when they are two files either may have changed.
     */
    private static String changedFiles(Migration m) {
        String up = m.up().fileName();
        if (m.down() != null && !m.down().file().equals(m.up().file())) {
            return up + " or " + m.down().fileName() + " changed";
        }
        if (m.down() == null && SEPARATE_DOWN_FILES.contains(m.format())) {
            return up + " changed or its down file was removed";
        }
        return up + " changed";
    }
}
