package dev.rehearsal.runner;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rehearsal.database.Dialects;
import dev.rehearsal.migration.Migration;
import dev.rehearsal.migration.MigrationLoader;
import dev.rehearsal.runner.history.HistoryRow;
import dev.rehearsal.runner.history.HistoryStatus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which files a checksum mismatch names, per migration format. */
class HistoryChecksTests {
    private static final String RECORDED = "0".repeat(64);

    @TempDir
    Path dir;

    /** The mismatch reported for the directory's only migration, recorded as applied with another checksum. */
    private String mismatchOf(Path migrations) {
        List<Migration> loaded = MigrationLoader.load(migrations, Dialects.SQLITE).migrations();
        Migration m = loaded.get(0);
        HistoryRow row = new HistoryRow(m.version(), m.description(), RECORDED, Instant.EPOCH, 1, 1,
                HistoryStatus.APPLIED, "test", 1, null);
        List<String> problems = new HistoryChecks(loaded).modified(Map.of(m.version(), row));
        assertThat(problems).hasSize(1);
        return problems.get(0);
    }

    @Test
    void aDieselMigrationIsNamedByItsFolder() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("2024-01-01-000000_notes"));
        Files.writeString(folder.resolve("up.sql"), "create table notes (id integer primary key);\n");
        Files.writeString(folder.resolve("down.sql"), "drop table notes;\n");

        assertThat(mismatchOf(dir)).contains("was modified after it was applied: 2024-01-01-000000_notes/up.sql or"
                + " 2024-01-01-000000_notes/down.sql changed (checksum now ");
    }

    @Test
    void anUpFileWithoutItsDownSaysTheDownMayHaveBeenRemoved() throws Exception {
        Files.writeString(dir.resolve("20240101000000_notes.up.sql"), "create table notes (id integer primary key);\n");

        assertThat(mismatchOf(dir)).contains(
                "20240101000000_notes.up.sql changed or its down file was removed (checksum now ");
    }

    @Test
    void aSingleFileMigrationNamesItsOneFile() throws Exception {
        Files.writeString(dir.resolve("20240101000000_notes.sql"),
                "-- +migrate Up\ncreate table notes (id integer primary key);\n-- +migrate Down\ndrop table notes;\n");

        assertThat(mismatchOf(dir)).contains("applied: 20240101000000_notes.sql changed (checksum now ")
                .endsWith("recorded " + RECORDED + "); restore the files as applied, or run `rehearsal repair` to"
                        + " accept the change");
    }
}
