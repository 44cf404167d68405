package dev.rehearsal.snapshot.schema;

/**
 * Shows where two long texts differ, with a little context, instead of both texts in full:
 * {@code ...NEW.updated_at := now(); RETURN... before up, ...NEW.updated_at := clock_timestamp(); RETURN... after rollback}.
 */
final class TextChange {
    /** Characters of unchanged text shown on each side of the change. */
    private static final int CONTEXT = 20;
    /** Longest stretch of changed text shown before it is cut. */
    private static final int MAX_CHANGED = 80;

    private TextChange() {
    }

    static String excerpt(String before, String beforeLabel, String after, String afterLabel) {
        if (before == null || after == null) {
            return (before == null ? "none" : before) + " " + beforeLabel + ", " + (after == null ? "none" : after) + " " + afterLabel;
        }
        int prefix = 0;
        int shorter = Math.min(before.length(), after.length());
        while (prefix < shorter && before.charAt(prefix) == after.charAt(prefix)) {
            prefix++;
        }
        int suffix = 0;
        while (suffix < shorter - prefix
                && before.charAt(before.length() - 1 - suffix) == after.charAt(after.length() - 1 - suffix)) {
            suffix++;
        }
        return around(before, prefix, suffix) + " " + beforeLabel + ", " + around(after, prefix, suffix) + " " + afterLabel;
    }

    /** The changed stretch of {@code text} (between the shared prefix and suffix) with whole words of context. */
    private static String around(String text, int prefix, int suffix) {
        int changedEnd = text.length() - suffix;
        int start = prefix - CONTEXT <= 0 ? 0 : text.lastIndexOf(' ', prefix - CONTEXT - 1) + 1;
        StringBuilder out = new StringBuilder(start > 0 ? "..." : "").append(text, start, prefix);
        if (changedEnd - prefix > MAX_CHANGED) {
            return out.append(text, prefix, prefix + MAX_CHANGED).append("...").toString();
        }
        int space = text.indexOf(' ', changedEnd + CONTEXT);
        int end = space < 0 ? text.length() : space;
        out.append(text, prefix, end);
        return end < text.length() ? out.append("...").toString() : out.toString();
    }
}
