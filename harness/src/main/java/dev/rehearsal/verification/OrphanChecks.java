package dev.rehearsal.verification;

import dev.rehearsal.database.Dialects;
import dev.rehearsal.snapshot.schema.ForeignKey;
import dev.rehearsal.snapshot.schema.Table;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * no_orphans: SQLite answers with {@code PRAGMA foreign_key_check}; elsewhere one anti-join per
 * foreign key of the schema snapshot, counting child rows whose key is set but has no parent
 * (MATCH SIMPLE: a key with a NULL column is satisfied). Orphans arise where checks were off:
 * SQLite without {@code foreign_keys=ON}, MariaDB with {@code foreign_key_checks=0}, PostgreSQL
 * {@code NOT VALID} constraints or disabled triggers.
 */
final class OrphanChecks {
    private OrphanChecks() {
    }

    static Outcome noOrphans(Check.NoOrphans check, CheckContext context) throws SQLException {
        List<Table> tables = context.tablesNamed(check.table());
        if (check.table() != null && tables.isEmpty()) {
            return context.missingTable(check.table());
        }
        int keys = tables.stream().mapToInt(t -> t.foreignKeys().size()).sum();
        if (keys == 0) {
            return Outcome.held(check.table() == null ? "no foreign keys to check"
                    : context.tableName(check.table()) + " has no foreign keys");
        }
        Map<String, Long> orphans = context.dialect == Dialects.SQLITE
                ? sqliteOrphans(check.table() == null ? null : tables.get(0).name(), context)
                : antiJoinOrphans(tables, context);
        if (orphans.isEmpty()) {
            return Outcome.held(keys + " foreign key" + (keys == 1 ? "" : "s") + " satisfied");
        }
        List<String> lines = new ArrayList<>();
        orphans.forEach((key, rows) -> lines.add(key + ": " + CountChecks.rows(rows) + " without a parent"));
        return Outcome.broken(String.join("; ", lines));
    }

    /** Rows per {@code child -> parent}; the pragma names no columns, so neither do we. */
    private static Map<String, Long> sqliteOrphans(String table, CheckContext context) throws SQLException {
        String sql = "pragma foreign_key_check" + (table == null ? "" : "(" + context.dialect.quote(table) + ")");
        Map<String, Long> orphans = new TreeMap<>();
        try (Statement s = context.connection.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                orphans.merge(rs.getString(1) + " -> " + rs.getString(3), 1L, Long::sum);
            }
        }
        return orphans;
    }

    private static Map<String, Long> antiJoinOrphans(List<Table> tables, CheckContext context) throws SQLException {
        Map<String, Long> orphans = new TreeMap<>();
        for (Table table : tables) {
            for (ForeignKey key : table.foreignKeys()) {
                long rows = context.count(antiJoin(table.name(), key, context));
                if (rows > 0) {
                    orphans.put(table.name() + "(" + String.join(", ", key.columns()) + ") -> "
                            + key.referencedTable() + "(" + String.join(", ", key.referencedColumns()) + ")", rows);
                }
            }
        }
        return orphans;
    }

    private static String antiJoin(String table, ForeignKey key, CheckContext context) {
        var d = context.dialect;
        List<String> set = new ArrayList<>();
        List<String> join = new ArrayList<>();
        for (int i = 0; i < key.columns().size(); i++) {
            set.add("c." + d.quote(key.columns().get(i)) + " is not null");
            join.add("p." + d.quote(key.referencedColumns().get(i)) + " = c." + d.quote(key.columns().get(i)));
        }
        return "select count(*) from " + d.quote(table) + " c where " + String.join(" and ", set)
                + " and not exists (select 1 from " + d.quote(key.referencedTable()) + " p where "
                + String.join(" and ", join) + ")";
    }
}
