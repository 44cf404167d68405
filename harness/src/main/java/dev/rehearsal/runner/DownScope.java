package dev.rehearsal.runner;

import dev.rehearsal.migration.MigrationVersion;

/** Which applied migrations a {@code down} rolls back. */
public record DownScope(Kind kind, MigrationVersion to) {
    public enum Kind { LAST, TO_VERSION, LAST_BATCH, ALL }

    public static DownScope last() {
        return new DownScope(Kind.LAST, null);
    }

    /** Rolls back every applied migration newer than {@code version}; {@code version} stays applied. */
    public static DownScope to(MigrationVersion version) {
        return new DownScope(Kind.TO_VERSION, version);
    }

    public static DownScope lastBatch() {
        return new DownScope(Kind.LAST_BATCH, null);
    }

    public static DownScope all() {
        return new DownScope(Kind.ALL, null);
    }
}
