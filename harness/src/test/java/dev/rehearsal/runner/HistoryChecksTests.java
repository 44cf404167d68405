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

/** Which files a checksum mismatch of a format-1 history row (one checksum over up and down) names, per migration format. */
class HistoryChecksTests {
    private static final String RECORDED = "0".repeat(64);

    @TempDir
    Path dir;

    /** The mismatch reported for the directory's only migration, recorded as applied with another checksum. */
    private String mismatchOf(Path migrations) {
        List<Migration> loaded = MigrationLoader.load(migrations, Dialects.SQLITE).migrations();
        Migration m = loaded.get(0);
        HistoryRow row = new HistoryRow(m.version(), m.description(), RECORDED, null, null, Instant.EPOCH, 1, 1,
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
                .endsWith("recorded " + RECORDED + "; this history row predates separate up and down checksums,"
                        + " so which one changed cannot be told); restore the files as applied, or run `rehearsal repair`"
                        + " to accept the change");
    }

    /** A sql-migrate file recorded as applied (format 2), then rewritten as {@code edited}: refusals and warnings. */
    private List<List<String>> afterEditing(String edited) throws Exception {
        Path file = dir.resolve("20240101000000_notes.sql");
        Files.writeString(file, "-- applied as\n-- +migrate Up\ncreate table notes (id integer primary key);\n"
                + "-- +migrate Down\ndrop table notes;\n");
        Migration applied = MigrationLoader.load(dir, Dialects.SQLITE).migrations().get(0);
        HistoryRow row = new HistoryRow(applied.version(), applied.description(), applied.checksum(),
                applied.upChecksum(), applied.downChecksum(), Instant.EPOCH, 1, 1, HistoryStatus.APPLIED, "test", 1, null);
        Files.writeString(file, edited);
        HistoryChecks checks = new HistoryChecks(MigrationLoader.load(dir, Dialects.SQLITE).migrations());
        return List.of(checks.modified(Map.of(row.version(), row)), checks.changedDowns(Map.of(row.version(), row)));
    }

    @Test
    void anEditedDownSectionOfASingleFileIsAWarningNotARefusal() throws Exception {
        List<List<String>> found = afterEditing("-- applied as\n-- +migrate Up\ncreate table notes (id integer primary key);\n"
                + "-- +migrate Down\ndrop table if exists notes;\n");

        assertThat(found.get(0)).isEmpty();
        assertThat(found.get(1)).containsExactly("the down script of migration 20240101000000 changed since it was"
                + " applied: 20240101000000_notes.sql (its down section) changed; `down` runs it as it is now");
    }

    @Test
    void anEditedUpSectionOfASingleFileIsRefused() throws Exception {
        List<List<String>> found = afterEditing("-- applied as, then edited\n-- +migrate Up\n"
                + "create table notes (id integer primary key);\n-- +migrate Down\ndrop table notes;\n");

        assertThat(found.get(0)).singleElement().asString().startsWith("migration 20240101000000 was modified after it"
                + " was applied: 20240101000000_notes.sql (its up section) changed (up checksum now ");
        assertThat(found.get(1)).isEmpty();
    }

    @Test
    void aDownSectionAddedLaterIsAWarning() throws Exception {
        Path file = dir.resolve("20240101000000_notes.sql");
        Files.writeString(file, "-- +migrate Up\ncreate table notes (id integer primary key);\n");
        Migration applied = MigrationLoader.load(dir, Dialects.SQLITE).migrations().get(0);
        HistoryRow row = new HistoryRow(applied.version(), applied.description(), applied.checksum(),
                applied.upChecksum(), applied.downChecksum(), Instant.EPOCH, 1, 1, HistoryStatus.APPLIED, "test", 1, null);
        Files.writeString(file, "-- +migrate Up\ncreate table notes (id integer primary key);\n-- +migrate Down\n"
                + "drop table notes;\n");
        HistoryChecks checks = new HistoryChecks(MigrationLoader.load(dir, Dialects.SQLITE).migrations());

        assertThat(row.downChecksum()).isNull();
        assertThat(checks.modified(Map.of(row.version(), row))).isEmpty();
        assertThat(checks.changedDowns(Map.of(row.version(), row))).singleElement().asString()
                .contains("a down script was added (20240101000000_notes.sql)");
    }
}
