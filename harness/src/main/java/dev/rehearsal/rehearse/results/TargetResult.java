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
 * @param seededRows rows loaded into the rehearsal databases, per {@code "<fixture file or generated rows>: <table>"};
 *     empty when none were (added in 0.1 without a format change: older files read as empty)
 */
public record TargetResult(String target, TargetStatus status, String reason, String maskedUrl, String serverVersion,
        List<MigrationResult> migrations, List<StepResult> setSteps, Map<String, Long> seededRows) {

    public TargetResult {
        migrations = List.copyOf(migrations);
        setSteps = List.copyOf(setSteps);
        seededRows = seededRows == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(seededRows));
    }

    /** A target into whose databases no rows were loaded. */
    public TargetResult(String target, TargetStatus status, String reason, String maskedUrl, String serverVersion,
            List<MigrationResult> migrations, List<StepResult> setSteps) {
        this(target, status, reason, maskedUrl, serverVersion, migrations, setSteps, Map.of());
    }
}
