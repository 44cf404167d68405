package dev.rehearsal.rehearse;

import dev.rehearsal.database.Dialect;
import dev.rehearsal.database.Target;
import dev.rehearsal.embedded.EmbeddedServer;
import dev.rehearsal.embedded.EmbeddedServerException;
import dev.rehearsal.embedded.EmbeddedServers;
import dev.rehearsal.rehearse.plan.TargetKind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.EnumMap;
import java.util.Map;

/**
 * The database servers of one run, each found (or started) once per run. An embedded target
 * ({@code postgres-17}) is a server started from Maven-cached binaries. {@code postgres} and
 * {@code mariadb} fall back in this order: the configured admin URL, else a Testcontainers server
 * when a Docker engine is reachable, else (PostgreSQL) the embedded {@link #FALLBACK_POSTGRES} when
 * its binaries are found, else unavailable with the reason of every step.
 */
final class TargetServers implements AutoCloseable {
    private final Map<TargetKind, Availability> known = new EnumMap<>(TargetKind.class);
    /** The embedded target {@code postgres} falls back to: the newest major Rehearsal pins. */
    static final TargetKind FALLBACK_POSTGRES = TargetKind.POSTGRES_17;

    private final ServerSettings settings;
    private final EmbeddedServers embedded;
    private ContainerServers containers;

    TargetServers(ServerSettings settings) {
        this.settings = settings;
        this.embedded = new EmbeddedServers(settings.embedded());
    }

    /**
     * Whether a target can run, and where.
     *
     * @param server the admin target of the server; null for SQLite
     * @param origin where the server came from ({@code embedded PostgreSQL 17.12.0 ..., started in 2.1 s}); null for SQLite
     * @param unavailableReason null when available
     */
    record Availability(Target server, String maskedUrl, String serverVersion, String origin, String unavailableReason) {
        public boolean available() {
            return unavailableReason == null;
        }
    }

    synchronized Availability availability(TargetKind target) {
        return known.computeIfAbsent(target, this::find);
    }

    private Availability find(TargetKind target) {
        if (target == TargetKind.SQLITE) {
            return probe(target, Target.of("jdbc:sqlite::memory:"), null, null);
        }
        if (target.isEmbedded()) {
            return embedded(target, target, "");
        }
        String key = settings.urlSetting(target);
        if (settings.url(target).isPresent()) {
            Target server = Target.of(settings.url(target).get(), null, settings.password(target).orElse(null));
            return probe(target, server, server.displayUrl(), "the server at " + key);
        }
        String docker = dockerAbsence();
        if (docker != null) {
            String why = "no " + key + " configured and no Docker engine (" + docker + ")";
            if (target == TargetKind.POSTGRES) {
                String missing = embedded.postgresMissing(FALLBACK_POSTGRES.embeddedVersion().orElseThrow());
                if (missing == null) {
                    return embedded(target, FALLBACK_POSTGRES, " (fallback: " + why + ")");
                }
                why = "no " + key + " configured, no Docker engine (" + docker + "), and no embedded "
                        + FALLBACK_POSTGRES.id() + ": " + missing;
            }
            return unavailable(target.id() + ": " + why);
        }
        String missing = missingModule(target);
        if (missing != null) {
            return unavailable(target.id() + ": no " + key + " configured, and the Docker route"
                    + " needs Testcontainers, which is not on the class path: add " + missing + " (test scope) to"
                    + " the project, or configure " + key + " (the CLI jar does not ship Testcontainers)");
        }
        try {
            if (containers == null) {
                containers = new ContainerServers();
            }
            Target server = containers.start(target);
            return probe(target, server, server.displayUrl(), "Testcontainers " + ContainerServers.image(target));
        } catch (RuntimeException | LinkageError e) {
            return unavailable(target.id() + ": no " + key + " configured and the Testcontainers "
                    + target.id() + " server did not start (" + e + ")");
        }
    }

    /** Starts the embedded server of {@code version} for {@code target}; {@code note} says why when it is a fallback. */
    private Availability embedded(TargetKind target, TargetKind version, String note) {
        try {
            EmbeddedServer server = embedded.start(version.engine().id(), version.embeddedVersion().orElseThrow());
            return probe(target, server.admin(), server.admin().displayUrl(), server.summary() + note);
        } catch (EmbeddedServerException e) {
            return unavailable(target.id() + ": " + e.getMessage());
        }
    }

    private static Availability unavailable(String reason) {
        return new Availability(null, null, null, null, reason);
    }

    private static Availability probe(TargetKind target, Target server, String maskedUrl, String origin) {
        try (Connection c = server.connect()) {
            Dialect dialect = server.dialect();
            return new Availability(maskedUrl == null ? null : server, maskedUrl, dialect.serverVersion(c), origin, null);
        } catch (Exception e) {
            // The driver's message may quote the password out of URL shape; only the server knows it.
            return new Availability(null, maskedUrl, null, origin, server.mask(target.id() + ": " + e.getMessage()));
        }
    }

    /**
     * The Maven coordinates to add when {@code target}'s Testcontainers module is not on the class
     * path (the CLI jar leaves Testcontainers out; a library user may not have added it), else null.
     * Looks the class up by name: ContainerServers itself cannot even be verified without Testcontainers.
     */
    static String missingModule(TargetKind target) {
        return testcontainersAbsence(target, TargetServers.class.getClassLoader()) == null ? null
                : "org.testcontainers:testcontainers-" + (target == TargetKind.POSTGRES ? "postgresql" : "mariadb");
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
        try {
            if (containers != null) {
                containers.close();
            }
        } finally {
            embedded.close();
        }
    }
}
