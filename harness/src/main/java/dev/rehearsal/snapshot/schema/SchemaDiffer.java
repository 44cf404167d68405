package dev.rehearsal.snapshot.schema;

import dev.rehearsal.snapshot.diff.Diff;
import dev.rehearsal.snapshot.diff.Difference;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Compares two schema snapshots. An object of a table (or an index of a materialized view) that was
 * itself added or removed is not listed again. Columns that moved are one {@link #COLUMN_ORDER} line per
 * table, not a line per column: a column counts as moved only when its order among the columns both
 * sides share changed (dropping a column does not "move" the ones after it). Expressions (checks,
 * partial-index predicates, defaults, generated columns) compare as {@link SqlExpression#normalize
 * normalized} text, so spacing, keyword case and redundant parentheses are no difference.
 *
 * @since 0.1
 */
public final class SchemaDiffer {
    public static final String TABLE = "table";
    public static final String COLUMN = "column";
    /**
     * The order of a table's columns changed, and nothing else about them: a rename done by add,
     * copy and drop, reversed the same way. Its own kind so that a rollback can treat it as a warning.
     */
    public static final String COLUMN_ORDER = "column order";
    public static final String PRIMARY_KEY = "primary key";
    public static final String FOREIGN_KEY = "foreign key";
    public static final String UNIQUE = "unique constraint";
    public static final String CHECK = "check constraint";
    public static final String INDEX = "index";
    public static final String TRIGGER = "trigger";
    public static final String VIEW = "view";
    public static final String MATERIALIZED_VIEW = "materialized view";
    public static final String SEQUENCE = "sequence";
    public static final String TYPE = "type";
    public static final String FUNCTION = "function";
    public static final String PROCEDURE = "procedure";
    public static final String EXTENSION = "extension";
    public static final String SCHEMA = "schema";
    public static final String COLLATION = "collation";
    public static final String COMMENT = "comment";
    public static final String EVENT = "event";
    public static final String EVENT_TRIGGER = "event trigger";
    public static final String PUBLICATION = "publication";

    /** Every kind a schema diff uses, in report order. */
    public static final List<String> KINDS = List.of(TABLE, MATERIALIZED_VIEW, COLUMN, COLUMN_ORDER, PRIMARY_KEY, FOREIGN_KEY, UNIQUE,
            CHECK, INDEX, TRIGGER, VIEW, SEQUENCE, TYPE, FUNCTION, PROCEDURE, EXTENSION, SCHEMA, COLLATION, COMMENT, EVENT,
            EVENT_TRIGGER, PUBLICATION);

    /** Attributes holding an SQL expression, compared normalized. */
    private static final Set<String> EXPRESSIONS = Set.of("expression", "predicate", "default", "generated");

    private SchemaDiffer() {
    }

    /**
     * @param beforeLabel how {@code before} is called in messages, e.g. {@code before up}
     * @param afterLabel how {@code after} is called, e.g. {@code after rollback}
     */
    public static Diff compare(SchemaSnapshot before, SchemaSnapshot after, String beforeLabel, String afterLabel) {
        Map<String, SchemaElement> old = index(SchemaElements.of(before));
        Map<String, SchemaElement> now = index(SchemaElements.of(after));
        Set<String> commonOwners = owners(before);
        commonOwners.retainAll(owners(after));
        ColumnOrder order = new ColumnOrder(before, after);
        Set<String> reordered = new TreeSet<>();

        Map<String, SchemaElement> all = new LinkedHashMap<>(now);
        all.putAll(old);
        List<Map.Entry<String, SchemaElement>> entries = new ArrayList<>(all.entrySet());
        entries.sort(Map.Entry.comparingByValue(SchemaElement.REPORT_ORDER));

        List<Difference> differences = new ArrayList<>();
        for (Map.Entry<String, SchemaElement> entry : entries) {
            SchemaElement element = entry.getValue();
            if (element.belongsToTable() && !commonOwners.contains(element.table())) {
                continue;
            }
            SchemaElement was = old.get(entry.getKey());
            SchemaElement is = now.get(entry.getKey());
            if (was == null) {
                differences.add(new Difference.Added(is.kind(), is.subject(), is.summary()));
            } else if (is == null) {
                differences.add(new Difference.Removed(was.kind(), was.subject(), was.summary()));
            } else {
                if (was.kind().equals(COLUMN) && order.moved(was.table(), was.key())) {
                    reordered.add(was.table());
                }
                String detail = changes(was, is, beforeLabel, afterLabel);
                if (!detail.isEmpty()) {
                    differences.add(new Difference.Changed(was.kind(), was.subject(), was.summary(), is.summary(), detail));
                }
            }
        }
        for (String table : reordered) {
            differences.add(new Difference.Changed(COLUMN_ORDER, table, order.shared(table, true), order.shared(table, false),
                    order.shared(table, true) + " " + beforeLabel + ", " + order.shared(table, false) + " " + afterLabel));
        }
        return new Diff(beforeLabel, afterLabel, differences);
    }

    /** Whether every difference of {@code diff} is a {@link #COLUMN_ORDER} one (false for an empty diff). */
    public static boolean onlyColumnOrder(Diff diff) {
        return !diff.isEmpty() && diff.differences().stream().allMatch(d -> d.kind().equals(COLUMN_ORDER));
    }

    /** {@code type VARCHAR(100) before up, TEXT after rollback; default none before up, 'x' after rollback}. */
    private static String changes(SchemaElement was, SchemaElement is, String beforeLabel, String afterLabel) {
        List<String> changes = new ArrayList<>();
        for (Map.Entry<String, String> attribute : was.attributes().entrySet()) {
            String name = attribute.getKey();
            String before = attribute.getValue();
            String after = is.attributes().get(name);
            boolean same = name.equals("position") && was.kind().equals(COLUMN)
                    || (EXPRESSIONS.contains(name) ? SqlExpression.same(before, after) : Objects.equals(before, after));
            if (same) {
                continue;
            }
            if (isRoutine(was)) {
                // A whole function twice would bury the line: show only the stretch that differs.
                changes.add(name + " changed (" + TextChange.excerpt(before, beforeLabel, after, afterLabel) + ")");
            } else {
                changes.add(name + " " + shown(before) + " " + beforeLabel + ", " + shown(after) + " " + afterLabel);
            }
        }
        return String.join("; ", changes);
    }

    private static boolean isRoutine(SchemaElement element) {
        return element.kind().equals(FUNCTION) || element.kind().equals(PROCEDURE);
    }

    private static String shown(String value) {
        return value == null ? "none" : value;
    }

    /** Tables and materialized views: what indexes and constraints hang off. */
    private static Set<String> owners(SchemaSnapshot snapshot) {
        Set<String> owners = new TreeSet<>(snapshot.tables().stream().map(Table::name).toList());
        snapshot.materializedViews().forEach(view -> owners.add(view.name()));
        return owners;
    }

    /**
     * Elements by identity. Two unnamed constraints can be identical (the same check written twice);
     * the second is counted as {@code #2}, so dropping one of them is still a difference.
     */
    private static Map<String, SchemaElement> index(List<SchemaElement> elements) {
        Map<String, SchemaElement> byIdentity = new LinkedHashMap<>();
        for (SchemaElement element : elements) {
            String identity = element.identity();
            for (int copy = 2; byIdentity.containsKey(identity); copy++) {
                identity = element.identity() + "\u0000#" + copy;
            }
            byIdentity.put(identity, element);
        }
        return byIdentity;
    }
}
