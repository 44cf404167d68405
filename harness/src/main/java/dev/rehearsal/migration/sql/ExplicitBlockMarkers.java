package dev.rehearsal.migration.sql;

/**
 * Recognises goose's and sql-migrate's {@code -- +goose StatementBegin} / {@code -- +migrate
 * StatementEnd} lines. The tools send a block to the database in one call; Rehearsal runs its
 * statements one by one (see {@link StatementScanner}), so every one is counted and none is dropped.
 */
final class ExplicitBlockMarkers {
    private static final String[] TOOLS = {"goose", "migrate"};

    private ExplicitBlockMarkers() {
    }

    /**
     * The tool name when the line comment at {@code dash} (up to {@code lineEnd}) is a
     * StatementBegin marker alone on its line, else null.
     */
    static String begin(String text, int dash, int lineEnd) {
        return marker(text, dash, lineEnd, "StatementBegin");
    }

    /** The tool name when the line comment at {@code dash} is a StatementEnd marker alone on its line, else null. */
    static String end(String text, int dash, int lineEnd) {
        return marker(text, dash, lineEnd, "StatementEnd");
    }

    private static String marker(String text, int dash, int lineEnd, String command) {
        int i = skipBlanks(text, dash + 2, lineEnd);
        if (i >= lineEnd || text.charAt(i) != '+') {
            return null;
        }
        for (String tool : TOOLS) {
            int afterTool = i + 1 + tool.length();
            if (afterTool < lineEnd && text.regionMatches(true, i + 1, tool, 0, tool.length())) {
                int c = skipBlanks(text, afterTool, lineEnd);
                int afterCommand = c + command.length();
                if (c > afterTool && text.regionMatches(true, c, command, 0, command.length())
                        && (afterCommand >= lineEnd || Character.isWhitespace(text.charAt(afterCommand)))
                        && onlyBlanksBefore(text, dash)) {
                    return tool;
                }
            }
        }
        return null;
    }

    private static boolean onlyBlanksBefore(String text, int index) {
        for (int i = index - 1; i >= 0 && text.charAt(i) != '\n'; i--) {
            if (!StatementScanner.isSpace(text.charAt(i))) { // a byte-order mark too
                return false;
            }
        }
        return true;
    }

    private static int skipBlanks(String text, int from, int to) {
        int i = from;
        while (i < to && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
            i++;
        }
        return i;
    }
}
