package dev.rehearsal.runner;

import dev.rehearsal.migration.Migration;
import dev.rehearsal.migration.MigrationVersion;
import dev.rehearsal.runner.history.HistoryRow;
import dev.rehearsal.runner.history.HistoryStatus;
import dev.rehearsal.runner.history.SchemaHistory;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** Writes the files' checksums into history rows: what {@code repair} realigns, and the format-1 rows brought forward. */
final class ChecksumAlignment {
    private final SchemaHistory history;
    private final List<Migration> migrations;

    ChecksumAlignment(SchemaHistory history, List<Migration> migrations) {
        this.history = history;
        this.migrations = migrations;
    }

    /**
     * Gives each row recorded with one checksum over up and down (format 1) separate up and down
     * checksums, where that checksum still matches the files: then both parts are known to be the
     * ones that ran. A row that no longer matches stays as it is (which part changed cannot be told;
     * {@code repair} accepts it). One transaction; the caller re-reads the rows.
     *
     * @return the versions brought forward
     */
    List<MigrationVersion> splitCombinedChecksums(Connection c, Map<MigrationVersion, HistoryRow> rows)
            throws SQLException {
        List<MigrationVersion> split = new ArrayList<>();
        List<HistoryRow> rewritten = new ArrayList<>();
        for (HistoryRow row : rows.values()) {
            Optional<Migration> file = file(row.version());
            if (row.hasCombinedChecksumOnly() && file.isPresent() && row.checksum().equals(file.get().checksum())) {
                rewritten.add(withChecksumsOf(row, file.get()));
                split.add(row.version());
            }
        }
        if (!rewritten.isEmpty()) {
            inOneTransaction(c, rewritten);
        }
        return split;
    }

    /**
     * Realigns the checksums of applied migrations with their files and clears failed entries, as
     * Flyway's repair does; one transaction on every engine. Returns one line per change.
     */
    List<String> repair(Connection c, Map<MigrationVersion, HistoryRow> rows) throws SQLException {
        c.setAutoCommit(false);
        List<String> changes = new ArrayList<>();
        for (HistoryRow row : rows.values()) {
            if (row.status() == HistoryStatus.FAILED) {
                history.delete(c, row.version());
                changes.add("removed failed entry " + row.version() + " " + row.name());
                continue;
            }
            Optional<Migration> file = file(row.version());
            if (row.status() == HistoryStatus.APPLIED && file.isPresent() && !alignedWith(row, file.get())) {
                history.write(c, withChecksumsOf(row, file.get()));
                changes.add("realigned checksum of " + row.version() + " " + row.name());
            }
        }
        c.commit();
        c.setAutoCommit(true);
        return changes;
    }

    private static boolean alignedWith(HistoryRow row, Migration m) {
        return row.checksum().equals(m.checksum()) && m.upChecksum().equals(row.upChecksum())
                && Objects.equals(m.downChecksum(), row.downChecksum());
    }

    private static HistoryRow withChecksumsOf(HistoryRow row, Migration m) {
        return new HistoryRow(row.version(), row.name(), m.checksum(), m.upChecksum(), m.downChecksum(),
                row.appliedAt(), row.executionMillis(), row.batch(), row.status(), row.installedBy(),
                row.statementsRun(), row.error());
    }

    private void inOneTransaction(Connection c, List<HistoryRow> rows) throws SQLException {
        boolean autoCommit = c.getAutoCommit();
        c.setAutoCommit(false);
        try {
            for (HistoryRow row : rows) {
                history.write(c, row);
            }
            c.commit();
        } catch (SQLException | RuntimeException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(autoCommit);
        }
    }

    private Optional<Migration> file(MigrationVersion version) {
        return migrations.stream().filter(m -> m.version().equals(version)).findFirst();
    }
}
