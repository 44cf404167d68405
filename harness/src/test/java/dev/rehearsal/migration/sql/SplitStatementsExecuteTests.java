package dev.rehearsal.migration.sql;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rehearsal.database.IsolatedDatabase;
import dev.rehearsal.testing.TestDatabases;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The sample files, split, are accepted statement by statement by the engine they were written for. */
class SplitStatementsExecuteTests {

    @ParameterizedTest(name = "{1} on {0}")
    @CsvSource({
        "sqlite,   sqlite-trigger.sql,            8",
        "postgres, postgres-functions.sql,       10",
        "postgres, goose-blocks.sql,              4",
        "mariadb,  mysql-procedure-delimiter.sql, 6",
        "mariadb,  mysql-trigger-begin-end.sql,   9",
    })
    void everySplitStatementRunsOnItsEngine(String engine, String file, int expected) throws SQLException {
        try (IsolatedDatabase db = TestDatabases.create(engine)) {
            List<SqlStatement> statements = StatementSplitterTests.split(db.target().dialect().syntax(), file);
            assertThat(statements).hasSize(expected);
            try (Connection connection = db.target().connect(); Statement jdbc = connection.createStatement()) {
                for (SqlStatement statement : statements) {
                    try {
                        jdbc.execute(statement.sql());
                    } catch (SQLException e) {
                        throw new AssertionError(file + ":" + statement.line() + " rejected: " + e.getMessage(), e);
                    }
                }
            }
        }
    }
}
