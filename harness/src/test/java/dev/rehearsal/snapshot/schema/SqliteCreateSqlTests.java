package dev.rehearsal.snapshot.schema;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SqliteCreateSqlTests {

    private static final String CREATE = """
            CREATE TABLE "docs" ( -- the main table, (with a comment)
              id INTEGER PRIMARY KEY AUTOINCREMENT,
              title TEXT NOT NULL DEFAULT 'a, (b)' CHECK (length(title) > 0) COLLATE NOCASE,
              "total" INT GENERATED ALWAYS AS (price * (1 + tax)) STORED,
              price INT, tax INT,
              /* named check */ CONSTRAINT ck_docs_price CHECK (price >= 0 AND tax IN (0, 1)),
              UNIQUE (title, price)
            )""";

    @Test
    void splitsDefinitionsAtTopLevelCommasOnly() {
        assertThat(SqliteCreateSql.definitions(CREATE)).hasSize(7)
                .element(1).extracting(SqliteCreateSql.Definition::text).asString()
                .startsWith("title TEXT").endsWith("COLLATE NOCASE");
    }

    @Test
    void findsColumnAndTableChecksWithTheirNames() {
        assertThat(SqliteCreateSql.checks(SqliteCreateSql.definitions(CREATE))).containsExactly(
                new SqliteCreateSql.Check(null, "length(title) > 0"),
                new SqliteCreateSql.Check("ck_docs_price", "price >= 0 AND tax IN (0, 1)"));
    }

    @Test
    void findsGeneratedExpressionAndCollationOfAColumn() {
        List<SqliteCreateSql.Definition> definitions = SqliteCreateSql.definitions(CREATE);

        assertThat(SqliteCreateSql.column(definitions, "total").flatMap(SqliteCreateSql::generatedExpression))
                .contains("price * (1 + tax)");
        assertThat(SqliteCreateSql.column(definitions, "title").flatMap(d -> SqliteCreateSql.after(d, "COLLATE")))
                .map(SqliteCreateSql.Token::text).contains("NOCASE");
    }

    @Test
    void readsIndexItemsAndPartialPredicate() {
        String sql = "CREATE UNIQUE INDEX idx ON docs (lower(title), price DESC) WHERE (price > 0 AND title <> 'x y')";

        assertThat(SqliteCreateSql.indexItems(sql)).containsExactly("lower(title)", "price DESC");
        assertThat(SqliteCreateSql.wherePredicate(sql)).isEqualTo("price > 0 AND title <> 'x y'");
        assertThat(SqliteCreateSql.wherePredicate("CREATE INDEX idx ON docs (title)")).isNull();
    }

    @Test
    void createTableAsSelectHasNoDefinitions() {
        assertThat(SqliteCreateSql.definitions("CREATE TABLE copy AS SELECT (1) AS x")).isEmpty();
    }
}
