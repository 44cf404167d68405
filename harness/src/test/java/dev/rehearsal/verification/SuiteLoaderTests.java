package dev.rehearsal.verification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rehearsal.ErrorCode;
import dev.rehearsal.RehearsalException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class SuiteLoaderTests {
    static final Path SUITES = Path.of("src/test/resources/suites");

    @Test
    void loadsEveryCheckTypeWithSeveritiesAndCaptures() {
        VerificationSuite suite = SuiteLoader.load(SUITES.resolve("good.yaml"));

        assertThat(suite.name()).isEqualTo("media unification");
        assertThat(suite.migration()).isEqualTo("20240215000000");
        assertThat(suite.source()).isEqualTo(SUITES.resolve("good.yaml"));
        assertThat(suite.pre()).containsExactly(new Capture("images"), new Capture("docs"),
                new Capture("old_users", "users"));
        assertThat(suite.post()).extracting(Check::display).containsExactly(
                "table_exists media",
                "row_count_equals media == pre.images + pre.docs",
                "checksum_preserved images",
                "no_orphans media",
                "marker migration_markers name = 'media_unification'",
                "row_count media min 1",
                "query select count(*) from media where owner_id is null expect 0",
                "query select kind, count(*) from media group by kind order by kind expect [['doc', 2], ['image', 3]]",
                "column media.kind varchar(10) not null",
                "column media.title",
                "index_exists idx_media_owner on media",
                "index_exists idx_media_created",
                "table_absent legacy_media",
                "no_orphans (all tables)",
                "marker migration_markers where name like 'media%'",
                "row_count users = 2",
                "row_count_equals users == pre.old_users");
        assertThat(suite.post()).filteredOn(c -> c.severity() == Severity.WARNING)
                .containsExactly(new Check.RowCount("media", null, 1L, null, Severity.WARNING));
    }

    @Test
    void aMigrationVersionWrittenAsANumberStaysExact() throws IOException {
        Path file = Files.createTempFile("suite", ".yaml");
        Files.writeString(file, "migration: 20240215000000\npost:\n  - table_exists: media\n");

        VerificationSuite suite = SuiteLoader.load(file);

        assertThat(suite.migration()).isEqualTo("20240215000000");
        assertThat(suite.name()).isEqualTo(file.getFileName().toString().replace(".yaml", ""));
    }

    static Stream<Path> badSuites() throws IOException {
        try (Stream<Path> files = Files.list(SUITES.resolve("bad"))) {
            return files.sorted().toList().stream();
        }
    }

    /** Each file in suites/bad/ starts with {@code # expect: <fragment of the error message>}. */
    @ParameterizedTest
    @MethodSource("badSuites")
    void badSuiteFilesFailWithFileLineAndColumn(Path file) throws IOException {
        String expected = Files.readAllLines(file).get(0).replaceFirst("^# expect: ", "");

        assertThatThrownBy(() -> SuiteLoader.load(file))
                .isInstanceOfSatisfying(RehearsalException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.BAD_SUITE_FILE))
                .hasMessageStartingWith(file.toString().replace(file.getFileName().toString(), ""))
                .hasMessageContaining(expected);
    }

    @Test
    void aMissingFileIsABadSuiteFile() {
        assertThatThrownBy(() -> SuiteLoader.load(SUITES.resolve("nowhere.yaml")))
                .isInstanceOfSatisfying(RehearsalException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.BAD_SUITE_FILE))
                .hasMessageContaining("nowhere.yaml").hasMessageContaining("check the path");
    }

    @Test
    void loadAllReadsTheYamlFilesOfADirectoryInNameOrder() throws IOException {
        Path dir = Files.createTempDirectory("suites");
        Files.writeString(dir.resolve("b.yaml"), "post:\n  - table_exists: b\n");
        Files.writeString(dir.resolve("a.yml"), "post:\n  - table_exists: a\n");
        Files.writeString(dir.resolve("notes.txt"), "not a suite");

        assertThat(SuiteLoader.loadAll(dir)).extracting(VerificationSuite::name).containsExactly("a", "b");
    }

    @Test
    void suitesBuiltInJavaRejectReferencesToUndeclaredCaptures() {
        assertThatThrownBy(() -> new VerificationSuite("java", null, null, List.of(new Capture("images")),
                List.of(new Check.RowCountEquals("media == pre.images + pre.docs"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("row_count_equals media == pre.images + pre.docs reads pre.docs, which suite java does"
                        + " not capture; add it to pre");
    }
}
