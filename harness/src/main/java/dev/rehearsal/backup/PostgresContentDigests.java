package dev.rehearsal.backup;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Rows and an order-independent hash per table, computed by PostgreSQL itself, so that a restore
 * can compare what it replayed against the backup inside its own transaction, before COMMIT (the
 * Java-side fingerprint cannot see another session's uncommitted rows). The same SQL computes them
 * at backup time, in the dump's snapshot, and at restore time; the session settings that shape a
 * row's text (dates, time zone, floats, bytea) are pinned so that both sides print rows alike.
 */
final class PostgresContentDigests {
    private static final List<String> SETTINGS = List.of("set datestyle = 'ISO, YMD'", "set intervalstyle = 'postgres'",
            "set timezone = 'UTC'", "set extra_float_digits = 3", "set bytea_output = 'hex'");
    private static final String TABLES = "select format('%I.%I', schemaname, tablename) from pg_catalog.pg_tables"
            + " where schemaname <> 'information_schema' and schemaname not like 'pg\\_%'";
    private static final String ROW_ALIAS = "rehearsal_row";

    private PostgresContentDigests() {
    }

    /** Every table's digest, keyed by its qualified name as {@code format('%I.%I')} writes it. */
    static SortedMap<String, String> read(Connection c) throws SQLException {
        SortedMap<String, String> digests = new TreeMap<>();
        try (Statement s = c.createStatement()) {
            for (String setting : SETTINGS) {
                s.execute(setting);
            }
            List<String> tables = new java.util.ArrayList<>();
            try (ResultSet rs = s.executeQuery(TABLES)) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
            for (String table : tables) {
                try (ResultSet rs = s.executeQuery(digestQuery(table))) {
                    rs.next();
                    digests.put(table, rs.getString(1));
                }
            }
        }
        return digests;
    }

    /**
     * psql input that raises an error (so ON_ERROR_STOP ends the session and the transaction rolls
     * back) unless the database holds exactly the expected tables with the expected digests.
     *
     * @param tag a dollar-quote tag no identifier contains (random per restore)
     */
    static String check(SortedMap<String, String> expected, String tag) {
        String names = expected.keySet().stream().map(PostgresContentDigests::literal)
                .collect(Collectors.joining(", ", "array[", "]::text[]"));
        StringBuilder sql = new StringBuilder();
        SETTINGS.forEach(setting -> sql.append(setting).append(";\n"));
        sql.append("do $").append(tag).append("$\ndeclare got text; problems text := '';\nbegin\n")
                .append("  select string_agg(t, ', ' order by t) into got from (").append(TABLES).append(") n(t)")
                .append(" where t <> all (").append(names).append(");\n")
                .append("  if got is not null then problems := problems || E'\\n  tables the backup does not have: ' || got;")
                .append(" end if;\n")
                .append("  select string_agg(t, ', ' order by t) into got from unnest(").append(names).append(") e(t)")
                .append(" where t not in (").append(TABLES).append(");\n")
                .append("  if got is not null then problems := problems || E'\\n  tables of the backup missing: ' || got;")
                .append(" end if;\n");
        expected.forEach((table, digest) -> sql.append("  if to_regclass(").append(literal(table)).append(") is not null then ")
                .append(digestQuery(table).replaceFirst(" from ", " into got from ")).append(";\n")
                .append("    if got is distinct from ").append(literal(digest)).append(" then problems := problems || E'\\n  ' || ")
                .append(literal(table + ": rows:hash ")).append(" || got || ").append(literal(", the backup has " + digest))
                .append("; end if;\n  end if;\n"));
        return sql.append("  if problems <> '' then raise exception 'rehearsal: the restored content differs from the backup:%',")
                .append(" problems; end if;\nend $").append(tag).append("$;\n").toString();
    }

    private static String digestQuery(String qualifiedTable) {
        return "select count(*)::text || ':' || coalesce(sum(('x' || substr(md5(" + ROW_ALIAS + "::text), 1, 15))"
                + "::bit(60)::bigint), 0)::text from " + qualifiedTable + " " + ROW_ALIAS;
    }

    private static String literal(String text) {
        return "'" + text.replace("'", "''") + "'";
    }
}
