package dev.rehearsal.migration.sql;

/**
 * Recognises goose's and sql-migrate's {@code -- +goose StatementBegin} / {@code -- +migrate
 * StatementEnd} lines, which make everything between them one statement.
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

    /** True when the line {@code [lineStart, lineEnd)} is a StatementEnd marker of either tool. */
    static boolean isEnd(String text, int lineStart, int lineEnd) {
        int dash = skipBlanks(text, lineStart, lineEnd);
        return dash + 1 < lineEnd && text.charAt(dash) == '-' && text.charAt(dash + 1) == '-'
                && marker(text, dash, lineEnd, "StatementEnd") != null;
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
            if (!Character.isWhitespace(text.charAt(i))) {
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
