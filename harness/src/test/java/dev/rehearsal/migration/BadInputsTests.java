package dev.rehearsal.migration;

import static dev.rehearsal.migration.MigrationResources.resource;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.rehearsal.ErrorCode;
import dev.rehearsal.RehearsalException;
import dev.rehearsal.database.Dialect;
import dev.rehearsal.database.Dialects;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every folder under {@code bad-inputs/} is a broken migrations directory; its {@code expected.txt}
 * says the error it must produce ({@code code:}), optionally the dialect ({@code dialect:}, sqlite by
 * default), and fragments the message must contain ({@code contains:}, file name and line).
 */
class BadInputsTests {

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void brokenDirectoryFailsWithItsExpectedError(String name) throws IOException {
        Path folder = resource("bad-inputs/" + name);
        Expected expected = Expected.read(folder.resolve("expected.txt"));

        RehearsalException error = catchThrowableOfType(
                () -> MigrationLoader.load(folder, expected.dialect()), RehearsalException.class);

        assertThat(error).as("loading %s must fail", name).isNotNull();
        assertThat(error.code()).as(error.getMessage()).isEqualTo(expected.code());
        for (String fragment : expected.fragments()) {
            assertThat(error.getMessage()).contains(fragment);
        }
    }

    @Test
    void everyRequiredCaseIsPresent() {
        assertThat(cases()).contains("missing-up-marker", "down-before-up", "unterminated-statement-begin",
                "unterminated-quote", "unterminated-dollar-quote", "duplicate-versions", "unparsable-version",
                "empty-up", "mixed-formats", "unknown-sql-file", "statement-end-without-begin", "delimiter-on-postgres",
                "delimiter-on-sqlite", "nul-byte", "nul-byte-in-directive", "envsub-required-variable-unset",
                "envsub-dollar-digit-on-postgres");
    }

    static List<String> cases() {
        try (Stream<Path> folders = Files.list(resource("bad-inputs"))) {
            return folders.filter(Files::isDirectory).map(f -> f.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private record Expected(ErrorCode code, Dialect dialect, List<String> fragments) {

        static Expected read(Path file) throws IOException {
            ErrorCode code = null;
            Dialect dialect = Dialects.SQLITE;
            List<String> fragments = new ArrayList<>();
            for (String line : Files.readAllLines(file)) {
                int colon = line.indexOf(':');
                if (colon < 0) {
                    continue;
                }
                String value = line.substring(colon + 1).trim();
                switch (line.substring(0, colon).trim()) {
                    case "code" -> code = ErrorCode.valueOf(value);
                    case "dialect" -> dialect = Dialects.forName(value);
                    case "contains" -> fragments.add(value);
                    default -> throw new IllegalArgumentException(file + ": unknown key in '" + line + "'");
                }
            }
            assertThat(code).as(file + " names a code").isNotNull();
            assertThat(fragments).as(file + " names a message fragment").isNotEmpty();
            return new Expected(code, dialect, fragments);
        }
    }
}
