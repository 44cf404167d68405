package dev.rehearsal.stage;

/**
 * Progress of a staged migration, for printing ({@code [1/4] backup ... done in 120 ms}).
 *
 * @since 0.1
 */
public interface StageListener {
    StageListener SILENT = new StageListener() {
    };

    /**
     * @param number 1-based; after a failure come the recovery steps {@code check} (is the database
     *     as the backup captured it?) and {@code restore}, numbered {@code total + 1} and on
     */
    default void stepStarted(int number, int total, String step) {
    }

    /** @param detail what the step did, e.g. the backup file; "skipped: ..." for a skipped step */
    default void stepFinished(int number, int total, String step, boolean ok, long millis, String detail) {
    }

    /** Something the user must not miss (no backup, no restore). */
    default void warning(String message) {
    }
}
