package dev.rehearsal.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rehearsal.database.IsolatedDatabase;
import dev.rehearsal.testing.TestDatabases;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The same broken directories as the loader's tests, through the CLI: exit code 2, the message with
 * file and line on stderr, and a database left exactly as it was (not even a history table).
 */
class BadInputCommandsTests {

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void upRefusesABrokenDirectoryAndTouchesNothing(String name) throws Exception {
        Path folder = badInputs().resolve(name);
        List<String> expected = Files.readAllLines(folder.resolve("expected.txt"));
        String engine = expected.stream().filter(l -> l.startsWith("dialect:")).map(l -> l.substring(8).trim())
                .findFirst().orElse("sqlite");
        try (IsolatedDatabase db = TestDatabases.create(engine)) {
            CliRun run = CliRun.of("up", "--url", db.target().url(), "--migrations", folder.toString());

            assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
            expected.stream().filter(l -> l.startsWith("contains:")).map(l -> l.substring(9).trim())
                    .forEach(fragment -> assertThat(run.err()).contains(fragment));
            assertThat(MigrationCommandsTests.userTables(db)).isEmpty();
            assertThat(allTables(db)).noneMatch(t -> t.startsWith("rehearsal_"));
        }
    }

    static Stream<String> cases() throws IOException, URISyntaxException {
        try (Stream<Path> folders = Files.list(badInputs())) {
            return folders.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted().toList().stream();
        }
    }

    private static Path badInputs() throws URISyntaxException {
        return Path.of(BadInputCommandsTests.class.getResource("/bad-inputs").toURI());
    }

    private static List<String> allTables(IsolatedDatabase db) throws Exception {
        try (var c = db.target().connect();
                var rs = c.getMetaData().getTables(c.getCatalog(), null, "rehearsal%", new String[] {"TABLE"})) {
            java.util.List<String> names = new java.util.ArrayList<>();
            while (rs.next()) {
                names.add(rs.getString("TABLE_NAME").toLowerCase());
            }
            return names;
        }
    }
}
