package dev.rehearsal.verification;

import java.util.Objects;

/**
 * A pre-migration capture: the row count and data fingerprint of {@code table}, referenced by
 * checks as {@code pre.<name>}.
 *
 * @since 0.1
 */
public record Capture(String name, String table) {

    public Capture {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(table, "table");
    }

    /** A capture named after its table. */
    public Capture(String table) {
        this(table, table);
    }
}
