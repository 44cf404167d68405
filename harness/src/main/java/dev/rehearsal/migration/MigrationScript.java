package dev.rehearsal.migration;

import dev.rehearsal.migration.sql.SqlStatement;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

/**
 * One direction (up or down) of a migration, already split for the target's dialect.
 *
 * @param file the file the script was read from
 * @param firstLine 1-based line in {@code file} where the script's text starts
 * @param sql the raw script text
 * @param statements the statements in order; empty when the script holds only comments
 * @param transactional false when the file opts out of a transaction
 *     ({@code -- +migrate Up notransaction}, {@code -- +goose NO TRANSACTION},
 *     {@code transaction:false}) or a statement cannot run inside one
 */
public record MigrationScript(
        Path file, int firstLine, String sql, List<SqlStatement> statements, boolean transactional) {

    /** diesel's file names, the same in every migration's folder. */
    private static final Pattern FOLDER_NAMED = Pattern.compile("(up|down)(\\.[A-Za-z0-9]+)?\\.sql");

    public MigrationScript {
        statements = List.copyOf(statements);
    }

    /**
     * The file as messages name it: its name, or {@code folder/name} when the name alone does not tell
     * the migration (diesel's {@code 2022-04-26-153628_add_users/down.sql}).
     */
    public String fileName() {
        String name = String.valueOf(file.getFileName());
        Path folder = file.getParent();
        return FOLDER_NAMED.matcher(name).matches() && folder != null && folder.getFileName() != null
                ? folder.getFileName() + "/" + name : name;
    }

    /** True when the script holds no statement at all (only comments or white space). */
    public boolean isEmpty() {
        return statements.isEmpty();
    }
}
