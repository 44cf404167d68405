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
 */
public record TargetResult(String target, TargetStatus status, String reason, String maskedUrl, String serverVersion,
        List<MigrationResult> migrations, List<StepResult> setSteps) {

    public TargetResult {
        migrations = List.copyOf(migrations);
        setSteps = List.copyOf(setSteps);
    }
}
