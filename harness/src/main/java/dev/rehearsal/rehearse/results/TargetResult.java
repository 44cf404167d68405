package dev.rehearsal.rehearse.results;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One migration set on one database engine.
 *
 * @param target {@code sqlite}, {@code postgres} or {@code mariadb}
 * @param reason why it was skipped or failed as a whole; null otherwise
 * @param maskedUrl the server's admin URL without password, or null (SQLite, not reached)
 * @param serverVersion as the server reports it, or null when not reached
 * @param setSteps full-chain and history
 * @param planned the unique ids of every step of the whole plan of this set on this target, in plan order,
 *     also those this run did not cover (a one-node rerun, a shard): what a complete run holds. Null in files
 *     written before 0.2 (their plan is unknown: read as exactly what they hold)
 * @param duplicated unique ids that a merge found in more than one shard's results (the first was kept); empty
 *     for a run
 * @param server where the server came from: the configured URL's setting, a Testcontainers image, or an
 *     embedded server with its release and start-up time; null for SQLite and unreached servers
 * @param seededRows rows loaded into the rehearsal databases, per {@code "<fixture file or generated rows>: <table>"};
 *     empty when none were (older files read as empty)
 * @see Coverage
 */
public record TargetResult(String target, TargetStatus status, String reason, String maskedUrl, String serverVersion,
        List<MigrationResult> migrations, List<StepResult> setSteps, List<String> planned, List<String> duplicated,
        String server, Map<String, Long> seededRows) {

    public TargetResult {
        migrations = List.copyOf(migrations);
        setSteps = List.copyOf(setSteps);
        planned = planned == null ? null : List.copyOf(planned);
        duplicated = duplicated == null ? List.of() : List.copyOf(duplicated);
        seededRows = seededRows == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(seededRows));
    }

    /** A result whose plan is not recorded (read as complete). */
    public TargetResult(String target, TargetStatus status, String reason, String maskedUrl, String serverVersion,
            List<MigrationResult> migrations, List<StepResult> setSteps) {
        this(target, status, reason, maskedUrl, serverVersion, migrations, setSteps, null, List.of(), null, Map.of());
    }

    /** Without a server origin (SQLite, results written before it was recorded). */
    public TargetResult(String target, TargetStatus status, String reason, String maskedUrl, String serverVersion,
            List<MigrationResult> migrations, List<StepResult> setSteps, List<String> planned, List<String> duplicated) {
        this(target, status, reason, maskedUrl, serverVersion, migrations, setSteps, planned, duplicated, null, Map.of());
    }

    /** With the server's origin, no rows recorded. */
    public TargetResult(String target, TargetStatus status, String reason, String maskedUrl, String serverVersion,
            List<MigrationResult> migrations, List<StepResult> setSteps, List<String> planned, List<String> duplicated,
            String server) {
        this(target, status, reason, maskedUrl, serverVersion, migrations, setSteps, planned, duplicated, server, Map.of());
    }
}
