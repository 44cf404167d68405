package dev.rehearsal.runner;

import java.util.List;

/**
 * Called once per run, under the migration lock, after every refusal and before the first
 * statement: the place for a safety backup, which then shows the database as no other runner can
 * change it, and is never taken for a run that is refused or has nothing to do.
 *
 * @since 0.1
 */
@FunctionalInterface
public interface BeforeChanges {
    BeforeChanges NONE = plan -> null;

    /**
     * @param plan the scripts the run will execute, in order; never empty
     * @return how to get back to the state before the run (the restore command of a backup just taken),
     *     recorded with every script that runs without a transaction so a runner killed mid-script
     *     leaves it for the next one to show; null when there is none
     * @throws dev.rehearsal.RehearsalException to stop the run before anything changed
     */
    String beforeChanges(List<PlannedScript> plan);
}
