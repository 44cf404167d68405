package dev.rehearsal.verification;

import dev.rehearsal.ErrorCode;
import dev.rehearsal.RehearsalException;
import dev.rehearsal.database.Dialects;
import dev.rehearsal.migration.sql.SqlStatement;
import dev.rehearsal.migration.sql.SqlSyntax;
import dev.rehearsal.migration.sql.StatementSplitter;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A check runs exactly one statement. The migration splitter's tokenizer counts them (quotes,
 * comments and dollar quotes included), at load time and again, with the target's own rules,
 * right before the statement runs: pgjdbc runs every statement of a string, whatever its query
 * mode, and MariaDB does with {@code allowMultiQueries}.
 */
final class SingleStatement {
    private static final int SHOWN_CHARACTERS = 60;

    private SingleStatement() {
    }

    /**
     * The one statement of {@code sql} under {@code syntax}, without its terminator.
     *
     * @param what names the SQL in the refusal, e.g. {@code the sql}
     * @throws RehearsalException when {@code sql} holds several statements or none
     */
    static String of(String sql, SqlSyntax syntax, String what) {
        List<SqlStatement> statements = new StatementSplitter(syntax).split(sql, what, 1);
        if (statements.size() != 1) {
            throw new RehearsalException(ErrorCode.CHECK_FAILED, "refused: " + problem(what, statements));
        }
        return statements.get(0).sql();
    }

    /**
     * At load time the engine is not known: {@code sql} is refused only when every engine's rules
     * see several statements (a dollar quote is one statement to PostgreSQL alone).
     *
     * @return what is wrong, or null when some engine sees one statement
     */
    static String severalOnEveryEngine(String sql, String what) {
        String problem = null;
        for (SqlSyntax syntax : Dialects.all().stream().map(d -> d.syntax()).toList()) {
            List<SqlStatement> statements;
            try {
                statements = new StatementSplitter(syntax).split(sql, what, 1);
            } catch (RehearsalException e) {
                return null; // an unterminated quote: the engine says so when the check runs
            }
            if (statements.size() == 1) {
                return null;
            }
            problem = problem(what, statements);
        }
        return problem;
    }

    private static String problem(String what, List<SqlStatement> statements) {
        if (statements.isEmpty()) {
            return what + " holds no statement; a check runs exactly one read-only statement";
        }
        return what + " holds " + statements.size() + " statements (" + statements.stream()
                .map(s -> "'" + shortened(s.sql()) + "'").collect(Collectors.joining(", "))
                + "); a check runs exactly one read-only statement";
    }

    private static String shortened(String sql) {
        String line = sql.strip().replaceAll("\\s+", " ");
        return line.length() <= SHOWN_CHARACTERS ? line : line.substring(0, SHOWN_CHARACTERS) + "...";
    }
}
