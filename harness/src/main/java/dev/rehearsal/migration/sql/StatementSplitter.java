package dev.rehearsal.migration.sql;

import java.util.List;
import java.util.Objects;

/**
 * Splits a migration script into statements with a tokenizer that knows the dialect's quotes,
 * comments, dollar quotes, {@code BEGIN ... END} bodies, MySQL {@code DELIMITER} lines and the
 * goose / sql-migrate {@code StatementBegin} ... {@code StatementEnd} markers.
 *
 * <p>Each statement is trimmed, carries no terminator, keeps its inner comments as written and
 * starts at its first token (comments before it belong to no statement). Scripts holding only
 * comments and white space yield no statement. A StatementBegin block is no statement of its own:
 * its statements are split like any others, so each one runs (and is counted) on its own.
 * Instances are immutable and thread-safe.
 *
 * @since 0.1
 */
public final class StatementSplitter {
    private final SqlSyntax syntax;

    /** @param syntax the lexical rules of the target dialect, never null */
    public StatementSplitter(SqlSyntax syntax) {
        this.syntax = Objects.requireNonNull(syntax, "syntax");
    }

    /**
     * Splits {@code script}.
     *
     * @param script the text to split, never null
     * @param source file name used in error messages
     * @param firstLine 1-based line of the script's first character in that file; statement lines
     *     are absolute (this offset applied)
     * @return the statements in order, empty when the script holds none
     * @throws dev.rehearsal.RehearsalException with {@code BAD_MIGRATION_FILE} and
     *     {@code source:line:column} of the start of an unterminated quote, identifier, block
     *     comment, dollar quote or StatementBegin block, of a StatementEnd without its StatementBegin,
     *     of a {@code DELIMITER} line where the dialect has none, or of a NUL character
     */
    public List<SqlStatement> split(String script, String source, int firstLine) {
        return new StatementScanner(syntax, script, source, firstLine).scan();
    }

    /**
     * Refuses text holding a NUL character, which no database takes in SQL and which would otherwise
     * pass for white space (or vanish from a trimmed directive line).
     *
     * @param source file name used in the message
     * @throws dev.rehearsal.RehearsalException with {@code BAD_MIGRATION_FILE} and {@code source:line:column}
     *     of the first NUL
     */
    public static void rejectNulBytes(String text, String source) {
        StatementScanner.rejectNulBytes(text, source, 1);
    }

    public SqlSyntax syntax() {
        return syntax;
    }
}
