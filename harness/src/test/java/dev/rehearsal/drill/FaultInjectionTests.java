package dev.rehearsal.drill;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rehearsal.database.IsolatedDatabase;
import dev.rehearsal.migration.Migration;
import dev.rehearsal.migration.MigrationFormat;
import dev.rehearsal.migration.MigrationSet;
import dev.rehearsal.testing.TestDatabases;
import dev.rehearsal.testing.TestMigrations;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class FaultInjectionTests {
    private static final FaultOptions SEEDED = FaultOptions.defaults().withFixtures(MediaSet.fixtures());

    static Stream<String> transactionalEngines() {
        return Stream.of("sqlite", "postgres");
    }

    @ParameterizedTest
    @MethodSource("transactionalEngines")
    void failureAfterEachStatementOfTheUnificationRecoversByTransactionRollback(String engine) {
        try (IsolatedDatabase db = TestDatabases.create(engine)) {
            List<FaultResult> results = FaultInjection.run(db.target(), MediaSet.load(db.target()), MediaSet.UNIFY,
                    SEEDED.withConnectionCut(false));

            assertThat(results).extracting(FaultResult::fault).containsExactly("fail before the first statement",
                    "fail after statement 1", "fail after statement 2", "fail after statement 3",
                    "fail after statement 4", "fail after statement 5", "fail after statement 6");
            assertThat(results).allSatisfy(r -> {
                assertThat(r.diff()).as(r.fault()).isEmpty();
                assertThat(r.recovered()).as(r.fault()).isTrue();
                assertThat(r.recoveryPath()).isEqualTo(FaultInjection.TRANSACTION_ROLLBACK);
                assertThat(r.historyStatus()).as(r.fault()).isEqualTo("failed");
            });
        }
    }

    @ParameterizedTest
    @MethodSource("dev.rehearsal.testing.TestDatabases#engines")
    void connectionCutInTheMiddleRecoversAndLeavesNoAppliedRow(String engine) {
        try (IsolatedDatabase db = TestDatabases.create(engine)) {
            FaultResult result = FaultInjection.inject(db.target(), MediaSet.load(db.target()), MediaSet.UNIFY,
                    Fault.cutAfter(2), SEEDED);

            assertThat(result.fault()).isEqualTo("connection cut after statement 2");
            assertThat(result.diff()).isEmpty();
            assertThat(result.recovered()).isTrue();
            boolean mariadb = engine.equals("mariadb");
            assertThat(result.recoveryPath()).startsWith(mariadb ? FaultInjection.RESTORE_FROM_BACKUP
                    : FaultInjection.TRANSACTION_ROLLBACK);
            // Without a transaction the runner writes its "interrupted" row before the first statement,
            // so even a dead session leaves the history saying failed.
            assertThat(result.historyStatus())
                    .isEqualTo(mariadb ? "failed; not applied after the restore" : DrillPreparation.NOT_APPLIED);
        }
    }

    @Test
    void connectionCutOnSqliteReleasesTheLockRowSoTheNextRunDoesNotWait() {
        try (IsolatedDatabase db = TestDatabases.create("sqlite")) {
            MigrationSet set = MediaSet.load(db.target());
            FaultResult cut = FaultInjection.inject(db.target(), set, MediaSet.UNIFY, Fault.cutAfter(3), SEEDED);
            FaultResult next = FaultInjection.inject(db.target(), set, MediaSet.UNIFY, Fault.failAfter(3), SEEDED);

            assertThat(cut.recoveryPath()).isEqualTo(FaultInjection.TRANSACTION_ROLLBACK);
            assertThat(next.recovered()).as("the lock was free again").isTrue();
        }
    }

    @ParameterizedTest
    @MethodSource("transactionalEngines")
    void runPlansEveryStatementAndOneCut(String engine) {
        try (IsolatedDatabase db = TestDatabases.create(engine)) {
            List<FaultResult> results = FaultInjection.run(db.target(), MediaSet.load(db.target()), MediaSet.UNIFY, SEEDED);

            assertThat(results).hasSize(MediaSet.UNIFY_STATEMENTS + 1);
            assertThat(results.get(results.size() - 1).fault()).isEqualTo("connection cut after statement 3");
            assertThat(results).allMatch(FaultResult::recovered, "recovered");
            assertThat(results).noneMatch(r -> r.historyStatus().equals("applied"));
        }
    }

    @Test
    void faultThatIsNeverReachedIsNotCountedAsRecovered() {
        try (IsolatedDatabase db = TestDatabases.create("sqlite")) {
            FaultResult result = FaultInjection.inject(db.target(), MediaSet.load(db.target()), MediaSet.UNIFY,
                    Fault.failAfter(99), SEEDED);

            assertThat(result.recovered()).isFalse();
            assertThat(result.diff()).contains("the fault was never injected").contains("table media");
            assertThat(result.historyStatus()).isEqualTo("applied");
        }
    }

    @Test
    void partialDdlFailureOnMariaDbIsRecoveredFromTheBackup() {
        try (IsolatedDatabase db = TestDatabases.create("mariadb")) {
            List<FaultResult> results = FaultInjection.run(db.target(), MediaSet.load(db.target()), MediaSet.UNIFY, SEEDED);

            assertThat(results).hasSize(MediaSet.UNIFY_STATEMENTS + 1);
            assertThat(results).allSatisfy(r -> {
                assertThat(r.diff()).as(r.fault()).isEmpty();
                assertThat(r.recovered()).as(r.fault()).isTrue();
                assertThat(r.recoveryPath()).isEqualTo(FaultInjection.RESTORE_FROM_BACKUP);
                assertThat(r.historyStatus()).as(r.fault()).endsWith("; not applied after the restore")
                        .doesNotStartWith("applied");
            });
            assertThat(results.get(3).historyStatus()).as("fail after statement 3")
                    .isEqualTo("failed; not applied after the restore");
        }
    }

    @ParameterizedTest
    @MethodSource("transactionalEngines")
    void notransactionMigrationIsRecoveredFromTheBackupTakenBeforeTheAttempt(String engine) {
        try (IsolatedDatabase db = TestDatabases.create(engine)) {
            Migration create = TestMigrations.migration("1", "create items", List.of(
                    "CREATE TABLE items (id INTEGER PRIMARY KEY, name VARCHAR(20))",
                    "INSERT INTO items (id, name) VALUES (1, 'a'), (2, 'b')"), List.of("DROP TABLE items"));
            Migration split = TestMigrations.nonTransactional(TestMigrations.migration("2", "split names", List.of(
                    "CREATE TABLE names (id INTEGER PRIMARY KEY, name VARCHAR(20))",
                    "INSERT INTO names (id, name) SELECT id, name FROM items",
                    "DELETE FROM items WHERE id = 2"), List.of("DROP TABLE names")));
            MigrationSet set = new MigrationSet(Path.of("."), MigrationFormat.SQL_MIGRATE, List.of(create, split));

            FaultResult result = FaultInjection.inject(db.target(), set, split.version(), Fault.failAfter(2),
                    FaultOptions.defaults());

            assertThat(result.diff()).isEmpty();
            assertThat(result.recovered()).isTrue();
            assertThat(result.recoveryPath()).isEqualTo(FaultInjection.RESTORE_FROM_BACKUP);
            assertThat(result.historyStatus()).isEqualTo("failed; not applied after the restore");
        }
    }

    @Test
    void planCoversEveryStatementWhenThereAreFewAndCutsInTheMiddle() {
        Migration m = migrationWith(5);

        assertThat(FaultInjection.plan(m, FaultOptions.defaults())).containsExactly(Fault.failAfter(0),
                Fault.failAfter(1), Fault.failAfter(2), Fault.failAfter(3), Fault.failAfter(4), Fault.cutAfter(2));
    }

    @Test
    void planSamplesAtMostMaxFaultsDeterministicallyKeepingTheEnds() {
        Migration m = migrationWith(100);
        FaultOptions options = FaultOptions.defaults().withMaxFaults(10).withConnectionCut(false);

        List<Fault> plan = FaultInjection.plan(m, options);

        assertThat(plan).hasSize(10).contains(Fault.failAfter(0), Fault.failAfter(99)).doesNotHaveDuplicates();
        assertThat(plan).isSortedAccordingTo(java.util.Comparator.comparingInt(Fault::afterStatements));
        assertThat(FaultInjection.plan(m, options)).isEqualTo(plan);
        assertThat(FaultInjection.plan(m, options.withSeed(7))).isNotEqualTo(plan).hasSize(10);
    }

    private static Migration migrationWith(int statements) {
        List<String> up = IntStream.range(0, statements).mapToObj(i -> "CREATE TABLE t" + i + " (id INTEGER)").toList();
        return TestMigrations.migration("1", "many tables", up, List.of("SELECT 1"));
    }
}
