package dev.rehearsal.stage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rehearsal.backup.BackupService;
import dev.rehearsal.backup.DataChecksum;
import dev.rehearsal.database.IsolatedDatabase;
import dev.rehearsal.database.Target;
import dev.rehearsal.migration.MigrationLoader;
import dev.rehearsal.migration.MigrationVersion;
import dev.rehearsal.runner.MigrationRunner;
import dev.rehearsal.runner.RunnerOptions;
import dev.rehearsal.testing.TestDatabases;
import dev.rehearsal.verification.DatabaseSnapshot;
import dev.rehearsal.verification.SuiteLoader;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class StagedMigrationTests {
    @TempDir
    Path dir;

    private final List<String> events = new ArrayList<>();
    private final StageListener recorder = new StageListener() {
        @Override
        public void stepFinished(int number, int total, String step, boolean ok, long millis, String detail) {
            events.add("[" + number + "/" + total + "] " + step + " " + (ok ? "ok" : "FAILED"));
        }

        @Override
        public void warning(String message) {
            events.add("WARNING " + message);
        }
    };

    @ParameterizedTest
    @MethodSource("transactionalEngines")
    void aMigrationRolledBackByItsTransactionIsCheckedAgainstTheCaptureNotRestored(String engine) throws Exception {
        try (IsolatedDatabase db = TestDatabases.create(engine)) {
            MigrationRunner runner = runner(db.target(), StageFixtures.failingSecond());
            runner.up(MigrationVersion.parse(StageFixtures.FIRST));
            DatabaseSnapshot before = snapshot(db.target(), runner);

            StageResult result = staged(db.target(), runner).run(StageOptions.up(dir.resolve("backups")));

            assertThat(result.outcome()).as(result.summary()).isEqualTo(StageResult.Outcome.FAILED_UNCHANGED);
            assertThat(result.exitCode()).isEqualTo(1);
            assertThat(result.checksumRestored()).isNull();
            assertThat(result.summary()).contains("migration failed", "no_such_table",
                    "before this migration.\nNot restored: rolled back by its transaction; database checked equal to the capture"
                            + " (data checksum " + DataChecksum.of(before.data()) + "), backup not needed: "
                            + result.backup().file())
                    .doesNotContain("..", "restored from");
            assertThat(DatabaseSnapshot.compare(before, snapshot(db.target(), runner), "before", "after").isEmpty()).isTrue();
            assertThat(runner.currentVersion()).map(MigrationVersion::text).contains(StageFixtures.FIRST);
            assertThat(runner.validate().isValid()).as("only an unapplied failed entry, no partial one").isTrue();
            assertThat(events).containsExactly("[1/4] backup ok", "[2/4] capture ok", "[3/4] migrate FAILED",
                    "[5/4] check ok");
        }
    }

    @Test
    void aMariaDbMigrationWhoseLastStatementFailsIsRestoredToTheIdenticalState() throws Exception {
        try (IsolatedDatabase db = TestDatabases.create("mariadb")) {
            MigrationRunner runner = runner(db.target(), StageFixtures.failingSecond());
            runner.up(MigrationVersion.parse(StageFixtures.FIRST));
            DatabaseSnapshot before = snapshot(db.target(), runner);

            StageResult result = staged(db.target(), runner).run(StageOptions.up(dir.resolve("backups")));

            assertThat(result.outcome()).as(result.summary()).isEqualTo(StageResult.Outcome.FAILED_RESTORED);
            assertThat(result.exitCode()).isEqualTo(1);
            assertThat(result.checksumRestored()).isEqualTo(result.checksumBefore())
                    .isEqualTo(DataChecksum.of(before.data()));
            assertThat(result.summary()).contains("migration failed", "no_such_table",
                    "mariadb commits DDL as it runs, so the failure may be partly applied", "restored from",
                    result.backup().file().toString(), "behind the verified safety backup", "(identical)");
            DatabaseSnapshot after = snapshot(db.target(), runner);
            assertThat(DatabaseSnapshot.compare(before, after, "before", "after").isEmpty()).isTrue();
            assertThat(runner.currentVersion()).map(MigrationVersion::text).contains(StageFixtures.FIRST);
            assertThat(runner.validate().isValid()).as("history restored too: no failed entry").isTrue();
            assertThat(events).containsExactly("[1/4] backup ok", "[2/4] capture ok", "[3/4] migrate FAILED",
                    "[5/4] restore ok");
        }
    }

    @Test
    void aPublicationDoesNotTurnARolledBackPostgresMigrationIntoALostDatabase() throws Exception {
        try (IsolatedDatabase db = TestDatabases.create("postgres")) {
            MigrationRunner runner = runner(db.target(), StageFixtures.failingSecond());
            runner.up(MigrationVersion.parse(StageFixtures.FIRST));
            execute(db.target(), "create publication pub_teams for table teams");
            DatabaseSnapshot before = snapshot(db.target(), runner);

            StageResult result = staged(db.target(), runner).run(StageOptions.up(dir.resolve("backups")));

            assertThat(result.outcome()).as(result.summary()).isEqualTo(StageResult.Outcome.FAILED_UNCHANGED);
            assertThat(events).doesNotContain("[6/4] restore ok", "[5/4] restore ok");
            assertThat(DatabaseSnapshot.compare(before, snapshot(db.target(), runner), "before", "after").isEmpty()).isTrue();
            assertThat(TestDatabases.firstColumn(db.target(), "select pubname || ' ' || tablename from pg_publication_tables"))
                    .containsExactly("pub_teams teams");
        }
    }

    @ParameterizedTest
    @MethodSource("transactionalEngines")
    void aRunWhoseEarlierMigrationCommittedIsRestoredAfterTheCheck(String engine) throws Exception {
        try (IsolatedDatabase db = TestDatabases.create(engine)) {
            MigrationRunner runner = runner(db.target(), StageFixtures.failingSecond());
            DatabaseSnapshot before = snapshot(db.target(), runner);

            StageResult result = staged(db.target(), runner).run(StageOptions.up(dir.resolve("backups")));

            assertThat(result.outcome()).as(result.summary()).isEqualTo(StageResult.Outcome.FAILED_RESTORED);
            assertThat(result.summary()).contains("not as captured (migrations committed before the failure: applied now "
                    + StageFixtures.FIRST + ", before none)", "restored from", "in one transaction", "(identical)");
            assertThat(events).containsExactly("[1/4] backup ok", "[2/4] capture ok", "[3/4] migrate FAILED",
                    "[5/4] check FAILED", "[6/4] restore ok");
            assertThat(DatabaseSnapshot.compare(before, snapshot(db.target(), runner), "before", "after").isEmpty()).isTrue();
            assertThat(runner.currentVersion()).isEmpty();
        }
    }

    @Test
    void aPostgresScriptThatRanWithoutATransactionIsRestored() throws Exception {
        try (IsolatedDatabase db = TestDatabases.create("postgres")) {
            MigrationRunner runner = runner(db.target(), "create table accounts (id integer primary key, team_id integer);\n"
                    + "insert into accounts (id, team_id) values (1, 1);\n"
                    + "create index concurrently idx_accounts_team on accounts (team_id);\n"
                    + "insert into no_such_table (id) values (1);\n");
            runner.up(MigrationVersion.parse(StageFixtures.FIRST));
            DatabaseSnapshot before = snapshot(db.target(), runner);

            StageResult result = staged(db.target(), runner).run(StageOptions.up(dir.resolve("backups")));

            assertThat(result.outcome()).as(result.summary()).isEqualTo(StageResult.Outcome.FAILED_RESTORED);
            assertThat(result.summary()).contains("ran without a transaction and left 3 statement(s) applied",
                    "restored from", "(identical)");
            assertThat(events).endsWith("[5/4] check FAILED", "[6/4] restore ok");
            assertThat(DatabaseSnapshot.compare(before, snapshot(db.target(), runner), "before", "after").isEmpty()).isTrue();
            assertThat(runner.validate().isValid()).as("the partial entry went with the restore").isTrue();
        }
    }

    @ParameterizedTest
    @MethodSource("dev.rehearsal.testing.TestDatabases#engines")
    void aFailingErrorCheckRestoresTheBackup(String engine) throws Exception {
        try (IsolatedDatabase db = TestDatabases.create(engine)) {
            MigrationRunner runner = runner(db.target(), StageFixtures.goodSecond());
            runner.up(MigrationVersion.parse(StageFixtures.FIRST));
            DatabaseSnapshot before = snapshot(db.target(), runner);
            var suite = SuiteLoader.load(StageFixtures.suite(dir, "strict", StageFixtures.failingChecks()));

            StageResult result = staged(db.target(), runner).run(StageOptions.up(dir.resolve("b")).withSuite(suite));

            assertThat(result.outcome()).as(result.summary()).isEqualTo(StageResult.Outcome.FAILED_RESTORED);
            assertThat(result.suite().passed()).isFalse();
            assertThat(result.summary()).contains("verification suite strict failed (1 error check(s))");
            assertThat(DatabaseSnapshot.compare(before, snapshot(db.target(), runner), "b", "a").isEmpty()).isTrue();
            assertThat(runner.currentVersion()).map(MigrationVersion::text).contains(StageFixtures.FIRST);
            assertThat(events).contains("[4/4] verify FAILED", "[5/4] restore ok");
        }
    }

    @ParameterizedTest
    @MethodSource("dev.rehearsal.testing.TestDatabases#engines")
    void aPassingStageMigratesKeepsTheBackupAndThenHasNothingToDo(String engine) throws Exception {
        try (IsolatedDatabase db = TestDatabases.create(engine)) {
            MigrationRunner runner = runner(db.target(), StageFixtures.goodSecond());
            runner.up(MigrationVersion.parse(StageFixtures.FIRST));
            var suite = SuiteLoader.load(StageFixtures.suite(dir, "fine", StageFixtures.passingChecks()));
            StageOptions options = StageOptions.up(dir.resolve("b")).withSuite(suite);

            StageResult first = staged(db.target(), runner).run(options);
            StageResult second = staged(db.target(), runner).run(options);

            assertThat(first.outcome()).as(first.summary()).isEqualTo(StageResult.Outcome.SUCCEEDED);
            assertThat(first.summary()).contains("applied 1 migration(s), now at " + StageFixtures.SECOND,
                    "suite fine passed", "backup kept at " + first.backup().file());
            assertThat(first.backup().file()).exists();
            assertThat(second.outcome()).isEqualTo(StageResult.Outcome.NOTHING_TO_DO);
            assertThat(second.summary()).isEqualTo("nothing to migrate: already at " + StageFixtures.SECOND);
            assertThat(new BackupService().list(dir.resolve("b"))).hasSize(1);

            StageResult rollback = staged(db.target(), runner).run(StageOptions.up(dir.resolve("b")).withRollback(true));
            assertThat(rollback.outcome()).as(rollback.summary()).isEqualTo(StageResult.Outcome.SUCCEEDED);
            assertThat(runner.currentVersion()).map(MigrationVersion::text).contains(StageFixtures.FIRST);

            // A rolled-back migration is pending again, for stage as for up.
            StageResult again = staged(db.target(), runner).run(options);
            assertThat(again.outcome()).as(again.summary()).isEqualTo(StageResult.Outcome.SUCCEEDED);
            assertThat(runner.currentVersion()).map(MigrationVersion::text).contains(StageFixtures.SECOND);
        }
    }

    @ParameterizedTest
    @MethodSource("dev.rehearsal.testing.TestDatabases#engines")
    void skipBackupWarnsAndLeavesAFailureUnrestored(String engine) throws Exception {
        try (IsolatedDatabase db = TestDatabases.create(engine)) {
            MigrationRunner runner = runner(db.target(), StageFixtures.failingSecond());

            StageResult result = staged(db.target(), runner)
                    .run(StageOptions.up(dir.resolve("none")).withSkipBackup(true));

            assertThat(result.outcome()).isEqualTo(StageResult.Outcome.FAILED_NOT_RESTORED);
            assertThat(result.backup()).isNull();
            assertThat(result.summary()).contains("NOT restored (--skip-backup was given)");
            assertThat(events).anySatisfy(e -> assertThat(e).startsWith("WARNING --skip-backup: NO BACKUP"));
            assertThat(dir.resolve("none")).doesNotExist();
        }
    }

    static List<String> transactionalEngines() {
        return List.of("sqlite", "postgres");
    }

    private static void execute(Target target, String sql) throws Exception {
        try (Connection c = target.connect(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private MigrationRunner runner(Target target, String secondUp) throws Exception {
        Path migrations = StageFixtures.migrations(dir, secondUp);
        return new MigrationRunner(target, MigrationLoader.load(migrations, target.dialect()).migrations(),
                RunnerOptions.defaults());
    }

    private StagedMigration staged(Target target, MigrationRunner runner) {
        return new StagedMigration(target, runner, new BackupService(), recorder);
    }

    private static DatabaseSnapshot snapshot(Target target, MigrationRunner runner) throws Exception {
        try (Connection c = target.connect()) {
            return DatabaseSnapshot.take(c, target.dialect(), runner.history().internalTables());
        }
    }

    @Test
    void aFailureWhoseOnlyLineIsTheRepairAdviceKeepsItsReason() {
        String refusal = "migration failed: migration 2 two failed part-way on jdbc:mariadb://h/db (1 statement(s) stayed"
                + " applied: Table 'db.nosuch' doesn't exist). The database is partly changed; fix it by hand or restore"
                + " a backup, then run `rehearsal repair` before migrating again";
        String failure = "migration failed: migration 2 two failed at 2_two.up.sql:2:1 (statement 2 of 2): boom\n"
                + "1 statement(s) before it stayed applied: restore a backup, then run `rehearsal repair`.";

        assertThat(StagedMigration.withoutRepairAdvice(refusal)).isEqualTo(refusal);
        assertThat(StagedMigration.withoutRepairAdvice(failure))
                .isEqualTo("migration failed: migration 2 two failed at 2_two.up.sql:2:1 (statement 2 of 2): boom");
    }
}
