package dev.rehearsal.migration.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rehearsal.ErrorCode;
import dev.rehearsal.RehearsalException;
import org.junit.jupiter.api.Test;

class StatementSplitterErrorTests {

    @Test
    void unterminatedStringPointsAtItsOpeningQuote() {
        assertError(SqlSyntax.SQLITE, "SELECT 1;\nSELECT 'it''s;\nSELECT 2;", 10,
                "V1.sql:11:8: unterminated string literal starting here; close it with ' (write '' for a ' inside it)");
    }

    @Test
    void unterminatedQuotedIdentifierPointsAtItsOpeningQuote() {
        assertError(SqlSyntax.POSTGRES, "CREATE TABLE t (\n   \"name TEXT);", 1,
                "V1.sql:2:4: unterminated quoted identifier starting here; close it with \" (write \"\" for a \" inside it)");
    }

    @Test
    void unterminatedBacktickPointsAtItsOpeningQuote() {
        assertError(SqlSyntax.MYSQL, "SELECT `a`, `b FROM t;", 1,
                "V1.sql:1:13: unterminated quoted identifier starting here; close it with ` (write `` for a ` inside it)");
    }

    @Test
    void mysqlDoubleQuotesAreStrings() {
        assertError(SqlSyntax.MYSQL, "SELECT \"a\\\";", 1,
                "V1.sql:1:8: unterminated string literal starting here; close it with \" (write \"\" for a \" inside it)");
    }

    @Test
    void unterminatedBlockCommentPointsAtItsOpening() {
        assertError(SqlSyntax.SQLITE, "SELECT 1;\n  /* forgot to close;\nSELECT 2;", 1,
                "V1.sql:2:3: unterminated block comment starting here; close it with */");
    }

    @Test
    void unclosedNestedCommentExplainsPostgresNesting() {
        assertError(SqlSyntax.POSTGRES, "/* outer /* inner */\nSELECT 1;", 5,
                "V1.sql:5:1: unterminated block comment starting here; close it with */"
                        + " (postgres nests block comments: every /* inside needs its own */)");
    }

    @Test
    void unterminatedDollarQuoteNamesItsTag() {
        assertError(SqlSyntax.POSTGRES, "DO $body$\nBEGIN\n  PERFORM 1;\nEND;\n$bdy$;", 1,
                "V1.sql:1:4: unterminated dollar-quoted string starting here; close it with $body$");
    }

    @Test
    void unterminatedStatementBeginNamesTheMissingEndMarker() {
        assertError(SqlSyntax.POSTGRES, "SELECT 1;\n\n-- +goose StatementBegin\nSELECT 2;\n-- +goose StatementEnd\n"
                        + " -- +goose StatementBegin\nSELECT 3;\n", 1,
                "V1.sql:6:2: unterminated StatementBegin block starting here; add a line '-- +goose StatementEnd' after the statement");
        assertError(SqlSyntax.SQLITE, "-- +migrate StatementBegin\nSELECT 3;", 7,
                "V1.sql:7:1: unterminated StatementBegin block starting here; add a line '-- +migrate StatementEnd' after the statement");
    }

    @Test
    void statementEndWithoutABeginIsRejectedWhereItIs() {
        assertError(SqlSyntax.SQLITE, "SELECT 1;\n-- +goose StatementBegin\nSELECT 2;\n-- +goose StatementEnd\n"
                        + "SELECT 3;\n  -- +goose StatementEnd\n", 4,
                "V1.sql:9:3: '-- +goose StatementEnd' without a StatementBegin before it; add '-- +goose StatementBegin'"
                        + " above the statements it closes, or delete this line");
        assertError(SqlSyntax.POSTGRES, "-- +migrate StatementEnd\nSELECT 1;", 1,
                "V1.sql:1:1: '-- +migrate StatementEnd' without a StatementBegin before it; add '-- +migrate StatementBegin'"
                        + " above the statements it closes, or delete this line");
    }

    @Test
    void delimiterLinesAreRejectedWhereOnlyTheMysqlClientKnowsThem() {
        assertError(SqlSyntax.POSTGRES, "SELECT 1;\n  DELIMITER //\nSELECT 2 //", 3,
                "V1.sql:4:3: DELIMITER is a command of the MySQL client, not SQL: postgres has none. Remove the"
                        + " DELIMITER lines and end each statement with ; (dollar-quoted and BEGIN ... END bodies stay"
                        + " whole by themselves)");
        assertError(SqlSyntax.SQLITE, "DELIMITER $$\nCREATE TRIGGER t AFTER INSERT ON a BEGIN SELECT 1; END$$", 1,
                "V1.sql:1:1: DELIMITER is a command of the MySQL client, not SQL: sqlite has none. Remove the"
                        + " DELIMITER lines and end each statement with ; (dollar-quoted and BEGIN ... END bodies stay"
                        + " whole by themselves)");
    }

    @Test
    void nulBytesAreRejectedWhereverTheyAre() {
        assertError(SqlSyntax.POSTGRES, "SELECT 1;\nSELECT '\u0000';", 1,
                "V1.sql:2:9: a NUL byte (\\0); a migration is text and no database takes NUL in SQL. Remove it"
                        + " (a file full of them was probably saved as UTF-16: save it as UTF-8)");
        assertError(SqlSyntax.SQLITE, "-- a comment \u0000\nSELECT 1;", 3,
                "V1.sql:3:14: a NUL byte (\\0); a migration is text and no database takes NUL in SQL. Remove it"
                        + " (a file full of them was probably saved as UTF-16: save it as UTF-8)");
    }

    @Test
    void delimiterWithoutArgumentIsRejected() {
        assertError(SqlSyntax.MYSQL, "SELECT 1;\nDELIMITER\nSELECT 2;", 1,
                "V1.sql:2:1: DELIMITER without a delimiter; write for example 'DELIMITER //', "
                        + "end the statements with //, then switch back with 'DELIMITER ;'");
    }

    @Test
    void quotesInsideCommentsAreNotErrors() {
        assertThat(new StatementSplitter(SqlSyntax.POSTGRES)
                        .split("-- don't\n/* it's $$ */ SELECT 1 # 2; -- \"\n", "V1.sql", 1))
                .extracting(SqlStatement::sql).containsExactly("SELECT 1 # 2");
    }

    private static void assertError(SqlSyntax syntax, String script, int firstLine, String message) {
        assertThatThrownBy(() -> new StatementSplitter(syntax).split(script, "V1.sql", firstLine))
                .isInstanceOfSatisfying(RehearsalException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.BAD_MIGRATION_FILE))
                .hasMessage(message);
    }
}
