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
 * rolled back). Each row also carries the table format version, so an older Rehearsal refuses a
 * table written by a newer one instead of misreading it.
 */
public final class SchemaHistory {
    /** Bumped whenever the table's columns or meaning change. */
    public static final int FORMAT_VERSION = 1;
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

    public void createIfMissing(Connection c) throws SQLException {
        if (exists(c)) {
            checkFormat(c);
            return;
        }
        try (Statement s = c.createStatement()) {
            s.execute("create table " + q() + " ("
                    + "version varchar(" + MigrationVersion.MAX_LENGTH + ") not null primary key, "
                    + "name varchar(400) not null, "
                    + "checksum varchar(64) not null, "
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
        List<HistoryRow> rows = new ArrayList<>();
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select version, name, checksum, applied_at, execution_ms, batch, status, "
                        + "installed_by, statements_run, error from " + q())) {
            while (rs.next()) {
                rows.add(new HistoryRow(version(rs.getString(1)), rs.getString(2), rs.getString(3),
                        Instant.parse(rs.getString(4)), rs.getLong(5), rs.getInt(6),
                        HistoryStatus.fromColumn(rs.getString(7)), rs.getString(8), rs.getInt(9), rs.getString(10)));
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

    /** Inserts or replaces the row for {@code row.version()}, on the caller's connection and transaction. */
    public void write(Connection c, HistoryRow row) throws SQLException {
        delete(c, row.version());
        try (PreparedStatement insert = c.prepareStatement("insert into " + q()
                + " (version, name, checksum, applied_at, execution_ms, batch, status, installed_by, statements_run,"
                + " error, format_version) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            insert.setString(1, row.version().text());
            insert.setString(2, row.name());
            insert.setString(3, row.checksum());
            insert.setString(4, row.appliedAt().toString());
            insert.setLong(5, row.executionMillis());
            insert.setInt(6, row.batch());
            insert.setString(7, row.status().column());
            insert.setString(8, row.installedBy());
            insert.setInt(9, row.statementsRun());
            insert.setString(10, row.error());
            insert.setInt(11, FORMAT_VERSION);
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
