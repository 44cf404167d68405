package dev.rehearsal.migration.sql;

/**
 * The lexical rules of one SQL dialect that decide where a statement ends: the splitter's dialect
 * hooks.
 *
 * @param name a short name used in messages
 * @param dollarQuotes PostgreSQL {@code $$ ... $$} and {@code $tag$ ... $tag$} bodies
 * @param backtickQuotes MySQL/SQLite {@code `identifier`} quoting
 * @param backslashEscapes MySQL's {@code 'it\'s'} escapes inside string literals
 * @param delimiterCommand MySQL client's {@code DELIMITER //} lines
 * @param beginEndBlocks trigger and procedure bodies ({@code BEGIN ... END}) are part of one
 *     statement (SQLite, MySQL)
 * @param nestedBlockComments PostgreSQL's <code>/* outer /* inner *&#47; still a comment *&#47;</code>
 * @param mysqlComments MySQL's {@code # line comments} and <code>/*! executable comments *&#47;</code>
 *     (the latter count as statement text: mysqldump files rely on them)
 */
public record SqlSyntax(
        String name,
        boolean dollarQuotes,
        boolean backtickQuotes,
        boolean backslashEscapes,
        boolean delimiterCommand,
        boolean beginEndBlocks,
        boolean nestedBlockComments,
        boolean mysqlComments) {

    public static final SqlSyntax SQLITE =
            new SqlSyntax("sqlite", false, true, false, false, true, false, false);
    public static final SqlSyntax POSTGRES =
            new SqlSyntax("postgres", true, false, false, false, false, true, false);
    public static final SqlSyntax MYSQL =
            new SqlSyntax("mysql", false, true, true, true, true, false, true);
    /** Used where no target is known yet (emptiness checks, reports): the most permissive rules. */
    public static final SqlSyntax GENERIC =
            new SqlSyntax("generic", true, true, false, false, true, false, false);
}
