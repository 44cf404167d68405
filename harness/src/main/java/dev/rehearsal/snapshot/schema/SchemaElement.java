package dev.rehearsal.snapshot.schema;

import java.util.Comparator;
import java.util.Map;

/**
 * One comparable object of a snapshot, flattened for the differ: how it is identified, how a person
 * names it, and the attributes whose change is worth a line.
 *
 * @param table the owning table or materialized view; for those, their own name; null for views,
 *     sequences and types
 * @param order position among siblings where it matters (columns), else 0
 * @param summary what it looks like, for "added"/"removed" lines
 * @param attributes name to value (null for none), in the order they are reported
 */
record SchemaElement(String kind, String table, String key, int order, String subject, String summary,
        Map<String, String> attributes) {

    /** Objects of one table stay together, in the order of {@link SchemaDiffer#KINDS}. */
    static final Comparator<SchemaElement> REPORT_ORDER = Comparator
            .comparing((SchemaElement e) -> e.table() == null ? 1 : 0)
            .thenComparing(e -> e.table() == null ? "" : e.table())
            .thenComparingInt(e -> SchemaDiffer.KINDS.indexOf(e.kind()))
            .thenComparingInt(SchemaElement::order)
            .thenComparing(SchemaElement::key);

    String identity() {
        return kind + "\u0000" + table + "\u0000" + key;
    }

    boolean belongsToTable() {
        return table != null && !kind.equals(SchemaDiffer.TABLE) && !kind.equals(SchemaDiffer.MATERIALIZED_VIEW);
    }
}
