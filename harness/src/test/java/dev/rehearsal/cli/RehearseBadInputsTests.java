package dev.rehearsal.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rehearsal.rehearse.results.ResultsWriter;
import dev.rehearsal.testing.BadInputCase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The bad-input corpus through {@code rehearsal rehearse}: every broken directory is refused before
 * any database is opened, with exit 2, the same message the loader gives, and no results written.
 */
class RehearseBadInputsTests {
    @TempDir
    Path out;

    @TempDir
    Path dir;

    /** The cases the migration files themselves make bad: option- and URL-only cases belong to other commands. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("loaderCases")
    void rehearseRefusesABrokenDirectoryAndRunsNothing(String name) throws Exception {
        BadInputCase expected = BadInputCase.named(name);
        Path folder = expected.copyTo(Files.createDirectory(dir.resolve("migrations")));

        // A server target needs no server here: the files are read, and refused, before any connection.
        CliRun run = CliRun.of("rehearse", "--migrations", folder.toString(), "--targets", expected.dialect(),
                "--out", out.toString());

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
        expected.fragments().forEach(fragment -> assertThat(run.err()).contains(fragment));
        assertThat(run.out()).doesNotContain("PASSED").doesNotContain("SKIPPED");
        assertThat(out.resolve(ResultsWriter.FILE)).doesNotExist();
    }

    static Stream<String> loaderCases() {
        return BadInputCase.refusedBy("loader");
    }
}
