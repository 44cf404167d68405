package dev.rehearsal.backup;

import dev.rehearsal.ErrorCode;
import dev.rehearsal.RehearsalException;
import dev.rehearsal.database.Target;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.Optional;

/**
 * The table a restore that cannot be one transaction (MariaDB) leaves in the target from before it
 * changes anything until the restored content is checked: if the restore is cut off (kill -9, a lost
 * connection), the half-restored database says so to every command that opens it, naming the
 * safety backup and the command that brings it back. A table in the target rather than a file
 * beside the backups, because every command and every machine that reaches the database sees it,
 * while only commands given the same backup directory would see a file. Its {@code rehearsal_} name
 * keeps it out of snapshots and fingerprints; dumps leave it out.
 */
final class RestoreMarker {
    static final String TABLE = "rehearsal_restore_marker";

    private RestoreMarker() {
    }

    /**
     * Creates the marker on {@code c} unless one is there already: a marker left by an earlier
     * interrupted restore names the state from before that one, which is what must be kept.
     */
    static void place(Connection c, Target target, String note) throws SQLException {
        // One statement creates the table with its row, so a kill cannot leave a marker without a note;
        // when the table exists already, it changes nothing.
        try (PreparedStatement create = c.prepareStatement("create table if not exists "
                + target.dialect().quote(TABLE) + " as select cast(? as char(4000)) as note,"
                + " cast(? as char(40)) as placed_at")) {
            create.setString(1, note);
            create.setString(2, Instant.now().toString());
            create.execute();
        }
    }

    /** Removes the marker once the restored content was checked. */
    static void clear(Target target) {
        try (Connection c = target.connect(); Statement s = c.createStatement()) {
            s.execute("drop table if exists " + target.dialect().quote(TABLE));
        } catch (SQLException e) {
            throw new RehearsalException(ErrorCode.BACKUP_FAILED, "the restore into " + target.displayUrl()
                    + " was checked, but its marker table " + TABLE + " cannot be dropped: " + e.getMessage()
                    + "; drop it by hand", e);
        }
    }

    /** The note of a marker in {@code target}; empty when there is none or the database cannot be read. */
    static Optional<String> find(Target target) {
        try (Connection c = target.connect()) {
            DatabaseMetaData meta = c.getMetaData();
            try (ResultSet tables = meta.getTables(c.getCatalog(), null, TABLE, new String[] {"TABLE"})) {
                if (!tables.next()) {
                    return Optional.empty();
                }
            }
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select note, placed_at from "
                    + target.dialect().quote(TABLE))) {
                return rs.next() ? Optional.of(rs.getString(1) + " (marked " + rs.getString(2) + ")")
                        : Optional.of("an interrupted restore left " + target.displayUrl() + " partly restored");
            }
        } catch (SQLException | RehearsalException e) {
            return Optional.empty(); // unreachable or missing: the command itself says so
        }
    }
}
