package dev.rehearsal.database;

import dev.rehearsal.ErrorCode;
import dev.rehearsal.RehearsalException;
import java.time.Duration;

/** The one message every dialect gives when another runner keeps the lock. */
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

    static void pause() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RehearsalException(ErrorCode.LOCK_TIMEOUT, "interrupted while waiting for the migration lock", e);
        }
    }
}
