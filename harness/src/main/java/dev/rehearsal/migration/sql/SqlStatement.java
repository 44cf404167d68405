package dev.rehearsal.migration.sql;

/**
 * One statement of a script, exactly as written (without its terminator).
 *
 * @param sql the statement text, trimmed, without the trailing delimiter
 * @param line 1-based line in the file where the statement starts
 * @param column 1-based column where the statement starts
 * @param transactional false for statements a database refuses to run inside a transaction
 *     (PostgreSQL {@code CREATE INDEX CONCURRENTLY}, {@code VACUUM}, {@code CREATE DATABASE}...)
 */
public record SqlStatement(String sql, int line, int column, boolean transactional) {
}
