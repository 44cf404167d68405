package dev.rehearsal.database;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JdbcUrlsTests {

    /** Shape alone: text whose URL is not known (RehearsalException, the report, driver logs). */
    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "jdbc:mysql://ops:hunter2@db/app                         | jdbc:mysql://ops:****@db/app",
            "jdbc:postgresql://postgres:hun/ter2@127.0.0.1:5432/x     | jdbc:postgresql://postgres:****@127.0.0.1:5432/x",
            "jdbc:postgresql://postgres:hun@ter2@127.0.0.1:5432/x     | jdbc:postgresql://postgres:****@127.0.0.1:5432/x",
            "jdbc:postgresql://postgres:hun?ter2@127.0.0.1:5432/x     | jdbc:postgresql://postgres:****@127.0.0.1:5432/x",
            "jdbc:mariadb://:hunter2@db/app                           | jdbc:mariadb://:****@db/app",
            "jdbc:postgresql://db/x?password=hun'ter2                 | jdbc:postgresql://db/x?password=****",
            "jdbc:postgresql://db/x?password=hun)ter2&user=postgres   | jdbc:postgresql://db/x?password=****&user=postgres",
            "jdbc:postgresql://db/x?PassWord=hunter2;ssl=true         | jdbc:postgresql://db/x?PassWord=****",
            "jdbc:postgresql://db/x?sslpassword=hunter2&ssl=true      | jdbc:postgresql://db/x?sslpassword=****&ssl=true",
            "jdbc:mariadb://db/x?trustStorePassword=hunter2&pwd=hunter2 | jdbc:mariadb://db/x?trustStorePassword=****&pwd=****",
            "`cannot connect to jdbc:postgresql://db/x?password=hunter2: FATAL` | `cannot connect to jdbc:postgresql://db/x?password=****: FATAL`",
            "`url 'jdbc:postgresql://db/x?password=hun'ter2'.`       | `url 'jdbc:postgresql://db/x?password=****'.`",
    })
    void passwordShapedPartsAreMaskedWhole(String text, String masked) {
        assertThat(JdbcUrls.maskPasswords(text)).isEqualTo(masked);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "jdbc:postgresql://db:5432/app?user=ops@example&ssl=true",
            "jdbc:mariadb://127.0.0.1:3306/?user=root",
            "jdbc:sqlite:/tmp/a@b/c.db",
            "FATAL: password authentication failed for user \"postgres\"",
    })
    void textWithoutPasswordsStaysAsItIs(String text) {
        assertThat(JdbcUrls.maskPasswords(text)).isEqualTo(text);
        assertThat(JdbcUrls.maskPasswords(text, text, null)).isEqualTo(text);
    }

    @Test
    void aDriverMessageQuotingTheUserInfoPasswordOutOfShapeIsMasked() {
        String url = "jdbc:mariadb://root:hunter2@127.0.0.1:3306/x";
        String message = "Incorrect port value : hunter2@127.0.0.1";

        assertThat(JdbcUrls.maskPasswords(message)).as("shape alone cannot see it").contains("hunter2");
        assertThat(JdbcUrls.maskPasswords(message, url, null)).isEqualTo("Incorrect port value : ****@127.0.0.1");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "jdbc:postgresql://db/x?user=postgres&password=hunter 2 | hunter 2",
            "jdbc:postgresql://db/x?password=hun'ter2              | hun'ter2",
            "jdbc:postgresql://db/x?password=hun)ter2&ssl=true     | hun)ter2",
            "jdbc:postgresql://db/x?password=hun;ter2              | hun;ter2",
            "jdbc:postgresql://postgres:hun/ter2@db:5432/x         | hun/ter2",
            "jdbc:postgresql://postgres:hun@ter2@db:5432/x         | hun@ter2",
            "jdbc:postgresql://postgres:hun%2Fter2@db:5432/x       | hun/ter2",
            "jdbc:postgresql://db/x?password=hun%2Fter2            | hun/ter2",
            "jdbc:postgresql://db/x?password=hun%2Bter+2           | hun+ter 2",
            "jdbc:postgresql://db/x?password=hun%2Bter+2           | hun+ter+2",
            "jdbc:postgresql://db/x?password=50%                   | 50%",
    })
    void everyLiteralFormOfTheUrlsPasswordIsMaskedInItsMessages(String url, String password) {
        String message = "the driver says: '" + password + "' and again " + password + ".";

        assertThat(JdbcUrls.maskPasswords(message, url, null)).isEqualTo("the driver says: '****' and again ****.");
        assertThat(JdbcUrls.maskPasswords(url, url, null)).doesNotContain(password);
    }

    @Test
    void thePasswordGivenBesideTheUrlIsMaskedToo() {
        String masked = JdbcUrls.maskPasswords("Access denied for 'app' using s3cr3t!", "jdbc:mariadb://db/app", "s3cr3t!");

        assertThat(masked).isEqualTo("Access denied for 'app' using ****");
    }

    @Test
    void aLongerPasswordIsMaskedBeforeAShorterOneItContains() {
        String url = "jdbc:postgresql://app:secret@db/x?sslpassword=secret-ssl";

        assertThat(JdbcUrls.maskPasswords("bad key secret-ssl, bad login secret", url, null))
                .isEqualTo("bad key ****, bad login ****");
    }

    @Test
    void aOneOrTwoCharacterPasswordIsMaskedByShapeOnlySoMessagesStayReadable() {
        String url = "jdbc:postgresql://db/x?password=a";

        assertThat(JdbcUrls.maskPasswords("cannot connect to " + url + ": database x", url, null))
                .isEqualTo("cannot connect to jdbc:postgresql://db/x?password=****: database x");
    }
}
