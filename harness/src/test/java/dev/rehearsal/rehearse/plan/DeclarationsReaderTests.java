package dev.rehearsal.rehearse.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rehearsal.ErrorCode;
import dev.rehearsal.RehearsalException;
import dev.rehearsal.drill.DrillOptions;
import dev.rehearsal.drill.FaultOptions;
import dev.rehearsal.migration.MigrationFormat;
import dev.rehearsal.migration.MigrationSet;
import dev.rehearsal.testing.TestMigrations;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The drills block of rehearsal.yaml, and where a broken file is wrong. */
class DeclarationsReaderTests {
    @TempDir
    Path dir;

    private Declarations read(String yaml) throws IOException {
        Files.writeString(dir.resolve("rehearsal.yaml"), yaml);
        return DeclarationsReader.read(dir);
    }

    @Test
    void drillsAreOffUnlessDeclared() throws IOException {
        Declarations.Drills drills = read("lossy: []\n").drills();

        assertThat(drills.any()).isFalse();
        assertThat(drills.maxFaults()).isEqualTo(FaultOptions.DEFAULT_MAX_FAULTS);
        assertThat(drills.objective()).isEqualTo(DrillOptions.DEFAULT_OBJECTIVE);
    }

    @Test
    void drillsBlockSwitchesDrillsOnWithItsLimits() throws IOException {
        Declarations.Drills drills = read("drills:\n  backup: true\n  faults: true\n  max-faults: 5\n  objective: 90s\n")
                .drills();

        assertThat(drills).isEqualTo(new Declarations.Drills(true, true, 5, Duration.ofSeconds(90)));
        assertThat(drills.faultOptions().maxFaults()).isEqualTo(5);
    }

    @Test
    void generatedRowsComeFromTheFileUnlessTheRunSetsThem() throws IOException {
        assertThat(read("lossy: []\n").generatedRows(null)).isEqualTo(Declarations.DEFAULT_GENERATED_ROWS);
        Declarations declared = read("generated-rows: 50\n");

        assertThat(declared.generatedRows(null)).isEqualTo(50);
        assertThat(declared.generatedRows(0L)).isZero();
    }

    @Test
    void negativeGeneratedRowsIsAnErrorAtItsLine() {
        assertThatThrownBy(() -> read("# rows\ngenerated-rows: -1\n"))
                .isInstanceOfSatisfying(RehearsalException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.BAD_SUITE_FILE))
                .hasMessageStartingWith(dir.resolve("rehearsal.yaml") + ":2:")
                .hasMessageContaining("generated-rows must be 0 (off) or more, was -1");
    }

    @Test
    void unknownDrillKeyIsAnErrorAtItsLine() {
        assertThatThrownBy(() -> read("# drills\ndrills:\n  backup: true\n  fualts: true\n"))
                .isInstanceOfSatisfying(RehearsalException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.BAD_SUITE_FILE))
                .hasMessageStartingWith(dir.resolve("rehearsal.yaml") + ":4:")
                .hasMessageContaining("fualts")
                .hasMessageContaining("drills (backup, faults, max-faults, objective)");
    }

    @Test
    void badObjectiveIsAnErrorAtItsLine() {
        assertThatThrownBy(() -> read("drills:\n  backup: true\n  objective: soon\n"))
                .hasMessageStartingWith(dir.resolve("rehearsal.yaml") + ":3:")
                .hasMessageContaining("drills.objective: 'soon' is not a duration; write e.g. 15m");
    }

    @Test
    void maxFaultsBelowOneIsAnError() {
        assertThatThrownBy(() -> read("drills:\n  faults: true\n  max-faults: 0\n"))
                .hasMessageStartingWith(dir.resolve("rehearsal.yaml") + ":3:")
                .hasMessageContaining("drills.max-faults must be at least 1, was 0");
    }

    @Test
    void volatileColumnsAreReadAndMatchedIgnoringCase() throws IOException {
        Declarations declarations = read("volatile:\n  - users.created_at\n  - \"sessions.token\"\n");

        assertThat(declarations.volatileColumns()).containsExactlyInAnyOrder("users.created_at", "sessions.token");
        assertThat(declarations.isVolatile("USERS", "Created_At")).isTrue();
        assertThat(declarations.isVolatile("users", "name")).isFalse();
        assertThat(read("lossy: []\n").volatileColumns()).isEmpty();
    }

    @Test
    void volatileEntryThatIsNotTableDotColumnIsAnErrorAtItsLine() {
        assertThatThrownBy(() -> read("volatile:\n  - users.created_at\n  - created_at\n"))
                .isInstanceOfSatisfying(RehearsalException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.BAD_SUITE_FILE))
                .hasMessageStartingWith(dir.resolve("rehearsal.yaml") + ":3:")
                .hasMessageContaining("volatile: 'created_at' is not table.column; write e.g. users.created_at");
        assertThatThrownBy(() -> read("volatile: [\"public.users.created_at\"]\n"))
                .hasMessageStartingWith(dir.resolve("rehearsal.yaml") + ":1:")
                .hasMessageContaining("'public.users.created_at' is not table.column");
    }

    @Test
    void unknownKeyNamesVolatileAmongTheExpectedKeys() {
        assertThatThrownBy(() -> read("volatiles: [users.created_at]\n"))
                .hasMessageStartingWith(dir.resolve("rehearsal.yaml") + ":1:")
                .hasMessageContaining("expected keys: irreversible, lossy, volatile, expect");
    }

    @Test
    void firstVersionInTheFileThatTheSetLacksIsNamedWithItsPlace() throws IOException {
        Declarations declarations = read("irreversible:\n  - \"9\"\nlossy: [\"1\", \"8\"]\n");
        MigrationSet set = new MigrationSet(dir, MigrationFormat.SQL_MIGRATE,
                List.of(TestMigrations.migration("1", "create users", List.of("create table users (id int)"), null)));

        assertThatThrownBy(() -> declarations.requireVersionsOf(set))
                .isInstanceOfSatisfying(RehearsalException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.BAD_SUITE_FILE))
                .hasMessage(dir.resolve("rehearsal.yaml") + ":2:5: version 9 is not a migration in " + dir
                        + "; use one of its versions (1) or delete the entry");
        Declarations later = read("lossy: [\"1\", \"8\"]\nirreversible:\n  - \"9\"\n");
        assertThatThrownBy(() -> later.requireVersionsOf(set)).hasMessageStartingWith(dir.resolve("rehearsal.yaml")
                + ":1:14: version 8 ");
    }
}
