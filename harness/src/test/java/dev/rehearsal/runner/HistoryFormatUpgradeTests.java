package dev.rehearsal.runner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rehearsal.database.IsolatedDatabase;
import dev.rehearsal.database.Target;
import dev.rehearsal.migration.Migration;
import dev.rehearsal.migration.MigrationLoader;
import dev.rehearsal.runner.history.HistoryRow;
import dev.rehearsal.runner.history.SchemaHistory;
import dev.rehearsal.testing.TestDatabases;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A history table in the format-1 layout (one checksum over up and down, as Rehearsal wrote it
 * before format 2) is read as it is by status and validate, and brought forward in place by the
 * first command that takes the lock.
 */
class HistoryFormatUpgradeTests {
    private static final String DOWN = "20240102000000_tags.down.sql";

    @TempDir
    Path dir;

    private Path migrations() throws Exception {
        Path migrations = Files.createDirectories(dir.resolve("migrations"));
        Files.writeString(migrations.resolve("20240101000000_images.up.sql"),
                "create table images (id integer primary key, path varchar(200));\n"
                        + "insert into images (id, path) values (1, 'a.png');\n");
        Files.writeString(migrations.resolve("20240101000000_images.down.sql"), "drop table images;\n");
        Files.writeString(migrations.resolve("20240102000000_tags.up.sql"),
                "create table tags (id integer primary key, name varchar(50));\n");
        Files.writeString(migrations.resolve(DOWN), "drop table tags;\n");
        return migrations;
    }

    private static MigrationRunner runner(Target target, Path migrations) {
        return new MigrationRunner(target, MigrationLoader.load(migrations, target.dialect()).migrations(),
                RunnerOptions.defaults());
    }

    /** Applies every migration, then replaces the history table by the same rows in the format-1 layout. */
    private static void appliedWithFormatOneHistory(Target target, Path migrations, String... columnsAlreadyAdded)
            throws Exception {
        MigrationRunner runner = runner(target, migrations);
        runner.up(null);
        try (Connection c = target.connect(); Statement s = c.createStatement()) {
            List<HistoryRow> rows = runner.history().rows(c);
            s.execute("drop table rehearsal_history");
            // The layout SchemaHistory created before format 2, verbatim.
            s.execute("create table rehearsal_history (version varchar(100) not null primary key, "
                    + "name varchar(400) not null, checksum varchar(64) not null, applied_at varchar(40) not null, "
                    + "execution_ms bigint not null, batch integer not null, status varchar(20) not null, "
                    + "installed_by varchar(200) not null, statements_run integer not null, error "
                    + target.dialect().textType() + ", format_version integer not null)");
            for (String column : columnsAlreadyAdded) {
                s.execute("alter table rehearsal_history add column " + column + " varchar(64)");
            }
            try (PreparedStatement insert = c.prepareStatement("insert into rehearsal_history (version, name,"
                    + " checksum, applied_at, execution_ms, batch, status, installed_by, statements_run, error,"
                    + " format_version) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1)")) {
                for (HistoryRow row : rows) {
                    insert.setString(1, row.version().text());
                    insert.setString(2, row.name());
                    insert.setString(3, row.checksum());
                    insert.setString(4, row.appliedAt().toString());
                    insert.setLong(5, row.executionMillis());
                    insert.setInt(6, row.batch());
                    insert.setString(7, row.status().column());
                    insert.setString(8, row.installedBy());
                    insert.setInt(9, row.statementsRun());
                    insert.setString(10, row.error());
                    insert.executeUpdate();
                }
            }
        }
    }

    @ParameterizedTest
    @MethodSource("dev.rehearsal.testing.TestDatabases#engines")
    void aFormatOneTableIsReadAsItIsThenBroughtForwardSoAFixedDownRuns(String engine) throws Exception {
        try (IsolatedDatabase db = TestDatabases.create(engine)) {
            Path migrations = migrations();
            appliedWithFormatOneHistory(db.target(), migrations);
            MigrationRunner runner = runner(db.target(), migrations);

            assertThat(runner.status()).extracting(MigrationStatus::state).containsExactly("applied", "applied");
            assertThat(runner.validate().problems()).isEmpty();
            assertThat(columns(db.target())).as("read-only commands leave the layout alone")
                    .doesNotContain("up_checksum", "down_checksum");

            assertThat(runner.up(null).executed()).isEmpty();

            assertThat(columns(db.target())).contains("up_checksum", "down_checksum");
            List<Migration> files = MigrationLoader.load(migrations, db.target().dialect()).migrations();
            try (Connection c = db.target().connect()) {
                List<HistoryRow> rows = runner.history().rows(c);
                for (int i = 0; i < 2; i++) {
                    assertThat(rows.get(i).checksum()).isEqualTo(files.get(i).checksum());
                    assertThat(rows.get(i).upChecksum()).isEqualTo(files.get(i).upChecksum());
                    assertThat(rows.get(i).downChecksum()).isEqualTo(files.get(i).downChecksum());
                }
            }
            assertThat(TestDatabases.firstColumn(db.target(), "select format_version from rehearsal_history"))
                    .containsOnly(String.valueOf(SchemaHistory.FORMAT_VERSION));

            Files.writeString(migrations.resolve(DOWN), "drop table if exists tags;\n");
            MigrationRunner fixed = runner(db.target(), migrations);
            assertThat(fixed.validate().problems()).isEmpty();
            assertThat(fixed.validate().warnings()).singleElement().asString().contains(DOWN + " changed");
            assertThat(fixed.down(DownScope.last()).warnings()).hasSize(1);
            assertThat(tables(db.target())).doesNotContain("tags");
        }
    }

    @ParameterizedTest
    @MethodSource("dev.rehearsal.testing.TestDatabases#engines")
    void aFormatOneRowThatNoLongerMatchesIsRefusedUntilRepairSplitsIt(String engine) throws Exception {
        try (IsolatedDatabase db = TestDatabases.create(engine)) {
            Path migrations = migrations();
            appliedWithFormatOneHistory(db.target(), migrations);
            Files.writeString(migrations.resolve(DOWN), "drop table if exists tags;\n");
            MigrationRunner runner = runner(db.target(), migrations);

            assertThatThrownBy(() -> runner.down(DownScope.last()))
                    .hasMessageContaining("migration 20240102000000 was modified after it was applied:"
                            + " 20240102000000_tags.up.sql or " + DOWN + " changed")
                    .hasMessageContaining("predates separate up and down checksums");
            assertThat(tables(db.target())).contains("tags");

            assertThat(runner.repair()).containsExactly("realigned checksum of 20240102000000 tags");
            assertThat(runner.validate().problems()).isEmpty();
            assertThat(runner.validate().warnings()).isEmpty();
            assertThat(runner.down(DownScope.last()).executed()).hasSize(1);
            assertThat(tables(db.target())).doesNotContain("tags");
        }
    }

    @ParameterizedTest
    @MethodSource("dev.rehearsal.testing.TestDatabases#engines")
    void anUpgradeCutOffAfterItsFirstColumnIsFinishedByTheNextRun(String engine) throws Exception {
        try (IsolatedDatabase db = TestDatabases.create(engine)) {
            Path migrations = migrations();
            appliedWithFormatOneHistory(db.target(), migrations, "up_checksum");
            MigrationRunner runner = runner(db.target(), migrations);

            assertThat(runner.status()).hasSize(2);
            runner.up(null);

            assertThat(columns(db.target())).contains("up_checksum", "down_checksum");
            try (Connection c = db.target().connect()) {
                assertThat(runner.history().rows(c)).allSatisfy(row -> assertThat(row.upChecksum()).hasSize(64));
            }
        }
    }

    private static List<String> columns(Target target) throws SQLException {
        List<String> names = new ArrayList<>();
        try (Connection c = target.connect(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select * from rehearsal_history where 1 = 0")) {
            for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                names.add(rs.getMetaData().getColumnLabel(i).toLowerCase(Locale.ROOT));
            }
        }
        return names;
    }

    private static List<String> tables(Target target) throws SQLException {
        return MigrationRunnerTests.tables(target);
    }
}
