package dev.rehearsal.report;

import dev.rehearsal.rehearse.results.Verdict;

/**
 * A proof made outside the engine's four steps: a rollback drill, a fault drill, a verified
 * backup, a verification suite. Callers map their own results (RollbackDrillResult, FaultResult,
 * backup verification) to this so the report needs none of their types.
 *
 * @param suite the suite id or name it belongs to; null for every suite
 * @param target {@code sqlite}, {@code postgres} or {@code mariadb}
 * @param version the migration version as written in its file name
 * @param message what happened, or null for a plain pass
 * @param diffText differences one per line, or null
 * @param millis how long it took (for {@link Proof#BACKUP_RESTORE} the restore time), 0 when unknown
 * @param objectiveMillis the recovery-time objective a drill held {@code millis} to, or null
 * @since 0.1
 */
public record ProofEvidence(String suite, String target, String version, Proof proof, Verdict verdict, String message,
        String diffText, long millis, Long objectiveMillis) {
}
