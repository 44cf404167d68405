package dev.rehearsal.runner;

import static dev.rehearsal.testing.TestMigrations.migration;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.rehearsal.ErrorCode;
import dev.rehearsal.RehearsalException;
import dev.rehearsal.database.IsolatedDatabase;
import dev.rehearsal.database.MigrationLock;
import dev.rehearsal.migration.Migration;
import dev.rehearsal.runner.history.SchemaHistory;
import dev.rehearsal.testing.TestDatabases;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class MigrationLockTests {
    private static final List<Migration> ONE = List.of(
            migration("1", "users", List.of("create table users (id integer primary key)"), List.of("drop table users")));

    @ParameterizedTest
    @MethodSource("dev.rehearsal.testing.TestDatabases#engines")
    void aSecondRunnerGivesUpAfterTheTimeoutWithAClearMessage(String engine) throws Exception {
        try (IsolatedDatabase db = TestDatabases.create(engine); Connection holder = db.target().connect();
                MigrationLock held = db.target().dialect().lock(holder, "rehearsal_history_lock", Duration.ofSeconds(5))) {
            MigrationRunner second = new MigrationRunner(db.target(), ONE,
                    RunnerOptions.defaults().withLockTimeout(Duration.ofMillis(300)));

            assertThatThrownBy(() -> second.up(null))
                    .isInstanceOf(RehearsalException.class)
                    .hasMessageContaining("another Rehearsal runner holds the migration lock 'rehearsal_history_lock'")
                    .satisfies(e -> assertThat(((RehearsalException) e).code()).isEqualTo(ErrorCode.LOCK_TIMEOUT));
            assertThat(MigrationRunnerTests.tables(db.target())).doesNotContain("users");
        }
    }

    @Test
    void anotherProgramsOpenWriteTransactionOnSqliteIsNamedAsSuchNotAsAnotherRunner() throws Exception {
        for (boolean migratedBefore : new boolean[] {false, true}) {
            try (IsolatedDatabase db = TestDatabases.create("sqlite"); Connection other = db.target().connect();
                    Statement s = other.createStatement()) {
                MigrationRunner runner = new MigrationRunner(db.target(), ONE,
                        RunnerOptions.defaults().withLockTimeout(Duration.ofMillis(300)));
                if (migratedBefore) {
                    runner.up(null); // the lock table exists: the wait is on the lock row's write
                }
                s.execute("create table other_tool (id integer)");
                s.execute("begin immediate");
                s.execute("insert into other_tool values (1)");

                assertThatThrownBy(() -> runner.down(DownScope.last()))
                        .as("migrated before: %s", migratedBefore)
                        .isInstanceOf(RehearsalException.class)
                        .hasMessageStartingWith("the SQLite database is locked by another connection's open write"
                                + " transaction")
                        .hasMessageNotContaining("Rehearsal runner holds")
                        .satisfies(e -> assertThat(((RehearsalException) e).code()).isEqualTo(ErrorCode.LOCK_TIMEOUT));
                s.execute("rollback");
            }
        }
    }

    @ParameterizedTest
    @MethodSource("dev.rehearsal.testing.TestDatabases#engines")
    void aWaitingRunnerProceedsOnceTheLockIsReleased(String engine) throws Exception {
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try (IsolatedDatabase db = TestDatabases.create(engine)) {
            Connection holder = db.target().connect();
            MigrationLock held = db.target().dialect().lock(holder, "rehearsal_history_lock", Duration.ofSeconds(5));
            CountDownLatch started = new CountDownLatch(1);
            CompletableFuture<RunResult> waiting = CompletableFuture.supplyAsync(() -> {
                started.countDown();
                return new MigrationRunner(db.target(), ONE, RunnerOptions.defaults().withLockTimeout(Duration.ofSeconds(20)))
                        .up(null);
            }, pool);
            assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();

            await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(2)).until(() -> !waiting.isDone());
            held.close();
            holder.close();

            await().atMost(Duration.ofSeconds(15)).until(waiting::isDone);
            assertThat(waiting.get().executed()).hasSize(1);
            assertThat(MigrationRunnerTests.tables(db.target())).contains("users");
        } finally {
            pool.shutdownNow();
        }
    }

    @ParameterizedTest
    @MethodSource("dev.rehearsal.testing.TestDatabases#engines")
    void concurrentRunnersApplyEachMigrationExactlyOnce(String engine) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try (IsolatedDatabase db = TestDatabases.create(engine)) {
            List<CompletableFuture<RunResult>> runs = java.util.stream.IntStream.range(0, 3)
                    .mapToObj(i -> CompletableFuture.supplyAsync(() -> new MigrationRunner(db.target(), ONE,
                            RunnerOptions.defaults().withLockTimeout(Duration.ofSeconds(30))).up(null), pool))
                    .toList();
            await().atMost(Duration.ofSeconds(30)).until(() -> runs.stream().allMatch(CompletableFuture::isDone));
            int applied = runs.stream().mapToInt(r -> r.join().executed().size()).sum();
            assertThat(applied).isEqualTo(1);
            try (Connection c = db.target().connect()) {
                assertThat(new SchemaHistory(db.target().dialect(), "rehearsal_history").rows(c)).hasSize(1);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @org.junit.jupiter.api.Test
    void aSqliteLockRowLeftByADeadProcessOnThisHostIsTakenOver() throws Exception {
        try (IsolatedDatabase db = TestDatabases.create("sqlite")) {
            String host = java.lang.management.ManagementFactory.getRuntimeMXBean().getName().split("@", 2)[1];
            long deadPid = java.util.stream.LongStream.iterate(4_000_000, p -> p + 1)
                    .filter(p -> ProcessHandle.of(p).isEmpty()).findFirst().orElseThrow();
            try (Connection c = db.target().connect(); var s = c.createStatement()) {
                s.execute("create table rehearsal_history_lock (id integer primary key check (id = 1),"
                        + " owner text not null, acquired_at text not null)");
                s.execute("insert into rehearsal_history_lock values (1, '" + deadPid + "@" + host + "/1/1', 'then')");
            }
            MigrationRunner runner = new MigrationRunner(db.target(), ONE,
                    RunnerOptions.defaults().withLockTimeout(Duration.ofMillis(300)));

            assertThat(runner.up(null).executed()).hasSize(1);
        }
    }

    @org.junit.jupiter.api.Test
    void aSqliteLockRowOfAnotherHostIsNeverTakenOver() throws Exception {
        try (IsolatedDatabase db = TestDatabases.create("sqlite")) {
            try (Connection c = db.target().connect(); var s = c.createStatement()) {
                s.execute("create table rehearsal_history_lock (id integer primary key check (id = 1),"
                        + " owner text not null, acquired_at text not null)");
                s.execute("insert into rehearsal_history_lock values (1, '1@elsewhere.example/1/1', 'then')");
            }
            MigrationRunner runner = new MigrationRunner(db.target(), ONE,
                    RunnerOptions.defaults().withLockTimeout(Duration.ofMillis(300)));

            assertThatThrownBy(() -> runner.up(null)).hasMessageContaining("held by 1@elsewhere.example/1/1");
        }
    }
}
