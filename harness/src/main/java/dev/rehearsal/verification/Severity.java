package dev.rehearsal.verification;

/**
 * How much a failing check matters: an {@code error} fails the suite, a {@code warning} is only
 * reported.
 *
 * @since 0.1
 */
public enum Severity {
    ERROR, WARNING;

    /** The spelling in suite files: {@code error}, {@code warning}. */
    public String yamlName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
