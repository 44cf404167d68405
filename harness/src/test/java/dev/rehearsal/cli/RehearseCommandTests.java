package dev.rehearsal.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rehearsal.rehearse.results.JUnitXmlWriter;
import dev.rehearsal.rehearse.results.ResultsWriter;
import dev.rehearsal.report.ReportWriter;
import dev.rehearsal.testing.TestDatabases;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code rehearsal rehearse} on SQLite, PostgreSQL and MariaDB: exit codes, printed steps, results, report, JUnit XML. */
class RehearseCommandTests {
    @TempDir
    Path out;

    static Path set(String name) {
        try {
            return Path.of(RehearseCommandTests.class.getResource("/engine/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static Stream<String> engines() {
        return TestDatabases.engines();
    }

    /** The arguments that point the command at {@code engine}'s local server (the test aborts when it is down). */
    static List<String> target(String engine) {
        return switch (engine) {
            case "postgres" -> List.of("--targets", "postgres", "--url",
                    TestDatabases.server(engine, TestDatabases.POSTGRES_URL).url());
            case "mariadb" -> List.of("--targets", "mariadb", "--mariadb-url",
                    TestDatabases.server(engine, TestDatabases.MARIADB_URL).url());
            default -> List.of("--targets", "sqlite");
        };
    }

    /** How a step line starts: verdict and target in columns. */
    private static String line(String verdict, String engine) {
        return String.format("%-8s %-8s ", verdict, engine);
    }

    private CliRun rehearse(String set, List<String> target, String... more) {
        List<String> args = Stream.of(List.of("rehearse", "--migrations", set(set).toString(), "--out", out.toString()),
                target, List.of(more)).flatMap(List::stream).toList();
        return CliRun.of(args.toArray(String[]::new));
    }

    @ParameterizedTest
    @MethodSource("engines")
    void soundSetIsReadyAndExitsZero(String engine) throws IOException {
        CliRun run = rehearse("good", target(engine));

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out()).contains(line("PASSED", engine) + "V20240101000000 create users: rollback restores schema (")
                .contains(line("PASSED", engine) + "history (").contains("0 failed, 0 skipped").contains("READY");
        assertThat(out.resolve(ResultsWriter.FILE)).exists();
        assertThat(out.resolve(ReportWriter.HTML_FILE)).exists();
        String xml = Files.readString(out.resolve(JUnitXmlWriter.FILE));
        assertThat(xml).contains("<testsuite name=\"good (" + engine + ")\" tests=\"14\" failures=\"0\" skipped=\"0\"")
                .contains("name=\"V20240103000000 add doc title: redo\"");
    }

    @Test
    void downThatDropsAColumnsDataFailsOnGeneratedRowsAndTheCountIsAnOption() {
        CliRun run = rehearse("lost-column-data-no-rows", target("sqlite"), "--generated-rows", "9");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
        assertThat(run.out()).contains(line("FAILED", "sqlite") + "V20240102000000 drop bio: rollback preserves data (")
                .contains("table data users: 9 rows before up and after rollback; values changed in bio");
        assertThat(ResultsWriter.read(out.resolve(ResultsWriter.FILE)).suites().get(0).targets().get(0).seededRows())
                .containsExactly(Map.entry("generated rows: users", 9L));
    }

    @ParameterizedTest
    @MethodSource("engines")
    void rollbackThatForgetsAnIndexIsADefectAndExitsOne(String engine) throws IOException {
        Path copy = out.resolve("set");
        Files.createDirectories(copy);
        try (Stream<Path> files = Files.list(set("forgotten-index"))) {
            for (Path f : files.filter(f -> f.toString().endsWith(".sql")).toList()) {
                Files.copy(f, copy.resolve(f.getFileName())); // without rehearsal.yaml: the defect is not declared
            }
        }
        List<String> args = Stream.of(List.of("rehearse", "--migrations", copy.toString(), "--out",
                out.resolve("reports").toString()), target(engine)).flatMap(List::stream).toList();
        CliRun run = CliRun.of(args.toArray(String[]::new));

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
        assertThat(run.out()).contains(line("FAILED", engine) + "V20240102000000 index user names: rollback restores schema (")
                .contains("idx_users_name").contains("NOT READY");
        String xml = Files.readString(out.resolve("reports").resolve(JUnitXmlWriter.FILE));
        assertThat(xml).contains("<failure message=\"rollback of V20240102000000 index user names did not restore the schema:\"")
                .contains("idx_users_name").contains("<skipped message=\"skipped: rollback of V20240102000000");
    }

    @Test
    void brokenMigrationFileIsBadInputAndRunsNothing() {
        CliRun run = rehearse("broken", List.of());

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
        assertThat(run.err()).contains("20240101000000_create_users.sql");
        assertThat(out.resolve(ResultsWriter.FILE)).doesNotExist();
    }

    @Test
    void unknownTargetIsBadInput() {
        CliRun run = rehearse("good", List.of("--targets", "oracle"));

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
        assertThat(run.err()).contains("unknown target 'oracle'");
    }

    @ParameterizedTest
    @MethodSource("serverEngines")
    void unreachableServerExitsThreeAndSaysWhich(String engine) {
        String url = engine.equals("postgres") ? "jdbc:postgresql://127.0.0.1:1/postgres?user=postgres"
                : "jdbc:mariadb://127.0.0.1:1/?user=root";
        CliRun run = rehearse("good", List.of("--targets", engine, "--url", url));

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(RehearseCommand.TARGET_UNREACHABLE);
        assertThat(run.out()).contains("SKIPPED  " + engine + ": " + engine + ": ");
    }

    static Stream<String> serverEngines() {
        return Stream.of("postgres", "mariadb");
    }

    @Test
    void passwordIsNeverAnArgument() {
        CliRun run = CliRun.of("rehearse", "--migrations", set("good").toString(), "--password", "secret");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("Unknown options: '--password', 'secret'");
    }
}
