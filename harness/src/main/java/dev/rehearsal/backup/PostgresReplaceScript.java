package dev.rehearsal.backup;

import dev.rehearsal.ErrorCode;
import dev.rehearsal.RehearsalException;
import dev.rehearsal.database.Target;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * The psql statements that empty a PostgreSQL database before the dump's SQL, in the same transaction: every user schema is dropped (so objects created after the backup do not survive)
 * and so are the database-level objects a dump recreates by name (publications, large objects),
 * which would otherwise collide. {@code public} comes back with the owner, privileges and comment
 * pg_dump assumes it has, because pg_dump only writes their differences from that starting point.
 */
final class PostgresReplaceScript {
    private final List<String> statements;

    private PostgresReplaceScript(List<String> statements) {
        this.statements = List.copyOf(statements);
    }

    /** Reads (and changes nothing in) {@code target} to list what the script must drop and recreate. */
    static PostgresReplaceScript of(Target target) {
        List<String> statements = new ArrayList<>(List.of("set client_min_messages = warning",
                "set standard_conforming_strings = on"));
        try (Connection c = target.connect(); Statement s = c.createStatement()) {
            for (String publication : strings(s, "select pubname from pg_publication order by pubname")) {
                statements.add("drop publication " + quote(target, publication));
            }
            statements.addAll(strings(s, "select 'select pg_catalog.lo_unlink(' || oid || ')'"
                    + " from pg_largeobject_metadata order by oid"));
            for (String schema : strings(s, "select nspname from pg_namespace where nspname not like 'pg\\_%'"
                    + " and nspname <> 'information_schema' order by nspname")) {
                statements.add("drop schema " + quote(target, schema) + " cascade");
            }
            statements.add("create schema public");
            statements.addAll(publicSchemaAsPgDumpAssumes(target, s));
        } catch (SQLException e) {
            throw new RehearsalException(ErrorCode.BACKUP_FAILED, "cannot read what to replace in "
                    + target.displayUrl() + " before the restore (nothing was changed): " + e.getMessage(), e);
        }
        return new PostgresReplaceScript(statements);
    }

    /** The script's text, one statement a line; the caller runs the dump's SQL after it, in the same transaction. */
    String text() {
        StringBuilder text = new StringBuilder();
        statements.forEach(statement -> text.append(statement).append(";\n"));
        return text.toString();
    }

    /**
     * Owner and comment as {@code public} has them now; privileges as the database was created with
     * them ({@code pg_init_privs}), which is what pg_dump compares against.
     */
    private static List<String> publicSchemaAsPgDumpAssumes(Target target, Statement s) throws SQLException {
        List<String> statements = new ArrayList<>();
        List<String> owner = strings(s, "select nspowner::regrole::text from pg_namespace where nspname = 'public'");
        if (owner.isEmpty()) {
            return statements;
        }
        statements.add("alter schema public owner to " + owner.get(0));
        for (String comment : strings(s, "select obj_description(oid, 'pg_namespace') from pg_namespace"
                + " where nspname = 'public' and obj_description(oid, 'pg_namespace') is not null")) {
            statements.add("comment on schema public is '" + comment.replace("'", "''") + "'");
        }
        statements.addAll(strings(s, "select 'grant ' || a.privilege_type || ' on schema public to '"
                + " || case when a.grantee = 0 then 'public' else a.grantee::regrole::text end"
                + " || case when a.is_grantable then ' with grant option' else '' end"
                + " from pg_init_privs i, aclexplode(i.initprivs) a, pg_namespace n"
                + " where i.classoid = 'pg_namespace'::regclass and i.objoid = n.oid and n.nspname = 'public'"
                + " and a.grantee <> n.nspowner order by 1"));
        return statements;
    }

    private static List<String> strings(Statement s, String query) throws SQLException {
        List<String> values = new ArrayList<>();
        try (ResultSet rs = s.executeQuery(query)) {
            while (rs.next()) {
                values.add(rs.getString(1));
            }
        }
        return values;
    }

    private static String quote(Target target, String identifier) {
        return target.dialect().quote(identifier);
    }
}
