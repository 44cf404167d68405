package dev.rehearsal.report.model;

/**
 * Something reading the SQL turned up, before any database ran it.
 *
 * @param kind {@code destructive}, {@code missing-down}, {@code unmirrored-down}, {@code non-transactional},
 *     {@code implicit-commit} or {@code unreadable}
 * @param migration {@code 20240102 unify media}; null when the directory itself could not be read
 * @param file the file, relative to the migrations directory where possible
 * @param line 1-based; 0 when the finding is about the file as a whole
 */
public record Finding(Severity severity, String kind, String migration, String file, int line, String message) {

    /** {@code 20240102_unify_media.up.sql:3}. */
    public String location() {
        return line > 0 ? file + ":" + line : file;
    }
}
