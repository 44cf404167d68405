package dev.rehearsal.report.model;

/**
 * How long the phases of one migration took; null where no run measured it.
 *
 * @param recoveryMillis the recovery time a drill measured
 * @param objectiveMillis the recovery-time objective the drill held it to
 */
public record Timings(Long upMillis, Long downMillis, Long restoreMillis, Long recoveryMillis, Long objectiveMillis) {

    /** The recovery met its objective; null when no drill measured it. */
    public Boolean withinObjective() {
        return recoveryMillis == null || objectiveMillis == null ? null : recoveryMillis <= objectiveMillis;
    }
}
