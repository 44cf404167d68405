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
 */
public record SqlSyntax(
        String name,
        boolean dollarQuotes,
        boolean backtickQuotes,
        boolean backslashEscapes,
        boolean delimiterCommand,
        boolean beginEndBlocks) {

    public static final SqlSyntax SQLITE = new SqlSyntax("sqlite", false, true, false, false, true);
    public static final SqlSyntax POSTGRES = new SqlSyntax("postgres", true, false, false, false, false);
    public static final SqlSyntax MYSQL = new SqlSyntax("mysql", false, true, true, true, true);
    /** Used where no target is known yet (emptiness checks, reports): the most permissive rules. */
    public static final SqlSyntax GENERIC = new SqlSyntax("generic", true, true, false, false, true);
}
