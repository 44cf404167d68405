package dev.rehearsal.migration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.rehearsal.RehearsalException;
import dev.rehearsal.database.Dialects;
import dev.rehearsal.testing.BadInputCase;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every folder under {@code bad-inputs/} is a broken input (see {@link BadInputCase} for its
 * {@code expected.txt}); the loader must refuse the broken migrations directories with the expected
 * error and message, and read the directories of the cases others refuse (a bad CLI argument, a bad
 * {@code rehearsal.yaml}) without complaint.
 */
class BadInputsTests {
    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}")
    @MethodSource("loaderCases")
    void brokenDirectoryFailsWithItsExpectedError(String name) throws IOException {
        BadInputCase expected = BadInputCase.named(name);
        Path folder = expected.copyTo(dir);

        RehearsalException error = catchThrowableOfType(
                () -> MigrationLoader.load(folder, Dialects.forName(expected.dialect())), RehearsalException.class);

        assertThat(error).as("loading %s must fail", name).isNotNull();
        assertThat(error.code()).as(error.getMessage()).isEqualTo(expected.code());
        for (String fragment : expected.fragments()) {
            assertThat(error.getMessage()).contains(fragment);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("casesRefusedElsewhere")
    void directoryOfACaseRefusedByTheCliOrEngineLoads(String name) throws IOException {
        BadInputCase expected = BadInputCase.named(name);

        MigrationSet set = MigrationLoader.load(expected.copyTo(dir), Dialects.forName(expected.dialect()));

        assertThat(set.migrations()).as("the directory itself is fine; the %s refuses the case", expected.refusedBy())
                .isNotEmpty();
    }

    @Test
    void everyRequiredCaseIsPresent() {
        assertThat(loaderCases()).contains("missing-up-marker", "down-before-up", "unterminated-statement-begin",
                "unterminated-quote", "unterminated-dollar-quote", "duplicate-versions", "unparsable-version",
                "empty-up", "mixed-formats", "unknown-sql-file", "statement-end-without-begin", "delimiter-on-postgres",
                "delimiter-on-sqlite", "nul-byte", "nul-byte-in-directive", "envsub-required-variable-unset",
                "envsub-dollar-digit-on-postgres", "unknown-dialect-infix", "variant-for-another-engine",
                "dangling-symlink", "looping-symlink", "version-longer-than-history-column");
    }

    static List<String> loaderCases() {
        return BadInputCase.refusedBy("loader").toList();
    }

    static Stream<String> casesRefusedElsewhere() {
        return BadInputCase.all().stream().filter(c -> !c.refusedBy().equals("loader")).map(BadInputCase::name);
    }
}
