package dev.rehearsal.engine;

/**
 * Every configuration parameter the Rehearsal engine reads. Set them as JUnit Platform
 * configuration parameters: {@code junit-platform.properties}, system properties ({@code -D}), or
 * Surefire's {@code configurationParameters} (Surefire's first discovery pass sees only the first two).
 *
 * @since 0.1
 */
public final class Constants {
    /** The engine id: {@code @IncludeEngines("rehearsal")}. */
    public static final String ENGINE_ID = "rehearsal";

    /**
     * Comma-separated targets to rehearse on: {@code sqlite}, {@code postgres}, {@code mariadb}, and
     * the embedded servers Rehearsal starts itself: {@code postgres-13} to {@code postgres-17},
     * {@code mariadb-10.11}, {@code mariadb-11.4} (see the README: their binaries are Maven artifacts).
     * Default {@code sqlite}. A {@link RehearsalSuite} runs the intersection with its own targets
     * ({@code POSTGRES} there allows every PostgreSQL target).
     */
    public static final String TARGETS = "rehearsal.targets";

    /**
     * Admin JDBC URL of the PostgreSQL server (the engine creates and drops one database per
     * target run there), e.g. {@code jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres}.
     * Default: none; then a Testcontainers PostgreSQL when a Docker engine is reachable, else an
     * embedded PostgreSQL 17 when its binaries are found (as for {@code postgres-17}), else the
     * target is skipped with the reason of each step.
     */
    public static final String POSTGRES_URL = "rehearsal.postgres.url";

    /**
     * Where embedded servers ({@code postgres-17}, ...) keep their data directories, one per server,
     * deleted when the run ends. Default {@code target/rehearsal-servers} when the working directory
     * has a {@code target} folder (a Maven module), else a temporary directory.
     */
    public static final String EMBEDDED_DIR = "rehearsal.embedded.dir";

    /**
     * The local Maven repository in which the binaries of embedded servers are looked up when they
     * are not on the classpath. Default: the {@code maven.repo.local} system property, else
     * {@code ~/.m2/repository}.
     */
    public static final String EMBEDDED_MAVEN_REPOSITORY = "rehearsal.embedded.maven-repository";

    /** As {@link #POSTGRES_URL}, for MariaDB, e.g. {@code jdbc:mariadb://127.0.0.1:3306/?user=root}. */
    public static final String MARIADB_URL = "rehearsal.mariadb.url";

    /**
     * The environment variable holding the PostgreSQL server's password. Default
     * {@code REHEARSAL_POSTGRES_PASSWORD}. The password itself is never a configuration parameter:
     * Surefire copies those into its XML reports.
     */
    public static final String POSTGRES_PASSWORD_ENV = "rehearsal.postgres.password-env";

    /** As {@link #POSTGRES_PASSWORD_ENV}, for MariaDB. Default {@code REHEARSAL_MARIADB_PASSWORD}. */
    public static final String MARIADB_PASSWORD_ENV = "rehearsal.mariadb.password-env";

    /** {@code true}: an unavailable target fails instead of being skipped. Default {@code false}. */
    public static final String REQUIRE_TARGETS = "rehearsal.require-targets";

    /**
     * {@code true}: the databases of a target run with a failure are kept for inspection (their
     * names are published as report entries). Default {@code false}.
     */
    public static final String KEEP_FAILED_DATABASES = "rehearsal.keep-failed-databases";

    /**
     * Rows generated into every empty table before each migration of a set without fixtures, so that
     * "rollback preserves data" compares real rows; {@code 0} turns it off. Default: the set's
     * {@code generated-rows} in rehearsal.yaml, else 200.
     */
    public static final String GENERATED_ROWS = "rehearsal.generated-rows";

    /**
     * The environment label of the configured servers ({@link #POSTGRES_URL}, {@link #MARIADB_URL}).
     * {@code $REHEARSAL_ENV} counts too: when either is a production label ({@code prod},
     * {@code prd}, {@code production}, {@code prod-eu}, ... or one listed in
     * {@code $REHEARSAL_PRODUCTION_LABELS}, see {@code ProductionLabels}), the engine creates no
     * database there unless {@link #ALLOW_PRODUCTION} is {@code true}: those targets fail with the
     * reason. Default: none.
     */
    public static final String ENVIRONMENT = "rehearsal.env";

    /**
     * {@code true}: rehearse on configured servers labelled production (see {@link #ENVIRONMENT}),
     * creating and dropping scratch databases there. Default {@code false}.
     */
    public static final String ALLOW_PRODUCTION = "rehearsal.allow-production";

    /**
     * Where {@code rehearsal-results.json} and the readiness report built from it
     * ({@code rehearsal-report.html}, {@code rehearsal-report.json}) are written; relative paths
     * resolve against the project root. Default {@code reports}.
     */
    public static final String REPORT_DIR = "rehearsal.report.dir";

    /**
     * {@code K/N}: run only shard K of N, a deterministic part of the plan (see
     * {@link dev.rehearsal.rehearse.plan.Shard}: whole migrations per set and target, cut into N
     * contiguous runs). Its results go to {@code shard-K-of-N/} under the report directory and read
     * INCOMPLETE until {@code rehearsal report --merge} joins every shard's. Default: the whole plan.
     */
    public static final String SHARD = "rehearsal.shard";

    /**
     * The directory {@link RehearsalSuite} paths and the report directory resolve against; relative
     * values resolve against the working directory. Default: found by walking up from the working directory.
     */
    public static final String PROJECT_ROOT = "rehearsal.project-root";

    /**
     * {@code true}: targets (and suites) run concurrently. Default {@code false}. The pool is sized by
     * the {@code rehearsal.execution.parallel.config.*} parameters, read as Jupiter reads its own
     * ({@code strategy} = dynamic|fixed|custom, {@code fixed.parallelism}, ...).
     */
    public static final String PARALLEL_ENABLED = "rehearsal.execution.parallel.enabled";

    /** Prefix of the parallel pool configuration (see {@link #PARALLEL_ENABLED}). */
    public static final String PARALLEL_CONFIG_PREFIX = "rehearsal.execution.parallel.config.";

    /**
     * The migrations directory of {@link ConfiguredRehearsal}, the suite class shipped in the harness
     * jar for projects without Java test sources (picked up through Surefire's
     * {@code dependenciesToScan}). No default: the suite fails, naming this key, when it is unset.
     */
    public static final String MIGRATIONS = "rehearsal.migrations";

    /** The fixtures directory of {@link ConfiguredRehearsal}. Default: none. */
    public static final String FIXTURES = "rehearsal.fixtures";

    /** The verification suites directory of {@link ConfiguredRehearsal}. Default: none. */
    public static final String VERIFICATION = "rehearsal.verification";

    /**
     * The declarations file in a migrations directory: lossy, irreversible, expected defects, the
     * {@code drills} block (backup, faults, max-faults, objective) that adds drill steps under every
     * migration, and volatile columns.
     *
     * <p>{@code volatile: ["users.created_at"]} names {@code table.column}s (matched ignoring case)
     * whose values a redo cannot reproduce because their default reads the clock or a random source
     * ({@code CURRENT_TIMESTAMP}, {@code now()}, {@code gen_random_uuid()}...). The redo step leaves
     * them out: a table whose only changed values are in volatile columns passes when its row count
     * and the checksums of its other columns, compared column by column, are unchanged. The rollback
     * steps still compare them. A failed redo names such columns and the line to declare them with.
     */
    public static final String DECLARATIONS_FILE = dev.rehearsal.rehearse.plan.Declarations.FILE;

    /** The results file written into the report directory at the end of every engine run. */
    public static final String RESULTS_FILE = dev.rehearsal.rehearse.results.ResultsWriter.FILE;

    private Constants() {
    }
}
