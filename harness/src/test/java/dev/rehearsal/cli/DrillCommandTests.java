package dev.rehearsal.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rehearsal.database.IsolatedDatabase;
import dev.rehearsal.testing.TestDatabases;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DrillCommandTests {
    private static final String MEDIA = ProjectFiles.migrations("media").toString();
    private static final String FIXTURES = ProjectFiles.root().resolve("fixtures").resolve("media").toString();

    @Test
    void faultsOnTheUnificationPrintOneLinePerFaultAndExitZeroWhenAllRecover() {
        try (IsolatedDatabase db = TestDatabases.create("sqlite")) {
            CliRun run = CliRun.of("drill", "faults", "--url", db.target().url(), "--migrations", MEDIA,
                    "--fixtures", FIXTURES, "--migration", "20240215000000");

            assertThat(run.exitCode()).as(run.toString()).isZero();
            assertThat(run.out()).containsPattern("PASS  20240215000000  fail after statement 3\\s+transaction rollback\\s+history: failed")
                    .contains("connection cut after statement 3").contains("8 of 8 faults recovered");
        }
    }

    @Test
    void faultsWithMaxFaultsSampleThatManyPerMigration() {
        try (IsolatedDatabase db = TestDatabases.create("sqlite")) {
            CliRun run = CliRun.of("drill", "faults", "--url", db.target().url(), "--migrations", MEDIA, "--all",
                    "--max-faults", "2", "--no-connection-cut");

            assertThat(run.exitCode()).as(run.toString()).isZero();
            // 1, 4, 2 and 7 statements: every fault of the first, two of each other.
            assertThat(run.out().lines().filter(l -> l.startsWith("PASS")).count()).isEqualTo(7);
            assertThat(run.out()).contains("PASS  20240101000000  fail before the first statement")
                    .contains("PASS  20240215000000  fail after statement 6").contains("7 of 7 faults recovered");
        }
    }

    @Test
    void rollbackPrintsEachOptionWithItsTimeAgainstTheObjective() {
        try (IsolatedDatabase db = TestDatabases.create("sqlite")) {
            CliRun run = CliRun.of("drill", "rollback", "--url", db.target().url(), "--migrations", MEDIA,
                    "--fixtures", FIXTURES, "--migration", "20240215000000", "--objective", "10m");

            assertThat(run.exitCode()).as(run.toString()).isZero();
            assertThat(run.out()).startsWith("rollback drill of 20240215000000 unify media on sqlite")
                    .containsPattern("PASS  built-in rollback\\s+\\d+\\.\\d{3} s \\(objective 10m\\)")
                    .containsPattern("PASS  restore from backup\\s+\\d+\\.\\d{3} s \\(objective 10m\\)");
        }
    }

    @Test
    void rollbackThatLosesRowsFailsWithTheDiffAndExitsOne(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("1_items.up.sql"), "CREATE TABLE items (id INTEGER PRIMARY KEY);\n"
                + "INSERT INTO items (id) VALUES (1), (2);\n");
        Files.writeString(dir.resolve("1_items.down.sql"), "DROP TABLE items;\n");
        Files.writeString(dir.resolve("2_purge.up.sql"), "CREATE TABLE purged (id INTEGER);\n");
        Files.writeString(dir.resolve("2_purge.down.sql"), "DROP TABLE purged;\nDELETE FROM items;\n");
        try (IsolatedDatabase db = TestDatabases.create("sqlite")) {
            CliRun run = CliRun.of("drill", "rollback", "--url", db.target().url(), "--migrations", dir.toString(),
                    "--migration", "2");

            assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
            assertThat(run.out()).contains("FAIL  built-in rollback").contains("      table data items: 2 rows before");
        }
    }

    @Test
    void aTargetThatIsNotEmptyIsRefusedUnlessDeclaredScratch() {
        try (IsolatedDatabase db = TestDatabases.create("sqlite")) {
            String url = db.target().url();
            CliRun.of("up", "--url", url, "--migrations", MEDIA);

            CliRun refused = CliRun.of("drill", "faults", "--url", url, "--migrations", MEDIA, "--migration", "20240215000000");

            assertThat(refused.exitCode()).isEqualTo(2);
            assertThat(refused.err()).contains("refusing to drill on").contains("it is not empty (5 tables or views: docs, images, media, migration_markers, users;")
                    .contains("4 history rows").contains("--scratch-ok");
            assertThat(refused.out()).isEmpty();

            CliRun allowed = CliRun.of("drill", "faults", "--url", url, "--migrations", MEDIA, "--migration",
                    "20240215000000", "--scratch-ok", "--max-faults", "1", "--no-connection-cut");
            assertThat(allowed.exitCode()).as(allowed.toString()).isZero();
            assertThat(allowed.out()).contains("1 of 1 faults recovered");
        }
    }

    @Test
    void aProductionTargetIsRefusedEvenWhenDeclaredScratch() {
        try (IsolatedDatabase db = TestDatabases.create("sqlite")) {
            String url = db.target().url();

            for (String drill : new String[] {"faults", "rollback"}) {
                CliRun refused = CliRun.of("drill", drill, "--url", url, "--migrations", MEDIA, "--migration",
                        "20240215000000", "--scratch-ok", "--env", "production");

                assertThat(refused.exitCode()).isEqualTo(2);
                assertThat(refused.err()).contains("refusing to run 'drill " + drill + "' against a production target");
            }
            assertThat(CliRun.of("status", "--url", url, "--migrations", MEDIA).out()).doesNotContain("applied ");
        }
    }

    @Test
    void badObjectiveIsBadUsage() {
        CliRun run = CliRun.of("drill", "rollback", "--url", "x.db", "--migrations", MEDIA, "--migration", "1",
                "--objective", "soon");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--objective: 'soon' is not a duration");
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"0s", "PT0S", "PT-5S", "99999999999999999999h"})
    void objectiveThatIsNoTimeLimitIsBadUsage(String objective) {
        CliRun run = CliRun.of("drill", "rollback", "--url", "x.db", "--migrations", MEDIA, "--migration", "1",
                "--objective", objective);

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
        assertThat(run.err()).startsWith("error: --objective: '" + objective + "' is not a ")
                .contains("write e.g. 15m, 90s, 1h or 500ms").hasLineCount(1);
    }

    @Test
    void faultsNeedAVersionOrAll() {
        CliRun run = CliRun.of("drill", "faults", "--url", "x.db", "--migrations", MEDIA);

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--migration").contains("--all");
    }
}
