package dev.rehearsal.snapshot.diff;

/**
 * One way two states of a database differ: an object (table, column, index, rows...) that was
 * added, removed or changed between "before" and "after".
 */
public sealed interface Difference permits Difference.Added, Difference.Removed, Difference.Changed {

    /** What kind of object: {@code table}, {@code column}, {@code index}, {@code rows}, ... */
    String kind();

    /** Which object, readable: {@code docs}, {@code docs.owner_id}, {@code idx_docs_owner on docs}. */
    String subject();

    /** Present after, absent before. */
    record Added(String kind, String subject, String after) implements Difference {
    }

    /** Present before, absent after. */
    record Removed(String kind, String subject, String before) implements Difference {
    }

    /** Present in both, different. {@code detail} says how, e.g. "1,000 rows before, 998 after; missing id=17". */
    record Changed(String kind, String subject, String before, String after, String detail) implements Difference {
    }
}
