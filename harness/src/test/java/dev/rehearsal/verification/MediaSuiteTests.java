package dev.rehearsal.verification;

import static dev.rehearsal.verification.ChecksTests.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rehearsal.database.Dialect;
import dev.rehearsal.database.IsolatedDatabase;
import dev.rehearsal.migration.MigrationLoader;
import dev.rehearsal.migration.MigrationVersion;
import dev.rehearsal.runner.MigrationRunner;
import dev.rehearsal.runner.RunnerOptions;
import dev.rehearsal.testing.TestDatabases;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** verification-suites/media.yaml against the real media migrations, on every engine. */
class MediaSuiteTests {
    static final Path ROOT = Path.of(System.getProperty("rehearsal.projectRoot", ".."));
    static final Path SUITE = ROOT.resolve("verification-suites/media.yaml");
    static final MigrationVersion BEFORE_UNIFICATION = MigrationVersion.parse("20240120000000");

    static MigrationRunner runner(IsolatedDatabase db) {
        Dialect d = db.target().dialect();
        return new MigrationRunner(db.target(), MigrationLoader.load(ROOT.resolve("migrations/media"), d).migrations(),
                RunnerOptions.defaults());
    }

    /** The media schema just before unification, with 2 users, 3 images and 2 docs. */
    static void libraryBeforeUnification(IsolatedDatabase db, Connection c) throws SQLException {
        runner(db).up(BEFORE_UNIFICATION);
        run(c, "insert into users (id, email, display_name, created_at) values (1, 'a@x', 'A', '2024-01-01'),"
                        + " (2, 'b@x', null, '2024-01-02')",
                "insert into images (id, owner_id, path, mime_type, width, height, size_bytes, created_at) values"
                        + " (1, 1, '/i/1.png', 'image/png', 10, 10, 100, '2024-01-03'),"
                        + " (2, 1, '/i/2.jpg', 'image/jpeg', null, null, 200, '2024-01-04'),"
                        + " (3, 2, '/i/3.gif', 'image/gif', 1, 1, 300, '2024-01-05')",
                "insert into docs (id, owner_id, path, title, page_count, size_bytes, created_at) values"
                        + " (1, 2, '/d/1.pdf', 'Manual', 12, 1000, '2024-01-06'),"
                        + " (2, 1, '/d/2.pdf', 'Notes', null, 2000, '2024-01-07')");
    }

    @ParameterizedTest
    @MethodSource("dev.rehearsal.testing.TestDatabases#engines")
    void theMediaSuitePassesAfterTheUnification(String engine) throws SQLException {
        VerificationSuite suite = SuiteLoader.load(SUITE);
        try (IsolatedDatabase db = TestDatabases.create(engine); Connection c = db.target().connect()) {
            Dialect d = db.target().dialect();
            libraryBeforeUnification(db, c);
            Captures pre = suite.capture(c, d);

            runner(db).up(MigrationVersion.parse(suite.migration()));
            SuiteResult result = suite.verify(c, d, pre);

            assertThat(result.passed()).as(result.render()).isTrue();
            assertThat(result.warnings()).as(result.render()).isEmpty();
            assertThat(result.render()).contains("PASS row_count_equals media == pre.images + pre.docs: media has 5 rows,"
                    + " pre.images + pre.docs = 5 (pre.images 3, pre.docs 2)");
        }
    }

    @ParameterizedTest
    @MethodSource("dev.rehearsal.testing.TestDatabases#engines")
    void theMediaSuiteCatchesALostRowAndATouchedOriginal(String engine) throws SQLException {
        VerificationSuite suite = SuiteLoader.load(SUITE);
        try (IsolatedDatabase db = TestDatabases.create(engine); Connection c = db.target().connect()) {
            Dialect d = db.target().dialect();
            libraryBeforeUnification(db, c);
            Captures pre = suite.capture(c, d);
            runner(db).up(null);

            // A faulty backfill: one doc never arrives, and an image path gets rewritten in place.
            run(c, "delete from media where kind = 'doc' and legacy_id = 2",
                    "update images set path = '/img/1.png' where id = 1");
            SuiteResult result = suite.verify(c, d, pre);

            assertThat(result.passed()).isFalse();
            assertThat(result.failures()).extracting(CheckResult::render).containsExactly(
                    "FAIL row_count_equals media == pre.images + pre.docs: media has 4 rows,"
                            + " pre.images + pre.docs = 5 (pre.images 3, pre.docs 2)",
                    "FAIL query select count(*) from images i where not exists (select 1 from media m where m.kind ="
                            + " 'image' and m.legacy_id = i.id and m.owner_id = i.owner_id and m.path = i.path and"
                            + " m.size_bytes = i.size_bytes) expect 0: returned 1, expected 0",
                    "FAIL query select count(*) from docs d where not exists (select 1 from media m where m.kind ="
                            + " 'doc' and m.legacy_id = d.id and m.owner_id = d.owner_id and m.path = d.path and"
                            + " m.title = d.title) expect 0: returned 1, expected 0",
                    "FAIL checksum_preserved images: table data images: 3 rows before the migration and now;"
                            + " values changed in path");
        }
    }

    @ParameterizedTest
    @MethodSource("dev.rehearsal.testing.TestDatabases#engines")
    void beforeTheUnificationTheSuiteFailsAndAnEmptyLibraryOnlyWarns(String engine) throws SQLException {
        VerificationSuite suite = SuiteLoader.load(SUITE);
        try (IsolatedDatabase db = TestDatabases.create(engine); Connection c = db.target().connect()) {
            Dialect d = db.target().dialect();
            runner(db).up(BEFORE_UNIFICATION);
            Captures pre = suite.capture(c, d);

            assertThat(suite.verify(c, d, pre).failures()).extracting(CheckResult::check)
                    .contains("table_exists media", "marker migration_markers name = 'media_unification'");

            runner(db).up(null);
            SuiteResult empty = suite.verify(c, d, pre);
            assertThat(empty.passed()).as(empty.render()).isTrue();
            assertThat(empty.warnings()).extracting(CheckResult::render)
                    .containsExactly("WARN row_count media min 1: media has 0 rows, expected at least 1");
        }
    }
}
