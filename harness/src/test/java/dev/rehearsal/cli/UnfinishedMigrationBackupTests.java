package dev.rehearsal.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rehearsal.backup.Backup;
import dev.rehearsal.backup.BackupService;
import dev.rehearsal.database.IsolatedDatabase;
import dev.rehearsal.database.Target;
import dev.rehearsal.migration.MigrationVersion;
import dev.rehearsal.runner.history.HistoryRow;
import dev.rehearsal.runner.history.HistoryStatus;
import dev.rehearsal.runner.history.SchemaHistory;
import dev.rehearsal.testing.TestDatabases;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** A backup of a database whose history has a failed or interrupted migration says so, and 'latest' passes it over. */
class UnfinishedMigrationBackupTests {
    private final BackupService backups = new BackupService();

    @TempDir
    Path dir;

    @ParameterizedTest
    @MethodSource("dev.rehearsal.testing.TestDatabases#engines")
    void aBackupTakenWhileAMigrationFailedIsMarkedListedAndSkippedByLatestUnlessAsked(String engine) throws Exception {
        try (IsolatedDatabase db = TestDatabases.create(engine)) {
            Target target = db.target();
            SchemaHistory history = new SchemaHistory(target.dialect(), SchemaHistory.DEFAULT_TABLE);
            Set<String> internal = history.internalTables();
            try (Connection c = target.connect(); Statement s = c.createStatement()) {
                s.execute("create table notes (id integer primary key)");
                s.execute("insert into notes values (1)");
                history.createIfMissing(c);
                history.write(c, row("1", HistoryStatus.APPLIED, 1));
            }
            Backup clean = backups.create(target, dir, internal);
            try (Connection c = target.connect(); Statement s = c.createStatement()) {
                s.execute("insert into notes values (2)");
                history.write(c, row("2", HistoryStatus.FAILED, 1));
                history.write(c, row("3", HistoryStatus.FAILED, HistoryRow.UNKNOWN_PROGRESS));
            }
            Backup halfMigrated = backups.create(target, dir, internal);

            assertThat(clean.manifest().unfinishedMigrations()).isEmpty();
            assertThat(halfMigrated.manifest().unfinishedMigrations()).containsExactly("2 failed", "3 interrupted");
            assertThat(backups.find(dir, halfMigrated.name()).manifest().unfinishedMigrations())
                    .as("read back from the manifest").containsExactly("2 failed", "3 interrupted");

            CliRun list = CliRun.of("backup", "list", "--dir", dir.toString());
            assertThat(list.out()).contains("UNFINISHED MIGRATIONS", "'latest' skips them unless --include-failed");
            assertThat(list.out().lines().filter(l -> l.startsWith(halfMigrated.name())).toList())
                    .singleElement().asString().contains("2 failed, 3 interrupted");
            assertThat(list.out().lines().filter(l -> l.startsWith(clean.name())).toList())
                    .singleElement().asString().doesNotContain("failed");

            // (before the restore: on MariaDB it adds a newer, clean safety backup)
            CliRun includeFailed = CliRun.of("backup", "verify", "latest", "--dir", dir.toString(), "--include-failed");
            assertThat(includeFailed.out()).contains("latest: " + halfMigrated.name());

            CliRun restoreLatest = CliRun.of("backup", "restore", "latest", "--dir", dir.toString(), "--url", target.url(),
                    "--force");
            assertThat(restoreLatest.exitCode()).as(restoreLatest.toString()).isZero();
            assertThat(restoreLatest.err()).contains("skipped " + halfMigrated.name() + ": taken while migration 2 failed,"
                    + " 3 interrupted (pass --include-failed");
            assertThat(restoreLatest.out()).contains("latest: " + clean.name(), "restored " + clean.name());
            assertThat(TestDatabases.firstColumn(target, "select id from notes")).containsExactly("1");

        }
    }

    private static HistoryRow row(String version, HistoryStatus status, int statementsRun) {
        return new HistoryRow(MigrationVersion.parse(version), "m" + version, "0".repeat(64), "0".repeat(64), null,
                Instant.now(), 1, 1, status,
                "test", statementsRun, status == HistoryStatus.APPLIED ? null : "boom");
    }

}
