package dev.rehearsal.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Passwords in --url never reach the output, whatever form the URL takes. */
class PasswordMaskingCommandTests {

    @Test
    void aMariaDbUserInfoPasswordThatTheDriverQuotesIsMasked() {
        CliRun run = CliRun.of("status", "--url", "jdbc:mariadb://root:hunter2@127.0.0.1:3306/x",
                "--migrations", ProjectFiles.migrations("media").toString());

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
        assertThat(run.err()).contains("cannot connect to jdbc:mariadb://root:****@127.0.0.1:3306/x")
                .contains("does not read user:password@ before the host: write the user as ?user=NAME", "the CLI reads"
                        + " REHEARSAL_PASSWORD, the engine REHEARSAL_MARIADB_PASSWORD");
        assertThat(run.out() + run.err()).doesNotContain("hunter2");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "jdbc:postgresql://postgres:hun/ter2@127.0.0.1:5432/x                  | ter2",
            "jdbc:postgresql://postgres:hun@ter2@127.0.0.1:5432/x                  | ter2",
            "jdbc:postgresql://127.0.0.1:5432/x?user=postgres&password=hun'ter2    | ter2",
            "jdbc:postgresql://127.0.0.1:5432/x?user=postgres&password=hun)ter2    | ter2",
            "jdbc:postgresql://127.0.0.1:5432/x?user=postgres&password=hunter 2    | **** 2",
            "jdbc:postgresql://127.0.0.1:5432/x?user=postgres&password=hun%2Fter2  | ter2",
    })
    void noPartOfAnOddlyFormedPasswordIsPrinted(String url, String secretPart) {
        CliRun run = CliRun.of("status", "--url", url, "--migrations", ProjectFiles.migrations("media").toString());

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
        assertThat(run.err()).contains("cannot connect to jdbc:postgresql://");
        assertThat(run.out() + run.err()).doesNotContain(secretPart);
    }

    @Test
    void aServerUrlWithoutTheJdbcPrefixIsBadInputAndCreatesNothing() {
        Path asFile = Path.of("postgresql:"); // what the URL used to become, as a directory of the working directory
        CliRun run = CliRun.of("up", "--url", "postgresql://postgres:hunter2@127.0.0.1:5432/db",
                "--migrations", ProjectFiles.migrations("media").toString());

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
        assertThat(run.err()).contains("without the jdbc: prefix: use jdbc:postgresql://postgres:****@127.0.0.1:5432/db");
        assertThat(run.out() + run.err()).doesNotContain("hunter2");
        assertThat(asFile).doesNotExist();
    }

    @Test
    void aSchemeWithoutSlashesIsNotTakenForASqliteFileName() throws IOException {
        Path asFile = Path.of("postgresql:rehearsal_missing_prefix");
        try {
            CliRun run = CliRun.of("up", "--url", "postgresql:rehearsal_missing_prefix",
                    "--migrations", ProjectFiles.migrations("media").toString());

            assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
            assertThat(run.err()).contains("use jdbc:postgresql:rehearsal_missing_prefix");
            assertThat(asFile).doesNotExist();
        } finally {
            Files.deleteIfExists(asFile); // only there if the check failed
        }
    }
}
