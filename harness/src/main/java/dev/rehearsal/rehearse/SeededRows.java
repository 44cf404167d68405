package dev.rehearsal.rehearse;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a target run loaded into its databases: rows per source (a fixture file, or
 * {@link #GENERATED}) and table, and the tables the generator could not fill with the reason. A
 * database replayed from the start loads the same rows again, so entries are replaced, not added.
 * Confined to the target's thread.
 */
final class SeededRows {
    /** The source name of rows from the generator. */
    static final String GENERATED = "generated rows";

    private final Map<String, Long> rows = new TreeMap<>();
    private final Map<String, String> unfilled = new LinkedHashMap<>();

    void loaded(String source, Map<String, Long> perTable) {
        perTable.forEach((table, count) -> rows.put(source + ": " + table, count));
    }

    void unfilled(Map<String, String> reasons) {
        unfilled.putAll(reasons);
    }

    /** {@code "<source>: <table>"} to rows loaded. */
    Map<String, Long> rows() {
        return Collections.unmodifiableMap(rows);
    }

    /** Why the generator left a table empty, per table. */
    Map<String, String> unfilled() {
        return Collections.unmodifiableMap(unfilled);
    }
}
