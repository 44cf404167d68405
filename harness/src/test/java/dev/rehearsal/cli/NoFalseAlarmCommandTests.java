package dev.rehearsal.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The sets of {@code realistic-sets/} through {@code rehearsal rehearse} (SQLite; the engine tests cover every engine). */
class NoFalseAlarmCommandTests {
    @TempDir
    Path out;

    static Path set(String name) {
        try {
            return Path.of(NoFalseAlarmCommandTests.class.getResource("/realistic-sets/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static CliRun rehearse(Path out, String set, String... more) {
        List<String> args = Stream.of(List.of("rehearse", "--migrations", set(set).toString(), "--out", out.toString()),
                List.of(more)).flatMap(List::stream).toList();
        return CliRun.of(args.toArray(String[]::new));
    }

    @Test
    void placeholderMigrationsAreReadyAndSayWhy() {
        CliRun run = rehearse(out, "noop-placeholder");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out()).contains("PASSED   sqlite   V2 placeholder: rollback restores schema (")
                .contains("the up changed nothing (schema and data measured before and after it); a missing or empty down is correct")
                .contains("18 passed").contains("0 failed");
    }

    @Test
    void columnOrderIsAWarningThatTheFlagMakesAFailure() {
        CliRun relaxed = rehearse(out.resolve("relaxed"), "column-order");
        CliRun strict = rehearse(out.resolve("strict"), "column-order", "--strict-column-order");

        assertThat(relaxed.exitCode()).as(relaxed.toString()).isZero();
        assertThat(relaxed.out()).contains("WARNING  sqlite   V2 rename name: rollback restores schema (")
                .contains("column order changed");
        assertThat(strict.exitCode()).as(strict.toString()).isEqualTo(1);
        assertThat(strict.out()).contains("FAILED   sqlite   V2 rename name: rollback restores schema (")
                .contains("column order is strict").contains("NOT READY");
    }

    @Test
    void scriptWithItsOwnTransactionRunsAsWrittenBehindASafetyBackup() {
        String db = out.resolve("own.db").toString();
        CliRun up = CliRun.of("up", "--url", db, "--migrations", set("own-transaction").toString(),
                "--backup-dir", out.resolve("backups").toString());
        CliRun rehearsed = rehearse(out.resolve("reports"), "own-transaction");

        assertThat(up.exitCode()).as(up.toString()).isZero();
        assertThat(up.out()).contains("safety backup ").contains("manages its own (BEGIN/COMMIT inside it)")
                .contains("applied     1 create users (1 statement, ").contains("in one transaction")
                .contains("applied     2 audit (4 statements, ")
                .contains("run as written, not in the runner's transaction: the file manages its own (BEGIN at 2_audit.up.sql:2)");
        assertThat(rehearsed.exitCode()).as(rehearsed.toString()).isZero();
    }
}
