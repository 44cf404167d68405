package dev.rehearsal.snapshot.schema;

import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

/** Copies lists into the snapshot's one deterministic order, so equal schemas give equal records. */
final class Sorting {
    private Sorting() {
    }

    static <T> List<T> byName(List<T> items, Function<T, String> name) {
        if (items == null) {
            return List.of();
        }
        return items.stream().sorted(Comparator.comparing(name, Comparator.nullsFirst(Comparator.naturalOrder()))).toList();
    }

    static <T> List<T> copy(List<T> items) {
        return items == null ? List.of() : List.copyOf(items);
    }
}
