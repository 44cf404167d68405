package dev.rehearsal.snapshot.schema;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Flattens a snapshot into {@link SchemaElement}s: what is compared, and how it is named in a diff. */
final class SchemaElements {
    private SchemaElements() {
    }

    static List<SchemaElement> of(SchemaSnapshot snapshot) {
        List<SchemaElement> elements = new ArrayList<>();
        for (Table table : snapshot.tables()) {
            addTable(elements, table);
        }
        for (Trigger trigger : snapshot.triggers()) {
            elements.add(new SchemaElement(SchemaDiffer.TRIGGER, trigger.table(), trigger.name(), 0,
                    trigger.name() + " on " + trigger.table(), trigger.definition(),
                    attributes("table", trigger.table(), "definition", trigger.definition(),
                            "function body", trigger.functionBody())));
        }
        for (View view : snapshot.views()) {
            elements.add(new SchemaElement(SchemaDiffer.VIEW, null, view.name(), 0, view.name(), view.definition(),
                    attributes("definition", view.definition())));
        }
        for (MaterializedView view : snapshot.materializedViews()) {
            // Owns its indexes as a table does: they are reported with it, and not again when it is added or removed.
            elements.add(new SchemaElement(SchemaDiffer.MATERIALIZED_VIEW, view.name(), view.name(), 0, view.name(),
                    view.definition(), attributes("definition", view.definition())));
            addIndexes(elements, view.name(), view.indexes());
        }
        for (Sequence s : snapshot.sequences()) {
            Map<String, String> attributes = attributes("type", s.dataType(), "start", String.valueOf(s.start()),
                    "increment", String.valueOf(s.increment()), "minimum", String.valueOf(s.minValue()),
                    "maximum", String.valueOf(s.maxValue()), "cycle", s.cycle() ? "CYCLE" : "NO CYCLE");
            elements.add(new SchemaElement(SchemaDiffer.SEQUENCE, null, s.name(), 0, s.name(),
                    s.dataType() + " start " + s.start() + " increment " + s.increment(), attributes));
        }
        for (UserType type : snapshot.types()) {
            elements.add(new SchemaElement(SchemaDiffer.TYPE, null, type.name(), 0, type.name(),
                    type.kind() + " " + type.definition(), attributes("kind", type.kind(), "definition", type.definition())));
        }
        for (Routine routine : snapshot.routines()) {
            // No summary: the definition is long, and the signature already says which routine it is.
            elements.add(new SchemaElement(routine.kind(), null, routine.signature(), 0, routine.signature(), null,
                    attributes("definition", routine.definition())));
        }
        for (CatalogObject object : snapshot.others()) {
            elements.add(new SchemaElement(object.kind(), null, object.name(), 0, object.name(), object.definition(),
                    attributes("definition", object.definition())));
        }
        return elements;
    }

    private static void addTable(List<SchemaElement> elements, Table table) {
        String name = table.name();
        elements.add(new SchemaElement(SchemaDiffer.TABLE, name, name, 0, name,
                String.join(", ", table.columns().stream().map(Column::name).toList()), Map.of()));
        for (Column c : table.columns()) {
            elements.add(new SchemaElement(SchemaDiffer.COLUMN, name, c.name(), c.position(), name + "." + c.name(),
                    describe(c), attributes("type", c.type(), "nullability", c.nullable() ? "NULL" : "NOT NULL",
                            "default", c.defaultValue(), "generated", c.generated(), "collation", c.collation(),
                            "position", String.valueOf(c.position()))));
        }
        PrimaryKey pk = table.primaryKey();
        if (pk != null) {
            elements.add(new SchemaElement(SchemaDiffer.PRIMARY_KEY, name, "", 0, name, String.join(", ", pk.columns()),
                    attributes("name", pk.name(), "columns", list(pk.columns()))));
        }
        for (ForeignKey fk : table.foreignKeys()) {
            String references = fk.referencedTable() + list(fk.referencedColumns());
            elements.add(new SchemaElement(SchemaDiffer.FOREIGN_KEY, name, fk.key(), 0, scoped(fk.name(), fk.key(), name),
                    String.join(", ", fk.columns()) + " -> " + references + " ON DELETE " + fk.onDelete() + " ON UPDATE " + fk.onUpdate(),
                    attributes("columns", list(fk.columns()), "references", references, "on delete", fk.onDelete(),
                            "on update", fk.onUpdate())));
        }
        for (UniqueConstraint u : table.uniqueConstraints()) {
            elements.add(new SchemaElement(SchemaDiffer.UNIQUE, name, u.key(), 0, scoped(u.name(), u.key(), name),
                    String.join(", ", u.columns()), attributes("columns", list(u.columns()))));
        }
        for (CheckConstraint check : table.checkConstraints()) {
            elements.add(new SchemaElement(SchemaDiffer.CHECK, name, check.key(), 0, check.key() + " on " + name,
                    check.expression(), attributes("expression", check.expression())));
        }
        addIndexes(elements, name, table.indexes());
    }

    private static void addIndexes(List<SchemaElement> elements, String owner, List<Index> indexes) {
        for (Index index : indexes) {
            String method = index.method() == null ? Index.DEFAULT_METHOD : index.method();
            String summary = (index.unique() ? "UNIQUE " : "") + String.join(", ", index.columns())
                    + (index.include().isEmpty() ? "" : " INCLUDE " + list(index.include()))
                    + (index.method() == null ? "" : " USING " + index.method())
                    + (index.predicate() == null ? "" : " WHERE " + index.predicate());
            elements.add(new SchemaElement(SchemaDiffer.INDEX, owner, index.name(), 0, index.name() + " on " + owner, summary,
                    attributes("columns", list(index.columns()),
                            "include", index.include().isEmpty() ? null : list(index.include()),
                            "uniqueness", index.unique() ? "UNIQUE" : "not unique", "predicate", index.predicate(),
                            "method", method)));
        }
    }

    static String describe(Column c) {
        return c.type() + (c.nullable() ? "" : " NOT NULL")
                + (c.defaultValue() == null ? "" : " DEFAULT " + c.defaultValue())
                + (c.generated() == null ? "" : " " + c.generated())
                + (c.collation() == null ? "" : " COLLATE " + c.collation());
    }

    /** {@code fk_docs_owner on docs} when named; {@code docs(owner_id) -> users(id)} when not. */
    private static String scoped(String name, String key, String table) {
        return name != null ? name + " on " + table : table + key;
    }

    private static String list(List<String> items) {
        return "(" + String.join(", ", items) + ")";
    }

    private static Map<String, String> attributes(String... namesAndValues) {
        Map<String, String> attributes = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            attributes.put(namesAndValues[i], namesAndValues[i + 1]);
        }
        return attributes;
    }
}
