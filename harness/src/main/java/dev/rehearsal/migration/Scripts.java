package dev.rehearsal.migration;

import dev.rehearsal.database.Dialect;
import dev.rehearsal.migration.sql.SqlStatement;
import dev.rehearsal.migration.sql.StatementSplitter;
import java.nio.file.Path;
import java.util.List;

/** Turns a piece of a file into a {@link MigrationScript} split for the target's dialect. */
final class Scripts {
    private Scripts() {
    }

    /**
     * @param fileTransactional false when the file itself opts out of a transaction
     * @return a script that is transactional only when the file allows it and every statement can run in one
     */
    static MigrationScript split(Path file, String text, int firstLine, boolean fileTransactional, Dialect dialect) {
        List<SqlStatement> statements = statements(file, text, firstLine, dialect);
        boolean transactional = fileTransactional && statements.stream().allMatch(SqlStatement::transactional);
        return new MigrationScript(file, firstLine, text, statements, transactional);
    }

    static List<SqlStatement> statements(Path file, String text, int firstLine, Dialect dialect) {
        return new StatementSplitter(dialect.syntax()).split(text, file.toString(), firstLine);
    }
}
