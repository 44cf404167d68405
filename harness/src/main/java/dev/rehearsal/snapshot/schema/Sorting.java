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
        // Unnamed constraints can share a key (same columns, other actions): the whole value breaks the tie.
        return items.stream().sorted(Comparator.comparing(name, Comparator.nullsFirst(Comparator.<String>naturalOrder()))
                .thenComparing(Object::toString)).toList();
    }

    static <T> List<T> copy(List<T> items) {
        return items == null ? List.of() : List.copyOf(items);
    }
}
