package dev.rehearsal.rehearse.results;

import java.util.List;

/**
 * One migration set on one database engine.
 *
 * @param target {@code sqlite}, {@code postgres} or {@code mariadb}
 * @param reason why it was skipped or failed as a whole; null otherwise
 * @param maskedUrl the server's admin URL without password, or null (SQLite, not reached)
 * @param serverVersion as the server reports it, or null when not reached
 * @param setSteps full-chain and history
 * @param server where the server came from: the configured URL's setting, a Testcontainers image, or an
 *     embedded server with its release and start-up time; null for SQLite and unreached servers
 */
public record TargetResult(String target, TargetStatus status, String reason, String maskedUrl, String serverVersion,
        List<MigrationResult> migrations, List<StepResult> setSteps, String server) {

    public TargetResult {
        migrations = List.copyOf(migrations);
        setSteps = List.copyOf(setSteps);
    }

    /** Without a server origin (SQLite, results written before it was recorded). */
    public TargetResult(String target, TargetStatus status, String reason, String maskedUrl, String serverVersion,
            List<MigrationResult> migrations, List<StepResult> setSteps) {
        this(target, status, reason, maskedUrl, serverVersion, migrations, setSteps, null);
    }
}
