package dev.rehearsal.rehearse.plan;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The database engines a rehearsal can target; {@link #id()} is the name in configuration, options and unique ids. */
public enum TargetKind {
    SQLITE("sqlite"), POSTGRES("postgres"), MARIADB("mariadb");

    private final String id;

    TargetKind(String id) {
        this.id = id;
    }

    /** {@code sqlite}, {@code postgres}, {@code mariadb}. */
    public String id() {
        return id;
    }

    /** By id, any case. */
    public static Optional<TargetKind> find(String id) {
        String wanted = id == null ? "" : id.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(t -> t.id.equals(wanted)).findFirst();
    }
}
