package dev.rehearsal.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectDirectory;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectUniqueId;

import dev.rehearsal.engine.Constants;
import dev.rehearsal.engine.RehearsalTestEngine;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.testkit.engine.EngineTestKit;

/**
 * The {@code realistic-sets/} corpus through the CLI, and every version form a reader accepts
 * through the history (up, status, down, reset and a second up) and the engine's ids.
 */
class RealisticSetsCommandTests {
    @TempDir
    Path dir;

    static Path set(String name) {
        try {
            return Path.of(RealisticSetsCommandTests.class.getResource("/realistic-sets/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void dieselDatesGoUpComeDownResetAndGoUpAgain() {
        String db = dir.resolve("diesel.db").toString();
        String migrations = set("diesel-dates").toString();

        CliRun up = CliRun.of("up", "--url", db, "--migrations", migrations);
        assertThat(up.exitCode()).as(up.toString()).isZero();
        assertThat(up.out().lines().filter(l -> l.startsWith("applied")).map(l -> l.split("\\s+")[1]).toList())
                .containsExactly("00000000000000", "2022-04-26-153628", "2024-03-06-170000", "2024-03-13");

        CliRun status = CliRun.of("status", "--url", db, "--migrations", migrations);
        assertThat(status.exitCode()).as(status.toString()).isZero();
        assertThat(status.out()).containsPattern("2022-04-26-153628\\s+applied\\s+create users")
                .containsPattern("2024-03-13\\s+applied\\s+170000 add age");
        assertThat(CliRun.of("version", "--url", db, "--migrations", migrations).out().trim()).isEqualTo("2024-03-13");
        assertThat(CliRun.of("validate", "--url", db, "--migrations", migrations).exitCode()).isZero();

        CliRun down = CliRun.of("down", "--url", db, "--migrations", migrations);
        assertThat(down.exitCode()).as(down.toString()).isZero();
        assertThat(down.out()).containsPattern("rolled back\\s+2024-03-13 ");

        CliRun downTo = CliRun.of("down", "--url", db, "--migrations", migrations, "--to", "2022-04-26-153628");
        assertThat(downTo.exitCode()).as(downTo.toString()).isZero();
        assertThat(downTo.out()).containsPattern("rolled back\\s+2024-03-06-170000 ").doesNotContain("2022-04-26-153628 ");

        CliRun upTo = CliRun.of("up", "--url", db, "--migrations", migrations, "--to", "20240306170000");
        assertThat(upTo.exitCode()).as(upTo.toString()).isZero();
        assertThat(upTo.out()).containsPattern("applied\\s+2024-03-06-170000 ").doesNotContain("2024-03-13 ");

        CliRun reset = CliRun.of("reset", "--url", db, "--migrations", migrations);
        assertThat(reset.exitCode()).as(reset.toString()).isZero();
        assertThat(reset.out().lines().filter(l -> l.startsWith("rolled back")).count()).isEqualTo(3);

        CliRun again = CliRun.of("up", "--url", db, "--migrations", migrations);
        assertThat(again.exitCode()).as(again.toString()).isZero();
        assertThat(again.out().lines().filter(l -> l.startsWith("applied")).count()).isEqualTo(4);
    }

    @Test
    void drillsNameADieselMigrationAsWritten() {
        String migrations = set("diesel-dates").toString();

        CliRun rollback = CliRun.of("drill", "rollback", "--url", dir.resolve("rollback.db").toString(), "--migrations",
                migrations, "--migration", "2024-03-13");
        assertThat(rollback.exitCode()).as(rollback.toString()).isZero();
        assertThat(rollback.out()).startsWith("rollback drill of 2024-03-13 170000 add age on sqlite");

        CliRun faults = CliRun.of("drill", "faults", "--url", dir.resolve("faults.db").toString(), "--migrations",
                migrations, "--migration", "20220426153628");
        assertThat(faults.exitCode()).as(faults.toString()).isZero();
        assertThat(faults.out()).contains("PASS  2022-04-26-153628  fail before the first statement")
                .contains("2 of 2 faults recovered");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("soundSets")
    void soundSetRehearsesReady(String set, int tests) {
        CliRun run = CliRun.of("rehearse", "--migrations", set(set).toString(), "--out", dir.toString(),
                "--targets", "sqlite");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out()).contains(tests + " passed, 0 warnings, 0 failed, 0 skipped").contains("READY");
    }

    static Stream<Arguments> soundSets() {
        return Stream.of(Arguments.of("diesel-dates", 18), Arguments.of("paired-by-version", 10),
                Arguments.of("v-prefix", 10));
    }

    /** Loads and applies; only the empty downs of the no-ops fail (the "no false alarms" class of issue 15). */
    @Test
    void placeholderSetLoadsAndAppliesEveryMigration() {
        CliRun run = CliRun.of("rehearse", "--migrations", set("golang-migrate-placeholders").toString(), "--out",
                dir.toString(), "--targets", "sqlite");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out()).contains("18 passed, 0 warnings, 0 failed, 0 skipped");
        assertThat(run.out().lines().filter(l -> l.startsWith("PASSED") && l.contains(": apply")).count()).isEqualTo(4);

        String db = dir.resolve("placeholders.db").toString();
        CliRun up = CliRun.of("up", "--url", db, "--migrations", set("golang-migrate-placeholders").toString());
        assertThat(up.exitCode()).as(up.toString()).isZero();
        assertThat(up.out().lines().filter(l -> l.startsWith("applied")).count()).isEqualTo(4);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("versionForms")
    void everyVersionFormGoesThroughTheHistory(String form, List<String> files, String first, String second)
            throws IOException {
        Path migrations = dir.resolve("migrations");
        for (int i = 0; i < files.size(); i += 2) {
            Path file = migrations.resolve(files.get(i));
            Files.createDirectories(file.getParent());
            Files.writeString(file, files.get(i + 1));
        }
        String db = dir.resolve("forms.db").toString();
        String m = migrations.toString();

        CliRun up = CliRun.of("up", "--url", db, "--migrations", m);
        assertThat(up.exitCode()).as(up.toString()).isZero();
        CliRun status = CliRun.of("status", "--url", db, "--migrations", m);
        assertThat(status.exitCode()).as(status.toString()).isZero();
        assertThat(status.out()).containsPattern("(?m)^" + java.util.regex.Pattern.quote(first) + "\\s+applied")
                .containsPattern("(?m)^" + java.util.regex.Pattern.quote(second) + "\\s+applied");
        assertThat(CliRun.of("validate", "--url", db, "--migrations", m).exitCode()).isZero();
        CliRun down = CliRun.of("down", "--url", db, "--migrations", m, "--to", first);
        assertThat(down.exitCode()).as(down.toString()).isZero();
        assertThat(down.out()).containsPattern("rolled back\\s+" + java.util.regex.Pattern.quote(second) + " ");
        CliRun reset = CliRun.of("reset", "--url", db, "--migrations", m);
        assertThat(reset.exitCode()).as(reset.toString()).isZero();
        CliRun again = CliRun.of("up", "--url", db, "--migrations", m);
        assertThat(again.exitCode()).as(again.toString()).isZero();
        assertThat(again.out().lines().filter(l -> l.startsWith("applied")).count()).isEqualTo(2);

        CliRun rehearse = CliRun.of("rehearse", "--migrations", m, "--out", dir.resolve("out").toString(),
                "--targets", "sqlite");
        assertThat(rehearse.exitCode()).as(rehearse.toString()).isZero();
        assertThat(rehearse.out()).contains("10 passed, 0 warnings, 0 failed, 0 skipped")
                .contains("V" + second + " ");

        // The engine: the version is the id segment, and selecting one step by its id runs exactly it.
        TestDescriptor redo = EngineTestKit.engine(new RehearsalTestEngine()).selectors(selectDirectory(migrations.toFile()))
                .discover().getEngineDescriptor().getDescendants().stream()
                .filter(d -> d.getUniqueId().toString().endsWith("[migration:" + second + "]/[step:redo]"))
                .findFirst().orElseThrow();
        EngineTestKit.engine(new RehearsalTestEngine())
                .configurationParameter(Constants.REPORT_DIR, dir.resolve("engine").toString())
                .selectors(selectUniqueId(redo.getUniqueId())).execute().testEvents()
                .assertStatistics(st -> st.started(1).succeeded(1).failed(0).skipped(0).aborted(0));
    }

    private static final String UP_A = "CREATE TABLE a (id INTEGER PRIMARY KEY);\n";
    private static final String DOWN_A = "DROP TABLE a;\n";
    private static final String UP_B = "CREATE TABLE b (id INTEGER PRIMARY KEY);\n";
    private static final String DOWN_B = "DROP TABLE b;\n";

    static Stream<Arguments> versionForms() {
        return Stream.of(
                paired("paired, leading zeros", "001_a", "002_b", "001", "002"),
                paired("paired, dotted (1.2 before 1.10)", "1.10_b", "1.2_a", "1.2", "1.10"),
                paired("popx, 20 digits", "20210410175418000000_a", "20210410175418000001_b",
                        "20210410175418000000", "20210410175418000001"),
                Arguments.of("V prefix, dotted", List.of("V1.A.up.sql", UP_A, "V1.A.down.sql", DOWN_A,
                        "V1.1.B.up.sql", UP_B, "V1.1.B.down.sql", DOWN_B), "1", "1.1"),
                Arguments.of("flyway, underscores", List.of("V1_1__a.sql", UP_A, "U1_1__a.sql", DOWN_A,
                        "V1_2__b.sql", UP_B, "U1_2__b.sql", DOWN_B), "1_1", "1_2"),
                Arguments.of("flyway, dots", List.of("V1.2.3__a.sql", UP_A, "U1.2.3__a.sql", DOWN_A,
                        "V1.2.10__b.sql", UP_B, "U1.2.10__b.sql", DOWN_B), "1.2.3", "1.2.10"),
                Arguments.of("diesel, dashed and digits only", List.of("00000000000000_a/up.sql", UP_A,
                        "00000000000000_a/down.sql", DOWN_A, "2022-04-26-153628_b/up.sql", UP_B,
                        "2022-04-26-153628_b/down.sql", DOWN_B), "00000000000000", "2022-04-26-153628"),
                Arguments.of("diesel, text order", List.of("2024-03-06-170000_a/up.sql", UP_A,
                        "2024-03-06-170000_a/down.sql", DOWN_A, "2024-03-13_170000_b/up.sql", UP_B,
                        "2024-03-13_170000_b/down.sql", DOWN_B), "2024-03-06-170000", "2024-03-13"),
                marked("sql-migrate", "-- +migrate Up\n", "-- +migrate Down\n", "1_a.sql", "2_b.sql", "1", "2"),
                marked("goose", "-- +goose Up\n", "-- +goose Down\n", "00001_a.sql", "00002_b.sql", "00001", "00002"),
                marked("dbmate", "-- migrate:up\n", "-- migrate:down\n", "20240101000000_a.sql",
                        "20240102000000_b.sql", "20240101000000", "20240102000000"));
    }

    private static Arguments paired(String form, String a, String b, String first, String second) {
        boolean aFirst = a.startsWith(first);
        return Arguments.of(form, List.of(a + ".up.sql", aFirst ? UP_A : UP_B, a + ".down.sql", aFirst ? DOWN_A : DOWN_B,
                b + ".up.sql", aFirst ? UP_B : UP_A, b + ".down.sql", aFirst ? DOWN_B : DOWN_A), first, second);
    }

    private static Arguments marked(String form, String up, String down, String a, String b, String first, String second) {
        return Arguments.of(form, List.of(a, up + UP_A + down + DOWN_A, b, up + UP_B + down + DOWN_B), first, second);
    }
}
