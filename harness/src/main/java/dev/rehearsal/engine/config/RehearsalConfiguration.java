package dev.rehearsal.engine.config;

import dev.rehearsal.ErrorCode;
import dev.rehearsal.RehearsalException;
import dev.rehearsal.database.ProductionLabels;
import dev.rehearsal.engine.Constants;
import dev.rehearsal.engine.RehearsalSuite;
import dev.rehearsal.embedded.EmbeddedSettings;
import dev.rehearsal.rehearse.plan.Shard;
import dev.rehearsal.rehearse.RunOptions;
import dev.rehearsal.rehearse.ServerSettings;
import dev.rehearsal.rehearse.plan.TargetKind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.platform.engine.ConfigurationParameters;

/**
 * The engine's settings, read once from the {@code rehearsal.*} configuration parameters (see
 * {@link Constants} for keys, values and defaults).
 */
public record RehearsalConfiguration(List<TargetKind> targets, Optional<String> postgresUrl,
        Optional<String> mariadbUrl, String postgresPasswordEnv, String mariadbPasswordEnv, boolean requireTargets, boolean keepFailedDatabases, String reportDir,
        ProjectPaths paths, boolean parallel, Map<String, String> suiteParameters, Optional<String> environment,
        boolean allowProduction, Shard shard, Optional<String> embeddedDir, Optional<String> mavenRepository,
        Long generatedRows) {

    public RehearsalConfiguration {
        targets = List.copyOf(targets);
        suiteParameters = Map.copyOf(suiteParameters);
    }

    public static RehearsalConfiguration from(ConfigurationParameters parameters) {
        Path root = parameters.get(Constants.PROJECT_ROOT).filter(s -> !s.isBlank())
                .map(s -> Path.of(s).toAbsolutePath().normalize()).orElse(null);
        return new RehearsalConfiguration(
                targets(parameters.get(Constants.TARGETS).orElse("sqlite")),
                nonBlank(parameters, Constants.POSTGRES_URL),
                nonBlank(parameters, Constants.MARIADB_URL),
                nonBlank(parameters, Constants.POSTGRES_PASSWORD_ENV).orElse("REHEARSAL_POSTGRES_PASSWORD"),
                nonBlank(parameters, Constants.MARIADB_PASSWORD_ENV).orElse("REHEARSAL_MARIADB_PASSWORD"),
                parameters.getBoolean(Constants.REQUIRE_TARGETS).orElse(false),
                parameters.getBoolean(Constants.KEEP_FAILED_DATABASES).orElse(false),
                parameters.get(Constants.REPORT_DIR).filter(s -> !s.isBlank()).orElse("reports"),
                new ProjectPaths(root, Path.of("").toAbsolutePath()),
                parameters.getBoolean(Constants.PARALLEL_ENABLED).orElse(false),
                suiteParameters(parameters),
                nonBlank(parameters, Constants.ENVIRONMENT),
                parameters.getBoolean(Constants.ALLOW_PRODUCTION).orElse(false),
                nonBlank(parameters, Constants.SHARD).map(v -> Shard.parse(v, Constants.SHARD)).orElse(Shard.WHOLE),
                nonBlank(parameters, Constants.EMBEDDED_DIR),
                nonBlank(parameters, Constants.EMBEDDED_MAVEN_REPOSITORY),
                nonBlank(parameters, Constants.GENERATED_ROWS).map(RehearsalConfiguration::generatedRows).orElse(null));
    }

    /**
     * Why the engine must not create databases on {@code target}'s configured server: it is labelled
     * production and {@link Constants#ALLOW_PRODUCTION} is not set. Empty for SQLite and Testcontainers.
     */
    public Optional<String> productionRefusal(RehearsalSuite.Target target, Map<String, String> processEnvironment) {
        if (serverUrl(target).isEmpty() || allowProduction) {
            return Optional.empty();
        }
        Map<String, String> labels = new HashMap<>();
        environment.ifPresent(label -> labels.put(Constants.ENVIRONMENT, label));
        return ProductionLabels.productionSource(processEnvironment, labels).map(source -> "refusing to rehearse on "
                + target.id() + ": its server is labelled production (" + source + "), and a rehearsal creates and"
                + " drops databases there; nothing was created. Point " + (target == RehearsalSuite.Target.POSTGRES
                        ? Constants.POSTGRES_URL : Constants.MARIADB_URL)
                + " at another server, or set " + Constants.ALLOW_PRODUCTION + "=true if you mean it");
    }

    /** The parameters a {@link RehearsalSuite} may name as {@code ${key}} (the zero-Java-source route). */
    private static Map<String, String> suiteParameters(ConfigurationParameters parameters) {
        Map<String, String> values = new HashMap<>();
        for (String key : List.of(Constants.MIGRATIONS, Constants.FIXTURES, Constants.VERIFICATION)) {
            nonBlank(parameters, key).ifPresent(value -> values.put(key, value));
        }
        return values;
    }

    /**
     * An annotation value with {@code ${key}} replaced by that configuration parameter. A missing
     * parameter is an error naming it: a misconfigured suite must fail loudly, never vanish.
     */
    public String expand(String annotationValue, String suiteName) {
        if (!annotationValue.startsWith("${") || !annotationValue.endsWith("}")) {
            return annotationValue;
        }
        String key = annotationValue.substring(2, annotationValue.length() - 1);
        String value = suiteParameters.get(key);
        if (value == null && key.equals(Constants.MIGRATIONS)) {
            throw new RehearsalException(ErrorCode.BAD_USAGE, suiteName + " takes its migrations directory from the"
                    + " configuration parameter " + key + ", which is not set: add " + key + "=<dir> to"
                    + " src/test/resources/junit-platform.properties or pass -D" + key + "=<dir>");
        }
        return value == null ? "" : value;
    }

    /** The configured admin URL for a server target, if any. */
    public Optional<String> serverUrl(RehearsalSuite.Target target) {
        if (target == RehearsalSuite.Target.POSTGRES) {
            return postgresUrl;
        }
        return target == RehearsalSuite.Target.MARIADB ? mariadbUrl : Optional.empty();
    }

    /** The server target's password, from the environment variable its {@code password-env} names; none when unset. */
    public Optional<String> serverPassword(RehearsalSuite.Target target) {
        return passwordVariable(target).map(System::getenv).filter(p -> !p.isEmpty());
    }

    /** The environment variable the server target's password is read from; none for SQLite. */
    public Optional<String> passwordVariable(RehearsalSuite.Target target) {
        return Optional.ofNullable(target == RehearsalSuite.Target.POSTGRES ? postgresPasswordEnv
                : target == RehearsalSuite.Target.MARIADB ? mariadbPasswordEnv : null);
    }

    /** The servers as the core sees them: URLs, passwords from their environment variables, and the keys that set them. */
    public ServerSettings serverSettings() {
        Map<TargetKind, String> urls = new EnumMap<>(TargetKind.class);
        Map<TargetKind, String> passwords = new EnumMap<>(TargetKind.class);
        for (RehearsalSuite.Target target : List.of(RehearsalSuite.Target.POSTGRES, RehearsalSuite.Target.MARIADB)) {
            TargetKind kind = TargetKind.find(target.id()).orElseThrow();
            serverUrl(target).ifPresent(url -> urls.put(kind, url));
            serverPassword(target).ifPresent(password -> passwords.put(kind, password));
        }
        return new ServerSettings(urls, passwords,
                Map.of(TargetKind.POSTGRES, Constants.POSTGRES_URL, TargetKind.MARIADB, Constants.MARIADB_URL),
                embeddedServers());
    }

    /**
     * Where embedded servers keep their data ({@link Constants#EMBEDDED_DIR}, else {@code target/rehearsal-servers}
     * when the working directory is a Maven module, else a temporary directory) and where their binaries are cached.
     */
    EmbeddedSettings embeddedServers() {
        Path dataRoot = embeddedDir.map(paths::resolveForOutput).orElseGet(() -> {
            Path target = Path.of("target").toAbsolutePath();
            return Files.isDirectory(target) ? target.resolve("rehearsal-servers") : null;
        });
        return new EmbeddedSettings(dataRoot, mavenRepository.map(Path::of).map(Path::toAbsolutePath)
                .orElseGet(EmbeddedSettings::defaultMavenRepository), Constants.EMBEDDED_MAVEN_REPOSITORY);
    }

    public RunOptions runOptions() {
        return new RunOptions(requireTargets, Constants.REQUIRE_TARGETS + "=true", keepFailedDatabases, generatedRows);
    }

    /** Where the results JSON goes. */
    public Path reportDirectory() {
        return paths.resolveForOutput(reportDir);
    }

    static List<TargetKind> targets(String value) {
        List<TargetKind> targets = new ArrayList<>();
        for (String name : value.split(",")) {
            if (name.isBlank()) {
                continue;
            }
            TargetKind target = TargetKind.find(name).orElseThrow(() -> new RehearsalException(ErrorCode.BAD_USAGE,
                    Constants.TARGETS + ": unknown target '" + name.trim() + "'; use a comma list of " + TargetKind.ids()));
            if (!targets.contains(target)) {
                targets.add(target);
            }
        }
        return targets;
    }

    static long generatedRows(String value) {
        try {
            long rows = Long.parseLong(value);
            if (rows >= 0) {
                return rows;
            }
        } catch (NumberFormatException e) {
            // reported below, with the key
        }
        throw new RehearsalException(ErrorCode.BAD_USAGE, Constants.GENERATED_ROWS + ": '" + value
                + "' is not a row count; use 0 (off) or more");
    }

    private static Optional<String> nonBlank(ConfigurationParameters parameters, String key) {
        return parameters.get(key).map(String::trim).filter(s -> !s.isEmpty());
    }
}
