package dev.rehearsal.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rehearsal.rehearse.results.ResultsWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.rehearsal.cli.BadInputCommandsTests#cases")
    void rehearseRefusesABrokenDirectoryAndRunsNothing(String name) throws Exception {
        Path folder = Path.of(RehearseBadInputsTests.class.getResource("/bad-inputs").toURI()).resolve(name);
        List<String> expected = Files.readAllLines(folder.resolve("expected.txt"));
        String engine = expected.stream().filter(l -> l.startsWith("dialect:")).map(l -> l.substring(8).trim())
                .findFirst().orElse("sqlite");

        // A server target needs no server here: the files are read, and refused, before any connection.
        CliRun run = CliRun.of("rehearse", "--migrations", folder.toString(), "--targets", engine,
                "--out", out.toString());

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
        expected.stream().filter(l -> l.startsWith("contains:")).map(l -> l.substring(9).trim())
                .forEach(fragment -> assertThat(run.err()).contains(fragment));
        assertThat(run.out()).doesNotContain("PASSED").doesNotContain("SKIPPED");
        assertThat(out.resolve(ResultsWriter.FILE)).doesNotExist();
    }
}
