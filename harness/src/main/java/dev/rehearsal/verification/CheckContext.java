package dev.rehearsal.verification;

import dev.rehearsal.database.Dialect;
import dev.rehearsal.snapshot.data.TableFingerprint;
import dev.rehearsal.snapshot.schema.SchemaReader;
import dev.rehearsal.snapshot.schema.SchemaSnapshot;
import dev.rehearsal.snapshot.schema.Table;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** What checks run against: the connection, its dialect, the pre captures, and the schema read once. */
final class CheckContext {
    final Connection connection;
    final Dialect dialect;
    final Captures pre;
    private SchemaSnapshot schema;

    CheckContext(Connection connection, Dialect dialect, Captures pre) {
        this.connection = connection;
        this.dialect = dialect;
        this.pre = pre;
    }

    /** Read on first use: a suite of row counts never pays for a catalog read. */
    SchemaSnapshot schema() {
        if (schema == null) {
            schema = SchemaReader.read(connection, dialect, Set.of());
        }
        return schema;
    }

    /** Exact name first, then case-insensitive: suites say {@code media} whatever case the engine folds to. */
    Optional<Table> table(String name) {
        return schema().table(name).or(() -> schema().tables().stream()
                .filter(t -> t.name().equalsIgnoreCase(name)).findFirst());
    }

    /** The table's name as the engine spells it, or {@code name} unchanged when there is no such table. */
    String tableName(String name) {
        return table(name).map(Table::name).orElse(name);
    }

    /** The named table alone, or every table when {@code name} is null; empty when the named table is missing. */
    List<Table> tablesNamed(String name) {
        return name == null ? schema().tables() : table(name).map(List::of).orElse(List.of());
    }

    Outcome missingTable(String name) {
        return Outcome.broken("table " + name + " does not exist (" + tableNames() + ")");
    }

    /** {@code a, b, c} (at most 20), for "no such table" messages. */
    String tableNames() {
        String names = schema().tables().stream().limit(20).map(Table::name).collect(Collectors.joining(", "));
        return names.isEmpty() ? "the database has no tables" : "tables: " + names
                + (schema().tables().size() > 20 ? ", ..." : "");
    }

    long rowCount(String table) throws SQLException {
        return count("select count(*) from " + dialect.quote(tableName(table)));
    }

    /** Runs a {@code select count(*)}. */
    long count(String sql) throws SQLException {
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    TableFingerprint capture(String name) {
        return pre.get(name).orElseThrow(() -> new MissingCapture(name));
    }

    /** A check reads a capture that the given {@link Captures} lack: the check fails, the suite goes on. */
    static final class MissingCapture extends RuntimeException {
        MissingCapture(String name) {
            super("no pre capture '" + name + "': capture the pre state before the migration"
                    + " (rehearsal verify --capture-pre; from Java, VerificationSuite.capture) and pass it to verify");
        }
    }
}
