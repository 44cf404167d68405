package dev.rehearsal.runner.history;

import dev.rehearsal.ErrorCode;
import dev.rehearsal.RehearsalException;
import dev.rehearsal.database.Dialect;
import dev.rehearsal.migration.MigrationVersion;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * The history table: one row per migration version holding its latest state (applied, failed,
 * rolled back). Each row also carries the format version it was written in, so an older Rehearsal
 * refuses a table written by a newer one instead of misreading it. Format 2 keeps the up and down
 * checksums apart; a format-1 table is brought forward by {@link #createIfMissing} (see
 * {@link HistoryUpgrade}), and read as it is by {@link #rows} until then.
 */
public final class SchemaHistory {
    /** Bumped whenever the table's columns or meaning change. */
    public static final int FORMAT_VERSION = 2;
    /** The format of a row that carries only the checksum over up and down together. */
    static final int COMBINED_CHECKSUM_FORMAT = 1;
    public static final String DEFAULT_TABLE = "rehearsal_history";

    private final Dialect dialect;
    private final String table;
    private final List<MigrationVersion> known;

    /**
     * @throws RehearsalException BAD_USAGE when {@code table} is not a plain identifier or is longer than
     *     the engine keeps (PostgreSQL would truncate it silently, then find "its" table missing)
     */
    public SchemaHistory(Dialect dialect, String table) {
        if (table == null || !table.matches("[A-Za-z_][A-Za-z0-9_]*")) {
            throw new RehearsalException(ErrorCode.BAD_USAGE,
                    "history table name '" + table + "' is not a plain identifier (letters, digits, _)");
        }
        if (table.length() > dialect.maxIdentifierLength()) {
            throw new RehearsalException(ErrorCode.BAD_USAGE, "history table name '" + table + "' is "
                    + table.length() + " characters long; " + dialect.name() + " keeps at most "
                    + dialect.maxIdentifierLength() + ": choose a shorter --history-table");
        }
        this.dialect = dialect;
        this.table = table;
        this.known = List.of();
    }

    private SchemaHistory(SchemaHistory base, List<MigrationVersion> known) {
        this.dialect = base.dialect;
        this.table = base.table;
        this.known = List.copyOf(known);
    }

    /**
     * The same table, reading each stored version as the loaded migration with that version: the text
     * alone does not say how it orders (diesel's {@code 00000000000000} compares as text, as diesel does).
     */
    public SchemaHistory withVersions(List<MigrationVersion> versions) {
        return new SchemaHistory(this, versions);
    }

    public String table() {
        return table;
    }

    /** The lock table's name (used on SQLite, where the lock is a row). */
    public String lockName() {
        return table + "_lock";
    }

    /** Tables Rehearsal owns in a target database; snapshots and fingerprints leave them out. */
    public Set<String> internalTables() {
        return Set.of(table, lockName());
    }

    public boolean exists(Connection c) throws SQLException {
        DatabaseMetaData meta = c.getMetaData();
        for (String candidate : List.of(table, table.toUpperCase(), table.toLowerCase())) {
            try (ResultSet rs = meta.getTables(c.getCatalog(), null, candidate, new String[] {"TABLE"})) {
                while (rs.next()) {
                    if (rs.getString("TABLE_NAME").equalsIgnoreCase(table) && inCurrentSchema(c, rs.getString("TABLE_SCHEM"))) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private static boolean inCurrentSchema(Connection c, String schema) throws SQLException {
        String current = c.getSchema();
        return schema == null || current == null || schema.equalsIgnoreCase(current);
    }

    /**
     * Creates the table, or checks its format and brings an older layout forward in place.
     *
     * @return the columns an upgrade added, empty when there was none
     */
    public List<String> createIfMissing(Connection c) throws SQLException {
        if (exists(c)) {
            checkFormat(c);
            return HistoryUpgrade.upgrade(c, q());
        }
        try (Statement s = c.createStatement()) {
            s.execute("create table " + q() + " ("
                    + "version varchar(" + MigrationVersion.MAX_LENGTH + ") not null primary key, "
                    + "name varchar(400) not null, "
                    + "checksum varchar(64) not null, "
                    + "up_checksum varchar(64), "
                    + "down_checksum varchar(64), "
                    + "applied_at varchar(40) not null, "
                    + "execution_ms bigint not null, "
                    + "batch integer not null, "
                    + "status varchar(20) not null, "
                    + "installed_by varchar(200) not null, "
                    + "statements_run integer not null, "
                    + "error " + dialect.textType() + ", "
                    + "format_version integer not null)");
        }
        if (!c.getAutoCommit()) {
            c.commit();
        }
        return List.of();
    }

    private void checkFormat(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select max(format_version) from " + q())) {
            if (rs.next() && rs.getInt(1) > FORMAT_VERSION) {
                throw new RehearsalException(ErrorCode.HISTORY_TOO_NEW, "history table " + table
                        + " was written by a newer Rehearsal (format " + rs.getInt(1) + ", this one reads up to "
                        + FORMAT_VERSION + "); upgrade Rehearsal before running it against this database");
            }
        } catch (SQLException e) {
            if (e.getMessage() != null && e.getMessage().toLowerCase().contains("format_version")) {
                throw new RehearsalException(ErrorCode.HISTORY_TOO_NEW, "table " + table
                        + " exists but is not a Rehearsal history table (no format_version column); "
                        + "pass --history-table with another name", e);
            }
            throw e;
        }
    }

    /** All rows, ordered by version; empty when the table does not exist yet. */
    public List<HistoryRow> rows(Connection c) throws SQLException {
        if (!exists(c)) {
            return List.of();
        }
        checkFormat(c);
        // A read-only command (status, validate) reads a format-1 table as it is: no up/down checksums.
        String split = HistoryUpgrade.missingColumns(c, q()).isEmpty() ? "up_checksum, down_checksum" : "null, null";
        List<HistoryRow> rows = new ArrayList<>();
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select version, name, checksum, " + split + ", applied_at, execution_ms,"
                        + " batch, status, installed_by, statements_run, error from " + q())) {
            while (rs.next()) {
                rows.add(new HistoryRow(version(rs.getString(1)), rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getString(5), Instant.parse(rs.getString(6)), rs.getLong(7), rs.getInt(8),
                        HistoryStatus.fromColumn(rs.getString(9)), rs.getString(10), rs.getInt(11), rs.getString(12)));
            }
        }
        rows.sort(Comparator.comparing(HistoryRow::version));
        return rows;
    }

    /** A stored version: the loaded migration's when one has it, else read from its text. */
    private MigrationVersion version(String text) {
        for (MigrationVersion version : known) {
            if (version.text().equals(text)) {
                return version;
            }
        }
        return MigrationVersion.parse(text);
    }

    /**
     * Inserts or replaces the row for {@code row.version()}, on the caller's connection and transaction
     * (after {@link #createIfMissing}: the table has the current layout). A row without an up checksum
     * (a format-1 row put back as it was) keeps format_version 1.
     */
    public void write(Connection c, HistoryRow row) throws SQLException {
        delete(c, row.version());
        try (PreparedStatement insert = c.prepareStatement("insert into " + q()
                + " (version, name, checksum, up_checksum, down_checksum, applied_at, execution_ms, batch, status,"
                + " installed_by, statements_run, error, format_version) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            insert.setString(1, row.version().text());
            insert.setString(2, row.name());
            insert.setString(3, row.checksum());
            insert.setString(4, row.upChecksum());
            insert.setString(5, row.downChecksum());
            insert.setString(6, row.appliedAt().toString());
            insert.setLong(7, row.executionMillis());
            insert.setInt(8, row.batch());
            insert.setString(9, row.status().column());
            insert.setString(10, row.installedBy());
            insert.setInt(11, row.statementsRun());
            insert.setString(12, row.error());
            insert.setInt(13, row.hasCombinedChecksumOnly() ? COMBINED_CHECKSUM_FORMAT : FORMAT_VERSION);
            insert.executeUpdate();
        }
    }

    public void delete(Connection c, MigrationVersion version) throws SQLException {
        try (PreparedStatement delete = c.prepareStatement("delete from " + q() + " where version = ?")) {
            delete.setString(1, version.text());
            delete.executeUpdate();
        }
    }

    private String q() {
        return dialect.quote(table);
    }
}
