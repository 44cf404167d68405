package dev.rehearsal.migration.sql;

/**
 * Turns character offsets into line and column, walking forward from the last answer so a whole
 * script costs one pass however many statements it holds.
 */
final class LinePositions {
    private final String text;
    private final int firstLine;
    private int index;
    private int line;
    private int lineStart;

    LinePositions(String text, int firstLine) {
        this.text = text;
        this.firstLine = firstLine;
    }

    /** Moves to {@code target}; afterwards {@link #line()} and {@link #column()} describe it. */
    LinePositions seek(int target) {
        if (target < index) {
            index = 0;
            line = 0;
            lineStart = 0;
        }
        for (int i = index; i < target; i++) {
            if (text.charAt(i) == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        index = target;
        return this;
    }

    /** Absolute 1-based line: the script's own line plus the offset it has in its file. */
    int line() {
        return firstLine + line;
    }

    int column() {
        return index - lineStart + 1;
    }

    String describe(String source) {
        return source + ":" + line() + ":" + column();
    }
}
