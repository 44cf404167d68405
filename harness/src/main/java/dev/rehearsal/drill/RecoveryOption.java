package dev.rehearsal.drill;

import java.time.Duration;

/**
 * One way back from a migration, as a drill tried it.
 *
 * @param name {@code built-in rollback} or {@code restore from backup}
 * @param passed the state came back identical (schema and data) within the objective
 * @param recoveryTime how long the recovery took
 * @param objective the recovery-time objective it was held to
 * @param diff what differs from the pre-migration state (one line each), why the option failed
 *     when nothing differs (error, objective missed), or empty when it passed
 * @since 0.1
 */
public record RecoveryOption(String name, boolean passed, Duration recoveryTime, Duration objective, String diff) {

    public boolean withinObjective() {
        return recoveryTime.compareTo(objective) <= 0;
    }
}
