package dev.rehearsal.migration.sql;

import dev.rehearsal.ErrorCode;
import dev.rehearsal.RehearsalException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * One pass of the splitter over one script: a character-level tokenizer that skips quoted text and
 * comments whole, so a {@code ;} inside them never ends a statement. Not reusable, not thread-safe.
 */
final class StatementScanner {
    private static final String SEMICOLON = ";";
    private static final String NUL_BYTE = "a NUL byte (\\0); a migration is text and no database takes NUL in SQL. Remove it"
            + " (a file full of them was probably saved as UTF-16: save it as UTF-8)";

    private final SqlSyntax syntax;
    private final String script;
    private final String source;
    private final int firstLine;
    private final int length;
    private final LinePositions positions;
    private final BlockTracker blocks;
    private final List<SqlStatement> statements = new ArrayList<>();
    /** StatementBegin lines not closed yet, innermost first: blocks may nest. */
    private final Deque<OpenBlock> openBlocks = new ArrayDeque<>();
    private String delimiter = SEMICOLON;
    private boolean customDelimiter;
    /** Offset of the current statement's first token, -1 between statements. */
    private int start = -1;

    StatementScanner(SqlSyntax syntax, String script, String source, int firstLine) {
        this.syntax = syntax;
        this.script = script;
        this.source = source;
        this.firstLine = firstLine;
        this.length = script.length();
        this.positions = new LinePositions(script, firstLine);
        this.blocks = new BlockTracker(syntax.beginEndBlocks());
    }

    List<SqlStatement> scan() {
        rejectNulBytes(script, source, firstLine);
        int i = 0;
        while (i < length) {
            char c = script.charAt(i);
            if (isSpace(c)) {
                i++;
            } else if (customDelimiter && c == delimiter.charAt(0) && script.startsWith(delimiter, i)) {
                endStatement(i);
                i += delimiter.length();
            } else if (c == ';' && !customDelimiter && !blocks.open()) {
                endStatement(i);
                i++;
            } else {
                i = token(c, i);
            }
        }
        endStatement(length);
        rejectUnclosedBlock();
        return statements;
    }

    /** Consumes the token at {@code i}; returns the offset just after it. */
    private int token(char c, int i) {
        char next = i + 1 < length ? script.charAt(i + 1) : 0;
        if (c == '-' && next == '-' || c == '#' && syntax.mysqlComments()) {
            return lineComment(i);
        }
        if (c == '/' && next == '*') {
            int end = blockComment(i);
            if (syntax.mysqlComments() && i + 2 < length && script.charAt(i + 2) == '!') {
                markStart(i); // /*!40101 SET NAMES utf8 */ is executed by MySQL
                blocks.literal();
            }
            return end;
        }
        if (c == '\'') {
            return literal(i, quoted(i, '\'', syntax.backslashEscapes()));
        }
        if (c == '"') {
            return literal(i, quoted(i, '"', syntax.backslashEscapes()));
        }
        if (c == '`' && syntax.backtickQuotes()) {
            return literal(i, quoted(i, '`', false));
        }
        if (c == '$' && syntax.dollarQuotes()) {
            int end = dollarQuoted(i);
            if (end > 0) {
                return literal(i, end);
            }
        }
        if (isWordStart(c)) {
            return word(i);
        }
        if (c >= '0' && c <= '9') {
            int end = i + 1;
            while (end < length && isWordPart(script.charAt(end)) && !delimiterAt(end)) {
                end++;
            }
            return literal(i, end); // 1e5, 0x1F: so $tag$ right after a digit is not a dollar quote
        }
        markStart(i);
        blocks.punctuation(c);
        return i + 1;
    }

    private int literal(int begin, int end) {
        markStart(begin);
        blocks.literal();
        return end;
    }

    private int word(int begin) {
        int end = begin + 1;
        while (end < length && isWordPart(script.charAt(end)) && !delimiterAt(end)) {
            end++;
        }
        if (start < 0 && BlockTracker.is(script, begin, end - begin, "DELIMITER")) {
            if (!syntax.delimiterCommand()) {
                throw error(begin, "DELIMITER is a command of the MySQL client, not SQL: " + syntax.name()
                        + " has none. Remove the DELIMITER lines and end each statement with ; (dollar-quoted and"
                        + " BEGIN ... END bodies stay whole by themselves)");
            }
            return delimiterCommand(begin, end);
        }
        markStart(begin);
        if (end - begin == 1 && (script.charAt(begin) | 0x20) == 'e' && end < length && script.charAt(end) == '\'') {
            blocks.literal(); // PostgreSQL's E'it\'s' escape strings
            return quoted(end, '\'', true);
        }
        if (!customDelimiter) {
            blocks.word(script, begin, end);
        }
        return end;
    }

    /** MySQL client's {@code DELIMITER //}: changes the terminator, is not a statement itself. */
    private int delimiterCommand(int begin, int end) {
        int from = end;
        while (from < length && (script.charAt(from) == ' ' || script.charAt(from) == '\t')) {
            from++;
        }
        int to = from;
        while (to < length && !isSpace(script.charAt(to))) {
            to++;
        }
        if (to == from) {
            throw error(begin, "DELIMITER without a delimiter; write for example 'DELIMITER //', "
                    + "end the statements with //, then switch back with 'DELIMITER ;'");
        }
        delimiter = script.substring(from, to);
        customDelimiter = !delimiter.equals(SEMICOLON);
        return to;
    }

    private boolean delimiterAt(int i) {
        return customDelimiter && script.charAt(i) == delimiter.charAt(0) && script.startsWith(delimiter, i);
    }

    private int lineComment(int dash) {
        int end = script.indexOf('\n', dash);
        if (end < 0) {
            end = length;
        }
        if (script.charAt(dash) == '-') {
            String begin = ExplicitBlockMarkers.begin(script, dash, end);
            if (begin != null) {
                openBlock(dash, begin);
            } else {
                String close = ExplicitBlockMarkers.end(script, dash, end);
                if (close != null) {
                    closeBlock(dash, close);
                }
            }
        }
        return end;
    }

    private int blockComment(int open) {
        boolean nested = syntax.nestedBlockComments();
        int depth = 1;
        int i = open + 2;
        while (i + 1 < length) {
            char c = script.charAt(i);
            if (c == '*' && script.charAt(i + 1) == '/') {
                if (--depth == 0) {
                    return i + 2;
                }
                i += 2;
            } else if (nested && c == '/' && script.charAt(i + 1) == '*') {
                depth++;
                i += 2;
            } else {
                i++;
            }
        }
        throw error(open, "unterminated block comment starting here; close it with */"
                + (nested ? " (" + syntax.name() + " nests block comments: every /* inside needs its own */)" : ""));
    }

    private int quoted(int open, char quote, boolean backslashEscapes) {
        for (int i = open + 1; i < length; i++) {
            char c = script.charAt(i);
            if (c == quote) {
                if (i + 1 < length && script.charAt(i + 1) == quote) {
                    i++;
                } else {
                    return i + 1;
                }
            } else if (c == '\\' && backslashEscapes) {
                i++;
            }
        }
        String what = quote == '\'' || quote == '"' && syntax.backslashEscapes()
                ? "string literal" : "quoted identifier";
        throw error(open, "unterminated " + what + " starting here; close it with " + quote
                + " (write " + quote + quote + " for a " + quote + " inside it)");
    }

    /** The offset after a {@code $tag$ ... $tag$} starting at {@code open}, or -1 ({@code $1}, {@code $}). */
    private int dollarQuoted(int open) {
        int i = open + 1;
        if (i < length && (isWordStart(script.charAt(i)) && script.charAt(i) != '$')) {
            i++;
            while (i < length && isWordPart(script.charAt(i)) && script.charAt(i) != '$') {
                i++;
            }
        }
        if (i >= length || script.charAt(i) != '$') {
            return -1;
        }
        String tag = script.substring(open, i + 1);
        int close = script.indexOf(tag, i + 1);
        if (close < 0) {
            throw error(open, "unterminated dollar-quoted string starting here; close it with " + tag);
        }
        return close + tag.length();
    }

    /**
     * A StatementBegin line ends the statement before it and opens a block; inside it the statements
     * are split as everywhere else, and the StatementEnd line ends the last one even without its
     * {@code ;}. goose and sql-migrate send a block in one call, but a JDBC driver runs one statement
     * per call (sqlite-jdbc silently only the first, MariaDB refuses the rest): splitting is what makes
     * every statement of a block run and be counted. Bodies that hold {@code ;} (triggers, routines,
     * dollar quotes) stay whole because the tokenizer keeps them whole anywhere.
     */
    private void openBlock(int marker, String tool) {
        endStatement(marker);
        openBlocks.push(new OpenBlock(marker, tool));
    }

    private void closeBlock(int marker, String tool) {
        if (openBlocks.isEmpty()) {
            throw error(marker, "'-- +" + tool + " StatementEnd' without a StatementBegin before it; add '-- +" + tool
                    + " StatementBegin' above the statements it closes, or delete this line");
        }
        endStatement(marker);
        openBlocks.pop();
    }

    private void rejectUnclosedBlock() {
        if (!openBlocks.isEmpty()) {
            OpenBlock block = openBlocks.peek();
            throw error(block.marker(), "unterminated StatementBegin block starting here; add a line '-- +"
                    + block.tool() + " StatementEnd' after the statement");
        }
    }

    static void rejectNulBytes(String text, String source, int firstLine) {
        int nul = text.indexOf('\0');
        if (nul >= 0) {
            throw new RehearsalException(ErrorCode.BAD_MIGRATION_FILE,
                    new LinePositions(text, firstLine).seek(nul).describe(source) + ": " + NUL_BYTE);
        }
    }

    private void markStart(int i) {
        if (start < 0) {
            start = i;
        }
    }

    private void endStatement(int at) {
        if (start >= 0) {
            add(start, trimEnd(start, at));
            start = -1;
        }
        blocks.reset();
    }

    private void add(int from, int to) {
        String sql = script.substring(from, to);
        positions.seek(from);
        statements.add(new SqlStatement(sql, positions.line(), positions.column(),
                !NonTransactionalStatements.requiresNoTransaction(sql)));
    }

    private int trimEnd(int from, int to) {
        int end = to;
        while (end > from && isSpace(script.charAt(end - 1))) {
            end--;
        }
        return end;
    }

    private RehearsalException error(int at, String message) {
        return new RehearsalException(ErrorCode.BAD_MIGRATION_FILE,
                positions.seek(at).describe(source) + ": " + message);
    }

    static boolean isSpace(char c) {
        return c <= ' ' || c > 127 && (Character.isWhitespace(c) || c == '\u00a0' || c == '\ufeff');
    }

    private static boolean isWordStart(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_' || c > 127 && Character.isLetter(c);
    }

    private static boolean isWordPart(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '$'
                || c > 127 && Character.isLetterOrDigit(c);
    }

    /** Where a StatementBegin line starts, and whose marker it is (goose or migrate). */
    private record OpenBlock(int marker, String tool) {
    }
}
