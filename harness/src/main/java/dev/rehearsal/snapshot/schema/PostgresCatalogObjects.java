package dev.rehearsal.snapshot.schema;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * The PostgreSQL objects beside the tables that a migration can leave behind: extensions, schemas
 * other than the one snapshotted (extensions and schemas belong to the database, not to the schema),
 * comments on the schema's tables and columns, collations in the schema, event triggers and
 * publications. plpgsql is left out: every database is created with it (and backups written before
 * extensions were read would otherwise never match again). Privileges are not read: they name roles, which belong to the server, not the database.
 */
final class PostgresCatalogObjects {
    private PostgresCatalogObjects() {
    }

    static List<CatalogObject> read(Catalog catalog, Predicate<String> includeTable) throws SQLException {
        List<CatalogObject> objects = new ArrayList<>();
        objects.addAll(catalog.query("select e.extname, e.extversion, n.nspname from pg_extension e"
                + " join pg_namespace n on n.oid = e.extnamespace where e.extname <> 'plpgsql'",
                rs -> new CatalogObject(SchemaDiffer.EXTENSION, rs.getString(1),
                        "version " + rs.getString(2) + " in schema " + rs.getString(3))));
        objects.addAll(catalog.query("select nspname from pg_namespace where nspname not like 'pg\\_%'"
                + " and nspname <> 'information_schema' and nspname <> current_schema()",
                rs -> new CatalogObject(SchemaDiffer.SCHEMA, rs.getString(1), "schema")));
        objects.addAll(catalog.query("select c.relname, a.attname, d.description from pg_description d"
                + " join pg_class c on c.oid = d.objoid and d.classoid = 'pg_class'::regclass"
                + " left join pg_attribute a on a.attrelid = c.oid and a.attnum = d.objsubid and d.objsubid > 0"
                + " where c.relnamespace = (select oid from pg_namespace where nspname = current_schema())",
                rs -> new CatalogObject(SchemaDiffer.COMMENT, "on " + rs.getString(1)
                        + (rs.getString(2) == null ? "" : "." + rs.getString(2)), rs.getString(3)))
                .stream().filter(c -> includeTable.test(c.name().substring(3).split("\\.")[0])).toList());
        objects.addAll(catalog.query("select collname, collprovider, collcollate, collctype from pg_collation"
                + " where collnamespace = (select oid from pg_namespace where nspname = current_schema())",
                rs -> new CatalogObject(SchemaDiffer.COLLATION, rs.getString(1), "provider " + rs.getString(2)
                        + " collate " + rs.getString(3) + " ctype " + rs.getString(4))));
        objects.addAll(catalog.query("select evtname, evtevent, evtfoid::regproc::text, evtenabled from pg_event_trigger",
                rs -> new CatalogObject(SchemaDiffer.EVENT_TRIGGER, rs.getString(1), "on " + rs.getString(2)
                        + " execute " + rs.getString(3) + " enabled " + rs.getString(4))));
        objects.addAll(catalog.query("select pubname, puballtables, pubinsert, pubupdate, pubdelete from pg_publication",
                rs -> new CatalogObject(SchemaDiffer.PUBLICATION, rs.getString(1), (rs.getBoolean(2) ? "all tables" : "listed tables")
                        + " insert " + rs.getBoolean(3) + " update " + rs.getBoolean(4) + " delete " + rs.getBoolean(5))));
        return objects;
    }
}
