package dev.rehearsal.runner;

import dev.rehearsal.migration.MigrationScript;
import dev.rehearsal.migration.sql.SqlStatement;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Whether a script manages its own transaction ({@code BEGIN;} ... {@code COMMIT;}, {@code START
 * TRANSACTION}, {@code ROLLBACK}, PostgreSQL's {@code END}). Run inside the runner's transaction, its
 * {@code COMMIT} would end that transaction early and a later failure would roll back only part of
 * it; so such a script runs as its author wrote it, without the runner's transaction.
 */
public final class TransactionControl {
    private static final Pattern LEADING_COMMENTS = Pattern.compile("^(?:\\s+|--[^\\n]*\\n?|/\\*.*?\\*/)+", Pattern.DOTALL);
    private static final Pattern CONTROL = Pattern.compile("(?:begin(?:\\s+(?:transaction|work|deferred|immediate|exclusive"
            + "|isolation\\b.*|read\\b.*))?(?:\\s+transaction)?|start\\s+transaction\\b.*|commit(?:\\s+(?:transaction|work))?"
            + "|end(?:\\s+(?:transaction|work))?|rollback(?:\\s+(?:transaction|work))?)\\s*;?\\s*",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);

    private TransactionControl() {
    }

    /** The script's first statement that starts, commits or rolls back a transaction, if any. */
    public static Optional<SqlStatement> firstIn(MigrationScript script) {
        if (script == null) {
            return Optional.empty();
        }
        return script.statements().stream().filter(TransactionControl::controls).findFirst();
    }

    /** {@code COMMIT at 2_audit.up.sql:4}. */
    public static String describe(MigrationScript script, SqlStatement statement) {
        String word = LEADING_COMMENTS.matcher(statement.sql()).replaceFirst("").strip().split("[\\s;]+")[0];
        return word.toUpperCase(java.util.Locale.ROOT) + " at " + script.file().getFileName() + ":" + statement.line();
    }

    static boolean controls(SqlStatement statement) {
        String sql = LEADING_COMMENTS.matcher(statement.sql()).replaceFirst("");
        return CONTROL.matcher(sql).matches();
    }
}
