package dev.rehearsal.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.rehearsal.ErrorCode;
import dev.rehearsal.RehearsalException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Passwords never leave a Target: not in its URL, its failures, their causes, or the driver's log. */
class TargetPasswordTests {

    @Test
    void mariaDbQuotingTheUserInfoPasswordInItsMessageIsMaskedInTheFailureAndEveryCause() {
        Target target = Target.of("jdbc:mariadb://root:hunter2@127.0.0.1:3306/x");

        RehearsalException e = catchThrowableOfType(target::connect, RehearsalException.class);

        assertThat(e.code()).isEqualTo(ErrorCode.CONNECTION_FAILED);
        assertThat(e.getMessage()).startsWith("cannot connect to jdbc:mariadb://root:****@127.0.0.1:3306/x: ")
                .contains("****@127.0.0.1").doesNotContain("hunter2");
        assertThat(e.getCause()).isNotNull();
        assertThat(e.getCause().toString()).startsWith("java.sql.");
        assertThat(stackTrace(e)).contains("org.mariadb.jdbc").doesNotContain("hunter2");
    }

    @Test
    void aSlashInThePasswordIsMaskedInTheFailureAndInPgjdbcsOwnLogLine() {
        Target target = Target.of("jdbc:postgresql://postgres:hun/ter2@127.0.0.1:5432/x");
        List<String> logged = new ArrayList<>();
        Logger driverLog = Logger.getLogger("org.postgresql.Driver");
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                logged.add(new SimpleFormatter().format(record));
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        driverLog.addHandler(capture);
        try {
            RehearsalException e = catchThrowableOfType(target::connect, RehearsalException.class);

            assertThat(stackTrace(e)).contains("jdbc:postgresql://postgres:****@127.0.0.1:5432/x")
                    .doesNotContain("hun/ter2").doesNotContain("ter2@");
        } finally {
            driverLog.removeHandler(capture);
        }
        assertThat(logged).as("pgjdbc warns about the URL itself").anySatisfy(line -> assertThat(line)
                .contains("JDBC URL contains too many / characters: jdbc:postgresql://postgres:****@127.0.0.1:5432/x"));
        assertThat(logged).noneSatisfy(line -> assertThat(line).contains("ter2"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "jdbc:postgresql://postgres:hun/ter2@db:5432/app?ssl=true  | app | jdbc:postgresql://postgres:hun/ter2@db:5432/other?ssl=true",
            "jdbc:postgresql://postgres:hun?ter2@db:5432/app          | app | jdbc:postgresql://postgres:hun?ter2@db:5432/other",
            "jdbc:mariadb://root:hun@ter2@db:3306/app?user=x@y        | app | jdbc:mariadb://root:hun@ter2@db:3306/other?user=x@y",
            "jdbc:mariadb://db:3306/?user=root                        | ''  | jdbc:mariadb://db:3306/other?user=root",
    })
    void theDatabaseNameIsFoundAfterAPasswordHoldingSlashesOrQuestionMarks(String url, String database, String other) {
        Target target = Target.of(url);

        assertThat(target.databaseName()).isEqualTo(database);
        assertThat(target.withDatabase("other").url()).isEqualTo(other);
        assertThat(target.withDatabase("other").displayUrl()).doesNotContain("ter2");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "postgresql://postgres:hunter2@127.0.0.1:5432/db | use jdbc:postgresql://postgres:****@127.0.0.1:5432/db",
            "postgres://postgres:hunter2@127.0.0.1/db        | use jdbc:postgresql://postgres:****@127.0.0.1/db",
            "mariadb://root:hunter2@127.0.0.1:3306/db        | use jdbc:mariadb://root:****@127.0.0.1:3306/db",
            "mysql://127.0.0.1/db?password=hunter2           | use jdbc:mysql://127.0.0.1/db?password=****",
            "postgresql:app                                  | use jdbc:postgresql:app",
            "sqlite:app.db                                   | use jdbc:sqlite:app.db",
    })
    void aUrlWithoutTheJdbcPrefixIsBadInputNotAFileName(String url, String advice) {
        RehearsalException e = catchThrowableOfType(() -> Target.of(url), RehearsalException.class);

        assertThat(e.code()).isEqualTo(ErrorCode.BAD_USAGE);
        assertThat(e.getMessage()).contains("without the jdbc: prefix").contains(advice).doesNotContain("hunter2");
    }

    @ParameterizedTest
    @CsvSource({"app.db", "data/app.db", "/tmp/x/app.db", "C:/data/app.db", "2024:app.db"})
    void aPlainPathIsStillASqliteFile(String path) {
        assertThat(Target.of(path).dialect()).isEqualTo(Dialects.SQLITE);
    }

    @Test
    void anUnsupportedUrlIsNamedByItsSchemeOnly() {
        RehearsalException e = catchThrowableOfType(() -> Target.of("jdbc:oracle:thin:scott/tiger@db:1521/app"),
                RehearsalException.class);

        assertThat(e.code()).isEqualTo(ErrorCode.BAD_USAGE);
        assertThat(e.getMessage()).startsWith("unsupported database URL jdbc:oracle:...").doesNotContain("tiger");
    }

    @Test
    void thePasswordGivenBesideTheUrlIsMaskedInTextFromTheTarget() {
        Target target = Target.of("jdbc:mariadb://127.0.0.1:3306/app", "app", "s3cr3t!");

        assertThat(target.mask("login app/s3cr3t! refused")).isEqualTo("login app/**** refused");
        assertThat(target.toString()).doesNotContain("s3cr3t!");
    }

    private static String stackTrace(Throwable t) {
        StringWriter out = new StringWriter();
        t.printStackTrace(new PrintWriter(out));
        return out.toString();
    }
}
