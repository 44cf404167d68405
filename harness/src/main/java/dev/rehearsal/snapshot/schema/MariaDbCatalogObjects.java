package dev.rehearsal.snapshot.schema;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/** The MariaDB objects beside the tables that a migration can leave behind: events and comments on tables and columns. */
final class MariaDbCatalogObjects {
    private MariaDbCatalogObjects() {
    }

    static List<CatalogObject> read(Catalog catalog, Predicate<String> includeTable) throws SQLException {
        List<CatalogObject> objects = new ArrayList<>();
        objects.addAll(catalog.query("select event_name, event_type, execute_at, interval_value, interval_field, status,"
                + " on_completion, event_definition from information_schema.events where event_schema = database()",
                rs -> new CatalogObject(SchemaDiffer.EVENT, rs.getString(1), rs.getString(2)
                        + (rs.getString(3) == null ? "" : " at " + rs.getString(3))
                        + (rs.getString(4) == null ? "" : " every " + rs.getString(4) + " " + rs.getString(5))
                        + " " + rs.getString(6) + " on completion " + rs.getString(7) + " do "
                        + SqlText.whitespace(rs.getString(8)))));
        List<CatalogObject> comments = new ArrayList<>();
        comments.addAll(catalog.query("select table_name, table_comment from information_schema.tables"
                + " where table_schema = database() and table_type = 'BASE TABLE' and table_comment <> ''",
                rs -> new CatalogObject(SchemaDiffer.COMMENT, "on " + rs.getString(1), rs.getString(2))));
        comments.addAll(catalog.query("select table_name, column_name, column_comment from information_schema.columns"
                + " where table_schema = database() and column_comment <> ''",
                rs -> new CatalogObject(SchemaDiffer.COMMENT, "on " + rs.getString(1) + "." + rs.getString(2), rs.getString(3))));
        comments.stream().filter(c -> includeTable.test(c.name().substring(3).split("\\.")[0])).forEach(objects::add);
        return objects;
    }
}
