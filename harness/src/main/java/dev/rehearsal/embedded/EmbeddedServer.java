package dev.rehearsal.embedded;

import dev.rehearsal.database.Target;
import java.time.Duration;

/**
 * A database server Rehearsal started itself for one run, listening on 127.0.0.1.
 *
 * @param admin the admin target (the engine creates and drops one database per target run there)
 * @param description what runs, for reports: {@code embedded PostgreSQL 17.12.0 (io.zonky.test)}
 * @param startup how long the start took (unpacking binaries on a cold cache, initdb, start)
 */
public record EmbeddedServer(Target admin, String description, Duration startup) {

    /** {@code embedded PostgreSQL 17.12.0 (io.zonky.test), started in 2.4 s}. */
    public String summary() {
        return description + ", started in " + String.format(java.util.Locale.ROOT, "%.1f s", startup.toMillis() / 1000.0);
    }
}
