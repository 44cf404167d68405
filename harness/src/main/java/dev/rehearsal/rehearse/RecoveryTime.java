package dev.rehearsal.rehearse;

import java.time.Duration;

/**
 * How long a drill's recovery took, recorded as the step's time instead of the whole step's
 * (which includes bringing a scratch database to the previous migration).
 *
 * @param objectiveMillis the recovery-time objective it was held to, or null
 */
public record RecoveryTime(long millis, Long objectiveMillis) {

    static RecoveryTime of(Duration took, Duration objective) {
        return new RecoveryTime(took.toMillis(), objective == null ? null : objective.toMillis());
    }
}
