package dev.rehearsal.database;

import dev.rehearsal.ErrorCode;
import dev.rehearsal.RehearsalException;
import java.time.Duration;

/** The messages every dialect gives when the migration lock cannot be had in time. */
final class LockTimeouts {
    private LockTimeouts() {
    }

    static RehearsalException timedOut(String lockName, Duration timeout, String holder) {
        return new RehearsalException(ErrorCode.LOCK_TIMEOUT,
                "another Rehearsal runner holds the migration lock '" + lockName + "'"
                        + (holder == null ? "" : " (" + holder + ")")
                        + "; gave up after " + timeout.toMillis() + " ms."
                        + " Wait for it to finish, or raise --lock-timeout");
    }

    /** SQLite: another connection keeps a write transaction open, so not even the lock row can be written. */
    static RehearsalException databaseBusy(Duration timeout) {
        return new RehearsalException(ErrorCode.LOCK_TIMEOUT,
                "the SQLite database is locked by another connection's open write transaction (another runner, or any"
                        + " program that began one); gave up after " + timeout.toMillis() + " ms."
                        + " Let it commit or close, or raise --lock-timeout");
    }

    static void pause() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RehearsalException(ErrorCode.LOCK_TIMEOUT, "interrupted while waiting for the migration lock", e);
        }
    }
}
