package dev.rehearsal.migration.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rehearsal.RehearsalException;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class StatementSplitterTests {

    @Test
    void postgresDollarQuotedBodiesNestedCommentsAndAtomicBodiesStayWhole() {
        List<SqlStatement> statements = split(SqlSyntax.POSTGRES, "postgres-functions.sql");

        assertThat(statements).extracting(SqlStatement::line)
                .containsExactly(2, 4, 11, 21, 22, 23, 24, 29, 30, 31);
        assertThat(statements.get(1).sql()).startsWith("CREATE FUNCTION touch()")
                .endsWith("END;\n$$ LANGUAGE plpgsql");
        assertThat(statements.get(2).sql()).contains("$q$SELECT 1; -- not a split$q$")
                .endsWith("$body$ LANGUAGE plpgsql");
        assertThat(statements.get(3).sql())
                .isEqualTo("PREPARE by_id AS SELECT * FROM account WHERE id = $1 AND balance > $2");
        assertThat(statements.get(4).sql())
                .isEqualTo("SELECT E'it\\'s; escaped', 'plain '' quote;' AS \"odd;name\" FROM account");
        assertThat(statements.get(5).column()).isEqualTo(3);
        assertThat(statements.get(6).sql()).endsWith("ELSE 2 END;\nEND");
        assertThat(statements.get(7).sql()).endsWith("SET balance = 0; SELECT 1)");
        assertThat(statements.get(8).sql()).isEqualTo("BEGIN");
        assertThat(statements.get(9).sql()).isEqualTo("COMMIT");
    }

    @Test
    void onlyStatementsThatCannotRunInATransactionAreFlagged() {
        List<SqlStatement> statements = split(SqlSyntax.POSTGRES, "postgres-functions.sql");

        assertThat(statements).filteredOn(statement -> !statement.transactional())
                .extracting(SqlStatement::line).containsExactly(23);
    }

    @Test
    void sqliteTriggerBodyIsOneStatementButPlainBeginIsATransaction() {
        List<SqlStatement> statements = split(SqlSyntax.SQLITE, "sqlite-trigger.sql");

        assertThat(statements).extracting(SqlStatement::line).containsExactly(2, 3, 4, 6, 14, 15, 16, 17);
        assertThat(statements.get(0).sql()).isEqualTo("BEGIN TRANSACTION");
        assertThat(statements.get(3).sql()).startsWith("CREATE TRIGGER order_audit")
                .contains("ELSE 'small' END\n        WHERE id = NEW.id;")
                .endsWith("WHERE NEW.total < 0;\nEND");
        assertThat(statements.get(4).sql()).endsWith("BEGIN DELETE FROM audit; END");
        assertThat(statements.get(6).sql()).isEqualTo("END");
        assertThat(statements.get(7).transactional()).isFalse();
    }

    @Test
    void mysqlDelimiterLinesSwitchTheTerminatorAndAreNoStatements() {
        List<SqlStatement> statements = split(SqlSyntax.MYSQL, "mysql-procedure-delimiter.sql");

        assertThat(statements).extracting(SqlStatement::line).containsExactly(2, 5, 16, 21, 23, 28);
        assertThat(statements.get(1).sql()).startsWith("CREATE PROCEDURE bump")
                .endsWith("END LOOP outer_loop;\nEND");
        assertThat(statements.get(2).column()).isEqualTo(4);
        assertThat(statements.get(2).sql()).endsWith("RETURN x * 2;\nEND");
        assertThat(statements.get(4).sql()).endsWith("END IF;\nEND");
        assertThat(statements).extracting(SqlStatement::sql).noneMatch(sql -> sql.contains("DELIMITER"));
    }

    @Test
    void mysqlCompoundBodiesWithoutDelimiterStayWhole() {
        List<SqlStatement> statements = split(SqlSyntax.MYSQL, "mysql-trigger-begin-end.sql");

        assertThat(statements).extracting(SqlStatement::line).containsExactly(2, 3, 5, 23, 35, 36, 37, 38, 39);
        assertThat(statements.get(2).sql()).startsWith("CREATE TRIGGER item_qty")
                .contains("'capped; see \\'rules\\''", "# a comment; with a semicolon")
                .endsWith("END CASE;\nEND");
        assertThat(statements.get(3).sql()).startsWith("CREATE PROCEDURE fill")
                .endsWith("CREATE TABLE IF NOT EXISTS scratch (x INT);\nEND");
        assertThat(statements.get(4).sql()).endsWith("SET NEW.note = ''; END IF");
        assertThat(statements.get(5).sql()).isEqualTo("BEGIN");
        assertThat(statements.get(8).sql()).isEqualTo("/*!40101 SET NAMES utf8mb4 */");
    }

    @Test
    void semicolonsInQuotesAndCommentsNeverEndAStatement() {
        List<SqlStatement> statements = split(SqlSyntax.SQLITE, "quotes-and-comments.sql");

        assertThat(statements).extracting(SqlStatement::line).containsExactly(4, 5, 8, 10);
        assertThat(statements).extracting(SqlStatement::column).containsExactly(1, 1, 5, 1);
        assertThat(statements.get(0).sql()).isEqualTo("SELECT 'a;b', 'it''s; fine', \"col;umn\" FROM t");
        assertThat(statements.get(1).sql())
                .isEqualTo("INSERT INTO t (x) VALUES ('--not a comment'), ('/* nor this */')");
        assertThat(statements.get(2).sql()).isEqualTo("UPDATE t SET x = 1 /* inline ; comment */ WHERE x = 2");
        assertThat(statements.get(3).sql()).isEqualTo("SELECT `back;tick` FROM t\n"
                + "    -- a comment inside the statement; it stays\n"
                + "    WHERE y = 'multi\nline; string'");
    }

    @Test
    void gooseStatementBlocksAreOneStatementWithoutTheirTrailingSemicolon() {
        List<SqlStatement> statements = split(SqlSyntax.POSTGRES, "goose-blocks.sql");

        assertThat(statements).extracting(SqlStatement::line).containsExactly(2, 5, 11, 17);
        assertThat(statements).extracting(SqlStatement::column).containsExactly(1, 1, 5, 1);
        assertThat(statements.get(1).sql())
                .isEqualTo("CREATE OR REPLACE FUNCTION f() RETURNS int AS '\n  SELECT 1; SELECT 2;\n' LANGUAGE sql");
        assertThat(statements.get(2).sql()).isEqualTo("SELECT 'unbalanced '' ; in a block'");
    }

    @Test
    void sqlMigrateStatementBlocksEndTheStatementBeforeThem() {
        List<SqlStatement> statements = split(SqlSyntax.SQLITE, "sql-migrate-blocks.sql");

        assertThat(statements).extracting(SqlStatement::sql).containsExactly(
                "CREATE TRIGGER t AFTER INSERT ON users\nBEGIN\n  UPDATE users SET name = 'x; y';\nEND",
                "CREATE INDEX users_name ON users (name)",
                "SELECT 1");
        assertThat(statements).extracting(SqlStatement::line).containsExactly(3, 8, 10);
    }

    @Test
    void everyStatementInsideABlockIsItsOwnStatementWithItsOwnLine() {
        for (SqlSyntax syntax : List.of(SqlSyntax.SQLITE, SqlSyntax.POSTGRES, SqlSyntax.MYSQL)) {
            List<SqlStatement> statements = split(syntax, "nested-and-consecutive-blocks.sql");

            assertThat(statements).as(syntax.name()).extracting(SqlStatement::sql).containsExactly(
                    "CREATE TABLE items (id INTEGER PRIMARY KEY, name VARCHAR(20))",
                    "INSERT INTO items (id, name) VALUES (1, 'one')",
                    "INSERT INTO items (id, name) VALUES (2, 'two; still two')",
                    "CREATE TABLE outer_a (id INTEGER)",
                    "CREATE TABLE inner_b (id INTEGER)",
                    "CREATE TABLE outer_c (id INTEGER)",
                    "CREATE TABLE next_d (id INTEGER)",
                    "CREATE TABLE next_e (id INTEGER)");
            assertThat(statements).extracting(SqlStatement::line).containsExactly(2, 4, 5, 8, 10, 12, 16, 19);
            assertThat(statements).extracting(SqlStatement::column).containsExactly(1, 1, 3, 1, 1, 1, 1, 1);
        }
    }

    @Test
    void bodiesThatMustStayWholeStayWholeInsideABlock() {
        String sqlite = "-- +migrate StatementBegin\nCREATE TRIGGER t AFTER INSERT ON a\nBEGIN\n  INSERT INTO b VALUES (1);\n"
                + "  INSERT INTO b VALUES (2);\nEND;\nINSERT INTO a VALUES (1);\n-- +migrate StatementEnd\n";
        assertThat(new StatementSplitter(SqlSyntax.SQLITE).split(sqlite, "x.sql", 1))
                .extracting(SqlStatement::line).containsExactly(2, 7);

        String postgres = "-- +goose StatementBegin\nCREATE FUNCTION f() RETURNS int AS $$\nBEGIN\n  RETURN 1;\nEND;\n"
                + "$$ LANGUAGE plpgsql;\nDO $$ BEGIN PERFORM f(); PERFORM f(); END $$;\n-- +goose StatementEnd";
        assertThat(new StatementSplitter(SqlSyntax.POSTGRES).split(postgres, "x.sql", 1))
                .extracting(SqlStatement::line).containsExactly(2, 7);

        String mysql = "-- +goose StatementBegin\nCREATE PROCEDURE p()\nBEGIN\n  INSERT INTO b VALUES (1);\n"
                + "  IF 1 THEN INSERT INTO b VALUES (2); END IF;\nEND;\nCALL p();\n-- +goose StatementEnd";
        assertThat(new StatementSplitter(SqlSyntax.MYSQL).split(mysql, "x.sql", 1))
                .extracting(SqlStatement::line).containsExactly(2, 7);
    }

    @Test
    void aQuoteLeftOpenInsideABlockIsAnErrorNotAStatement() {
        String script = "-- +migrate StatementBegin\nSELECT 'odd; $$ /* quote\n-- +migrate StatementEnd\nSELECT 2;";

        assertThatThrownBy(() -> new StatementSplitter(SqlSyntax.POSTGRES).split(script, "x.sql", 1))
                .isInstanceOf(RehearsalException.class)
                .hasMessageStartingWith("x.sql:2:8: unterminated string literal starting here");
    }

    @Test
    void linesAreOffsetByTheScriptsFirstLineInItsFile() {
        List<SqlStatement> statements = new StatementSplitter(SqlSyntax.SQLITE)
                .split("\n  SELECT 1;\n\nSELECT 2; SELECT 3", "x.sql", 41);

        assertThat(statements).extracting(SqlStatement::line).containsExactly(42, 44, 44);
        assertThat(statements).extracting(SqlStatement::column).containsExactly(3, 1, 11);
    }

    @Test
    void scriptsWithOnlyCommentsAndSemicolonsHaveNoStatements() {
        StatementSplitter splitter = new StatementSplitter(SqlSyntax.MYSQL);

        assertThat(splitter.split("-- nothing; here\n/* nor; here */\n ; ;\n# nor here;\n", "x.sql", 1)).isEmpty();
        assertThat(splitter.split("", "x.sql", 1)).isEmpty();
    }

    @Test
    void dollarSignsThatOpenNoQuoteAreOrdinaryText() {
        List<SqlStatement> statements = new StatementSplitter(SqlSyntax.POSTGRES)
                .split("SELECT a$b$c, $1, 1$x$ FROM t; SELECT $tag$;$tag$", "x.sql", 1);

        assertThat(statements).extracting(SqlStatement::sql)
                .containsExactly("SELECT a$b$c, $1, 1$x$ FROM t", "SELECT $tag$;$tag$");
    }

    @Test
    void nestedBlockCommentsAreOnlyNestedWherePostgresNestsThem() {
        String script = "/* a /* b */ SELECT 1; */ SELECT 2;";

        assertThat(new StatementSplitter(SqlSyntax.POSTGRES).split(script, "x.sql", 1))
                .extracting(SqlStatement::sql).containsExactly("SELECT 2");
        assertThat(new StatementSplitter(SqlSyntax.SQLITE).split(script, "x.sql", 1))
                .extracting(SqlStatement::sql).containsExactly("SELECT 1", "*/ SELECT 2");
    }

    @Test
    void mariaDbAnonymousBlocksAreOneStatement() {
        String script = "BEGIN NOT ATOMIC\n  IF 1 THEN SELECT 1; END IF;\nEND;\nSELECT 2;";

        assertThat(new StatementSplitter(SqlSyntax.MYSQL).split(script, "x.sql", 1))
                .extracting(SqlStatement::line).containsExactly(1, 4);
    }

    @Test
    void backslashesEscapeQuotesOnlyWhereTheDialectSaysSo() {
        String script = "SELECT 'a\\'; SELECT 2; -- ';\nSELECT 3;";

        assertThat(new StatementSplitter(SqlSyntax.MYSQL).split(script, "x.sql", 1))
                .extracting(SqlStatement::sql).containsExactly("SELECT 'a\\'; SELECT 2; -- '", "SELECT 3");
        assertThat(new StatementSplitter(SqlSyntax.SQLITE).split(script, "x.sql", 1))
                .extracting(SqlStatement::sql).containsExactly("SELECT 'a\\'", "SELECT 2", "SELECT 3");
    }

    @Test
    void windowsLineEndingsAndAByteOrderMarkChangeNothing() {
        String script = "\ufeff-- +goose StatementBegin\r\nSELECT 1;\r\n-- +goose StatementEnd\r\n\r\n  SELECT 2;\r\n";

        List<SqlStatement> statements = new StatementSplitter(SqlSyntax.SQLITE).split(script, "x.sql", 1);

        assertThat(statements).extracting(SqlStatement::sql).containsExactly("SELECT 1", "SELECT 2");
        assertThat(statements).extracting(SqlStatement::line).containsExactly(2, 5);
        assertThat(statements.get(1).column()).isEqualTo(3);
    }

    @Test
    void keywordsUsedAsNamesOpenNoBlock() {
        String script = "CREATE TABLE log (event TEXT, begin INT, end INT);\nSELECT begin, end FROM log;\nSELECT 3;";

        for (SqlSyntax syntax : List.of(SqlSyntax.SQLITE, SqlSyntax.MYSQL, SqlSyntax.GENERIC)) {
            assertThat(new StatementSplitter(syntax).split(script, "x.sql", 1))
                    .as(syntax.name()).extracting(SqlStatement::line).containsExactly(1, 2, 3);
        }
    }

    static List<SqlStatement> split(SqlSyntax syntax, String resource) {
        return new StatementSplitter(syntax).split(read(resource), resource, 1);
    }

    private static String read(String resource) {
        try (InputStream in = StatementSplitterTests.class.getResourceAsStream("/sql/" + resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource /sql/" + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
