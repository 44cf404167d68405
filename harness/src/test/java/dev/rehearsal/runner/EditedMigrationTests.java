package dev.rehearsal.runner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rehearsal.ErrorCode;
import dev.rehearsal.RehearsalException;
import dev.rehearsal.database.IsolatedDatabase;
import dev.rehearsal.database.Target;
import dev.rehearsal.migration.MigrationLoader;
import dev.rehearsal.runner.history.HistoryRow;
import dev.rehearsal.testing.TestDatabases;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Applied migrations whose files changed afterwards: a changed up stops every command that runs a
 * script until `repair` accepts it; a changed down alone is a warning, and `down` runs it as it is now.
 */
class EditedMigrationTests {
    private static final String UNIFY_UP = "20240102000000_unify_tags.up.sql";
    private static final String UNIFY_DOWN = "20240102000000_unify_tags.down.sql";

    @TempDir
    Path dir;

    /** Two paired-file migrations, applied; the second one's up script then also creates an index. */
    private Path appliedThenUpEdited(Target target) throws Exception {
        Path migrations = appliedThenDownEdited(target);
        Files.writeString(migrations.resolve(UNIFY_DOWN), "drop table tags;\n");
        Files.writeString(migrations.resolve(UNIFY_UP), "create table tags (id integer primary key, name varchar(50));\n"
                + "insert into tags (id, name) values (1, 'cats');\ncreate index idx_tags_name on tags (name);\n");
        return migrations;
    }

    /** Two paired-file migrations, applied; the second one's down script then deletes every image. */
    private Path appliedThenDownEdited(Target target) throws Exception {
        Path migrations = Files.createDirectories(dir.resolve("migrations"));
        Files.writeString(migrations.resolve("20240101000000_create_images.up.sql"),
                "create table images (id integer primary key, path varchar(200));\n"
                        + "insert into images (id, path) values (1, 'a.png');\n"
                        + "insert into images (id, path) values (2, 'b.png');\n");
        Files.writeString(migrations.resolve("20240101000000_create_images.down.sql"), "drop table images;\n");
        Files.writeString(migrations.resolve("20240102000000_unify_tags.up.sql"),
                "create table tags (id integer primary key, name varchar(50));\n"
                        + "insert into tags (id, name) values (1, 'cats');\n");
        Files.writeString(migrations.resolve(UNIFY_DOWN), "drop table tags;\n");
        runner(target, migrations).up(null);
        Files.writeString(migrations.resolve(UNIFY_DOWN), "delete from images;\ndrop table tags;\n");
        return migrations;
    }

    private static MigrationRunner runner(Target target, Path migrations) {
        return new MigrationRunner(target, MigrationLoader.load(migrations, target.dialect()).migrations(),
                RunnerOptions.defaults());
    }

    @ParameterizedTest
    @MethodSource("dev.rehearsal.testing.TestDatabases#engines")
    void everyCommandThatRunsScriptsRefusesAnEditedUpAndChangesNothing(String engine) throws Exception {
        try (IsolatedDatabase db = TestDatabases.create(engine)) {
            MigrationRunner runner = runner(db.target(), appliedThenUpEdited(db.target()));
            DatabaseState before = DatabaseState.of(db.target(), runner);

            List<ThrowingCallable> commands = List.of(() -> runner.down(DownScope.last()),
                    () -> runner.down(DownScope.lastBatch()), () -> runner.down(DownScope.all()), runner::redo,
                    runner::reset, runner::refresh, () -> runner.up(null));
            for (ThrowingCallable command : commands) {
                assertThatThrownBy(command)
                        .satisfies(refusedFor("20240102000000", UNIFY_UP));
                assertThat(DatabaseState.of(db.target(), runner)).isEqualTo(before);
            }
            assertThat(before.images()).containsExactly("1 a.png", "2 b.png");
        }
    }

    @ParameterizedTest
    @MethodSource("dev.rehearsal.testing.TestDatabases#engines")
    void anEditedDownIsAWarningAndDownRunsItAsItIsNowAndRecordsIt(String engine) throws Exception {
        try (IsolatedDatabase db = TestDatabases.create(engine)) {
            Path migrations = appliedThenDownEdited(db.target());
            List<String> told = new ArrayList<>();
            MigrationRunner runner = new MigrationRunner(db.target(),
                    MigrationLoader.load(migrations, db.target().dialect()).migrations(),
                    RunnerOptions.defaults().withListener(new RunListener() {
                        @Override
                        public void warning(String message) {
                            told.add(message);
                        }
                    }));
            String warning = "the down script of migration 20240102000000 changed since it was applied: "
                    + UNIFY_DOWN + " changed; `down` runs it as it is now";

            ValidationReport report = runner.validate();
            assertThat(report.isValid()).isTrue();
            assertThat(report.warnings()).containsExactly(warning);
            assertThat(runner.changedDowns()).containsExactly(warning);

            RunResult down = runner.down(DownScope.last());

            assertThat(down.executed()).extracting(e -> e.migration().version().text()).containsExactly("20240102000000");
            assertThat(down.warnings()).containsExactly(warning);
            assertThat(told).as("said before it ran").containsExactly(warning);
            try (Connection c = db.target().connect()) {
                assertThat(DatabaseState.rows(c, "select id, path from images")).as("the edited down ran").isEmpty();
                HistoryRow recorded = runner.history().rows(c).get(1);
                assertThat(recorded.downChecksum()).isEqualTo(MigrationLoader.load(migrations, db.target().dialect())
                        .migrations().get(1).downChecksum());
            }
            runner.up(null);
            assertThat(runner.validate().warnings()).as("the history holds the new down").isEmpty();
            assertThat(runner.redo().warnings()).isEmpty();
        }
    }

    @ParameterizedTest
    @MethodSource("dev.rehearsal.testing.TestDatabases#engines")
    void afterRepairTheEditedUpIsAcceptedAndCommandsRunAgain(String engine) throws Exception {
        try (IsolatedDatabase db = TestDatabases.create(engine)) {
            MigrationRunner runner = runner(db.target(), appliedThenUpEdited(db.target()));

            assertThat(runner.repair()).containsExactly("realigned checksum of 20240102000000 unify tags");
            assertThat(runner.validate().problems()).isEmpty();

            assertThat(runner.down(DownScope.last()).executed()).extracting(e -> e.migration().version().text())
                    .containsExactly("20240102000000");
            try (Connection c = db.target().connect()) {
                assertThat(DatabaseState.rows(c, "select id, path from images")).hasSize(2);
            }
            assertThat(MigrationRunnerTests.tables(db.target())).doesNotContain("tags");

            runner.up(null);
            assertThat(MigrationRunnerTests.tables(db.target())).contains("tags");
            assertThat(runner.status()).extracting(MigrationStatus::state).containsExactly("applied", "applied");
            assertThat(runner.redo().executed()).extracting(ExecutedMigration::direction)
                    .containsExactly(Direction.DOWN, Direction.UP);
        }
    }

    @ParameterizedTest
    @MethodSource("dev.rehearsal.testing.TestDatabases#engines")
    void redoRefusesBeforeRollingBackWhenTheUpHalfWouldBeRefused(String engine) throws Exception {
        try (IsolatedDatabase db = TestDatabases.create(engine)) {
            Path migrations = appliedThenDownEdited(db.target());
            Files.writeString(migrations.resolve(UNIFY_DOWN), "drop table tags;\n");
            Files.delete(migrations.resolve("20240101000000_create_images.up.sql"));
            Files.delete(migrations.resolve("20240101000000_create_images.down.sql"));
            MigrationRunner runner = runner(db.target(), migrations);
            DatabaseState before = DatabaseState.of(db.target(), runner);

            assertThatThrownBy(runner::redo)
                    .hasMessageContaining("applied migration 20240101000000 (create images) is missing from disk")
                    .satisfies(e -> assertThat(((RehearsalException) e).code()).isEqualTo(ErrorCode.VALIDATION_FAILED));
            assertThat(DatabaseState.of(db.target(), runner)).isEqualTo(before);
        }
    }

    @ParameterizedTest
    @MethodSource("dev.rehearsal.testing.TestDatabases#engines")
    void validateNamesTheUpFileOfAPairWhoseUpWasEdited(String engine) throws Exception {
        try (IsolatedDatabase db = TestDatabases.create(engine)) {
            MigrationRunner runner = runner(db.target(), appliedThenUpEdited(db.target()));

            List<String> problems = runner.validate().problems();

            assertThat(problems).hasSize(1);
            assertThat(problems.get(0)).startsWith("migration 20240102000000 was modified after it was applied: "
                            + "20240102000000_unify_tags.up.sql changed (up checksum now ")
                    .endsWith("); restore the files as applied, or run `rehearsal repair` to accept the change");
            assertThat(runner.validate().warnings()).isEmpty();
        }
    }

    private static Consumer<Throwable> refusedFor(String version, String files) {
        return e -> {
            assertThat(e).isInstanceOf(RehearsalException.class)
                    .hasMessageStartingWith("refusing to ")
                    .hasMessageContaining("migration " + version + " was modified after it was applied: " + files
                            + " changed")
                    .hasMessageContaining("`rehearsal repair`");
            assertThat(((RehearsalException) e).code()).isEqualTo(ErrorCode.VALIDATION_FAILED);
        };
    }

    /** The history rows and the rows of both data tables; equal when nothing changed. */
    private record DatabaseState(List<HistoryRow> history, List<String> images, List<String> tags) {
        static DatabaseState of(Target target, MigrationRunner runner) throws SQLException {
            try (Connection c = target.connect()) {
                return new DatabaseState(runner.history().rows(c),
                        rows(c, "select id, path from images order by id"),
                        rows(c, "select id, name from tags order by id"));
            }
        }

        static List<String> rows(Connection c, String sql) throws SQLException {
            List<String> rows = new ArrayList<>();
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
                while (rs.next()) {
                    rows.add(rs.getString(1) + " " + rs.getString(2));
                }
            }
            return rows;
        }
    }
}
