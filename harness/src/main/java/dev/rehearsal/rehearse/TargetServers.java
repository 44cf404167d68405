package dev.rehearsal.rehearse;

import dev.rehearsal.database.Dialect;
import dev.rehearsal.database.Target;
import dev.rehearsal.rehearse.plan.TargetKind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.EnumMap;
import java.util.Map;

/**
 * The database servers of one run: a configured admin URL, else a Testcontainers server when
 * a Docker engine is reachable, else unavailable with the reason. Each is probed once per run.
 */
final class TargetServers implements AutoCloseable {
    private final ServerSettings settings;
    private final Map<TargetKind, Availability> known = new EnumMap<>(TargetKind.class);
    private ContainerServers containers;

    TargetServers(ServerSettings settings) {
        this.settings = settings;
    }

    /**
     * Whether a target can run, and where.
     *
     * @param server the admin target of the server; null for SQLite
     * @param unavailableReason null when available
     */
    record Availability(Target server, String maskedUrl, String serverVersion, String unavailableReason) {
        public boolean available() {
            return unavailableReason == null;
        }
    }

    synchronized Availability availability(TargetKind target) {
        return known.computeIfAbsent(target, this::find);
    }

    private Availability find(TargetKind target) {
        if (target == TargetKind.SQLITE) {
            return probe(target, Target.of("jdbc:sqlite::memory:"), null);
        }
        String key = settings.urlSetting(target);
        if (settings.url(target).isPresent()) {
            Target server = Target.of(settings.url(target).get(), null, settings.password(target).orElse(null));
            return probe(target, server, server.displayUrl());
        }
        String docker = dockerAbsence();
        String missing = testcontainersAbsence(target, TargetServers.class.getClassLoader());
        if (docker != null) {
            return new Availability(null, null, null, target.id() + ": no " + key + " configured and no Docker engine ("
                    + docker + ")" + (missing == null ? "" : "; with Docker, " + missing));
        }
        if (missing != null) {
            return new Availability(null, null, null, target.id() + ": no " + key + " configured, and " + missing);
        }
        try {
            if (containers == null) {
                containers = new ContainerServers();
            }
            Target server = containers.start(target);
            return probe(target, server, server.displayUrl());
        } catch (RuntimeException | LinkageError e) {
            return new Availability(null, null, null, target.id() + ": no " + key + " configured and the Testcontainers "
                    + target.id() + " server did not start (" + e + ")");
        }
    }

    private static Availability probe(TargetKind target, Target server, String maskedUrl) {
        try (Connection c = server.connect()) {
            Dialect dialect = server.dialect();
            return new Availability(maskedUrl == null ? null : server, maskedUrl, dialect.serverVersion(c), null);
        } catch (Exception e) {
            // The driver's message may quote the password out of URL shape; only the server knows it.
            return new Availability(null, maskedUrl, null, server.mask(target.id() + ": " + e.getMessage()));
        }
    }

    /**
     * Null when the Testcontainers module for {@code target} can be loaded from {@code loader}; else
     * which artifact to add. The modules are optional dependencies of the harness, so a project that
     * did not add one would otherwise meet a NoClassDefFoundError.
     */
    static String testcontainersAbsence(TargetKind target, ClassLoader loader) {
        String module = target == TargetKind.POSTGRES ? "postgresql" : "mariadb";
        String container = target == TargetKind.POSTGRES ? "org.testcontainers.postgresql.PostgreSQLContainer"
                : "org.testcontainers.mariadb.MariaDBContainer";
        try {
            Class.forName(container, false, loader);
            return null;
        } catch (ClassNotFoundException | LinkageError e) {
            return "Testcontainers is not on the test class path: add the test dependency"
                    + " org.testcontainers:testcontainers-" + module + " for a throw-away " + target.id() + " server";
        }
    }

    /** Null when a Docker engine looks reachable; else why not. Costs a file check, never a connection. */
    static String dockerAbsence() {
        String host = System.getenv("DOCKER_HOST");
        if (host != null && !host.isBlank()) {
            return null;
        }
        return Files.exists(Path.of("/var/run/docker.sock")) ? null : "DOCKER_HOST unset, /var/run/docker.sock missing";
    }

    @Override
    public synchronized void close() {
        if (containers != null) {
            containers.close();
        }
    }
}
