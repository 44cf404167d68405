package dev.rehearsal.drill;

import dev.rehearsal.ErrorCode;
import dev.rehearsal.RehearsalException;
import dev.rehearsal.backup.BackupService;
import dev.rehearsal.database.Target;
import dev.rehearsal.runner.MigrationRunner;
import dev.rehearsal.runner.history.SchemaHistory;
import dev.rehearsal.snapshot.schema.SchemaReader;
import dev.rehearsal.snapshot.schema.SchemaSnapshot;
import dev.rehearsal.snapshot.schema.Table;
import dev.rehearsal.snapshot.schema.View;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Whether a target is safe to drill on. Drills roll back, fail part-way and restore: on anything
 * but an empty or scratch database that destroys data, so callers check first.
 *
 * @since 0.1
 */
public final class DrillTargets {
    private static final int NAMES_SHOWN = 5;

    private DrillTargets() {
    }

    /**
     * Refuses a target an unfinished change marks, with the checks and messages of the migration
     * commands: a restore cut off part-way (MariaDB: {@link BackupService#refuseIfRestoreInterrupted},
     * naming the safety backup and the command that restores it), or a migration that failed or was
     * interrupted part-way ({@link MigrationRunner#refuseIfRepairNeeded}). A drill on top of either
     * would drill on a partial database, and its own repair would clear the operator's mark.
     *
     * @throws RehearsalException {@code BACKUP_FAILED} or {@code NEEDS_REPAIR}; nothing was changed
     */
    public static void refuseUnfinished(Target target, MigrationRunner runner) {
        new BackupService().refuseIfRestoreInterrupted(target);
        runner.refuseIfRepairNeeded();
    }

    /**
     * What the target already holds, or empty when it holds nothing (no table, no view, no
     * history row).
     *
     * @return e.g. {@code 3 tables or views: docs, images, users; 2 history rows in rehearsal_history}
     */
    public static Optional<String> contents(Target target, SchemaHistory history) {
        try (Connection c = target.connect()) {
            SchemaSnapshot schema = SchemaReader.read(c, target.dialect(), history.internalTables());
            int historyRows = history.rows(c).size();
            List<String> parts = new ArrayList<>();
            List<String> names = Stream.concat(schema.tables().stream().map(Table::name),
                    schema.views().stream().map(View::name)).toList();
            if (!names.isEmpty()) {
                parts.add(names.size() + " table" + (names.size() == 1 ? "" : "s") + " or view"
                        + (names.size() == 1 ? "" : "s") + ": " + String.join(", ", names.stream().limit(NAMES_SHOWN).toList())
                        + (names.size() > NAMES_SHOWN ? ", ..." : ""));
            }
            if (historyRows > 0) {
                parts.add(historyRows + " history row" + (historyRows == 1 ? "" : "s") + " in " + history.table());
            }
            return parts.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", parts));
        } catch (SQLException e) {
            throw new RehearsalException(ErrorCode.CONNECTION_FAILED,
                    "cannot look into " + target.displayUrl() + ": " + e.getMessage(), e);
        }
    }
}
