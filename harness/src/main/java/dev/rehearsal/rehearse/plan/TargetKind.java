package dev.rehearsal.rehearse.plan;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The database targets a rehearsal can run on; {@link #id()} is the name in configuration, options
 * and unique ids. {@code postgres} and {@code mariadb} are the servers at the configured URLs; the
 * versioned ids ({@code postgres-17}, {@code mariadb-11.4}) are servers Rehearsal starts itself from
 * binaries that arrive as Maven artifacts, one per pinned release (see {@code dev.rehearsal.embedded}).
 */
public enum TargetKind {
    SQLITE("sqlite", null, null), POSTGRES("postgres", null, null), MARIADB("mariadb", null, null),
    POSTGRES_13("postgres-13", POSTGRES, "13"), POSTGRES_14("postgres-14", POSTGRES, "14"),
    POSTGRES_15("postgres-15", POSTGRES, "15"), POSTGRES_16("postgres-16", POSTGRES, "16"),
    POSTGRES_17("postgres-17", POSTGRES, "17"),
    MARIADB_10_11("mariadb-10.11", MARIADB, "10.11"), MARIADB_11_4("mariadb-11.4", MARIADB, "11.4");

    private final String id;
    private final TargetKind engine;
    private final String embeddedVersion;

    TargetKind(String id, TargetKind engine, String embeddedVersion) {
        this.id = id;
        this.engine = engine;
        this.embeddedVersion = embeddedVersion;
    }

    /** {@code sqlite}, {@code postgres}, {@code mariadb}, {@code postgres-17}, ... */
    public String id() {
        return id;
    }

    /** The database engine: {@link #SQLITE}, {@link #POSTGRES} or {@link #MARIADB} (itself for those three). */
    public TargetKind engine() {
        return engine == null ? this : engine;
    }

    /** A server Rehearsal starts itself, of {@link #embeddedVersion()}. */
    public boolean isEmbedded() {
        return embeddedVersion != null;
    }

    /** The major version of an embedded server ({@code 17}, {@code 10.11}); empty for the others. */
    public Optional<String> embeddedVersion() {
        return Optional.ofNullable(embeddedVersion);
    }

    /** By id, any case. */
    public static Optional<TargetKind> find(String id) {
        String wanted = id == null ? "" : id.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(t -> t.id.equals(wanted)).findFirst();
    }

    /** Every id, for messages: {@code sqlite, postgres, mariadb, postgres-13, ...}. */
    public static String ids() {
        return Arrays.stream(values()).map(TargetKind::id).collect(Collectors.joining(", "));
    }
}
