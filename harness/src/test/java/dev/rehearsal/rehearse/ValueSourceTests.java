package dev.rehearsal.rehearse;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rehearsal.snapshot.schema.Column;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Defaults and generations as the three schema readers report them (read from real databases). */
class ValueSourceTests {

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', nullValues = "-", value = {
        "CURRENT_TIMESTAMP                                  | -                             | CLOCK",
        "CURRENT_TIMESTAMP(3)                               | -                             | CLOCK",
        "LOCALTIMESTAMP                                     | -                             | CLOCK",
        "CURRENT_DATE                                       | -                             | CLOCK",
        "now()                                              | -                             | CLOCK",
        "clock_timestamp()                                  | -                             | CLOCK",
        "statement_timestamp()                              | -                             | CLOCK",
        "current_timestamp(6)                               | -                             | CLOCK",
        "current_timestamp(3) ON UPDATE current_timestamp(3) | -                            | CLOCK",
        "curdate()                                          | -                             | CLOCK",
        "sysdate()                                          | -                             | CLOCK",
        "unix_timestamp()                                   | -                             | CLOCK",
        "datetime('now')                                    | -                             | CLOCK",
        "strftime('%s','now')                               | -                             | CLOCK",
        "gen_random_uuid()                                  | -                             | RANDOM",
        "random()                                           | -                             | RANDOM",
        "rand()                                             | -                             | RANDOM",
        "uuid()                                             | -                             | RANDOM",
        "randomblob(16)                                     | -                             | RANDOM",
        "nextval('roles_id_seq'::regclass)                  | -                             | COUNTER",
        "-                                                  | AUTOINCREMENT                 | COUNTER",
        "-                                                  | AUTO_INCREMENT                | COUNTER",
        "-                                                  | GENERATED ALWAYS AS IDENTITY  | COUNTER",
        "'now'                                              | -                             | -",
        "now                                                | -                             | -",
        "'2020-01-01'::date                                 | -                             | -",
        "'uuid()'::text                                     | -                             | -",
        "unix_timestamp('2020-01-01')                       | -                             | -",
        "datetime('2020-01-01')                             | -                             | -",
        "0                                                  | -                             | -",
        "-                                                  | GENERATED ALWAYS AS (a + 1) STORED | -",
        "-                                                  | -                             | -"})
    void aColumnsSourceIsReadFromItsDefaultOrGeneration(String defaultValue, String generated, ValueSource expected) {
        Column column = new Column("c", 1, "text", true, defaultValue, generated, null);

        assertThat(ValueSource.of(column).orElse(null)).isEqualTo(expected);
    }
}
