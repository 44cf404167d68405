package dev.rehearsal.snapshot.schema;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What the expression normalization treats as the same expression, and what it keeps apart. */
class SqlExpressionTests {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "IF(a>0,1,0)              | if ( a > 0 , 1 , 0 )",
        "((a > 0))                | a > 0",
        "(a > 0) AND (b IS NULL)  | (a>0) and (b is null)",
        "\"status\" IN ('a','b')  | status in ('a', 'b')",
        "length((name)) > 0       | LENGTH(name)>0",
        "x <> 'Ab  C'             | (x<>'Ab  C')",
        "(qty >= 0) AND IIF(qty > 100, 0, 1) = 1 | qty>=0 and iif(qty>100,0,1)=1",
        "iif((a > 0), 1, 2)       | iif(a > 0, 1, 2)",
    })
    void sameExpressionWrittenDifferently(String a, String b) {
        assertThat(SqlExpression.same(a, b)).as(SqlExpression.normalize(a) + " vs " + SqlExpression.normalize(b)).isTrue();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "x = 'abc'                | x = 'ABC'",
        "a > 0                    | a >= 0",
        "(a + b) * c              | a + b * c",
        "\"Mixed Case\" > 0       | mixed case > 0",
        "a > 0                    | b > 0",
        "(a OR b) AND c           | a OR b AND c",
        "NOT (a = 1 AND b = 2)    | NOT a = 1 AND b = 2",
    })
    void differentExpressionsStayDifferent(String a, String b) {
        assertThat(SqlExpression.same(a, b)).as(SqlExpression.normalize(a) + " vs " + SqlExpression.normalize(b)).isFalse();
    }

    @Test
    void normalizedTextReadsLikeSql() {
        assertThat(SqlExpression.normalize("( (Priority>=0) )")).isEqualTo("priority >= 0");
        assertThat(SqlExpression.normalize("IF(a>0,1,0)")).isEqualTo("if(a > 0, 1, 0)");
        assertThat(SqlExpression.normalize(null)).isNull();
    }
}
