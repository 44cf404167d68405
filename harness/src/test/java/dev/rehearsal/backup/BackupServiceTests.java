package dev.rehearsal.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rehearsal.ErrorCode;
import dev.rehearsal.RehearsalException;
import dev.rehearsal.database.IsolatedDatabase;
import dev.rehearsal.database.Target;
import dev.rehearsal.runner.MigrationRunner;
import dev.rehearsal.runner.RunnerOptions;
import dev.rehearsal.snapshot.data.DatabaseFingerprint;
import dev.rehearsal.testing.TestDatabases;
import dev.rehearsal.testing.TestMigrations;
import dev.rehearsal.verification.DatabaseSnapshot;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class BackupServiceTests {
    private final BackupService backups = new BackupService();

    @TempDir
    Path dir;

    @ParameterizedTest
    @MethodSource("dev.rehearsal.testing.TestDatabases#engines")
    void aRestoreBringsBackTheExactSchemaAndDataOfTheBackup(String engine) throws Exception {
        try (IsolatedDatabase db = TestDatabases.create(engine)) {
            Target target = db.target();
            BackupFixtures.populate(target);
            MigrationRunner runner = new MigrationRunner(target, List.of(TestMigrations.migration("20240101000000",
                    "add audit", List.of("create table audit (id integer primary key, note varchar(20))"),
                    List.of("drop table audit"))), RunnerOptions.defaults());
            runner.up(null);
            DatabaseSnapshot before = BackupFixtures.snapshot(target);

            Backup backup = backups.create(target, dir.resolve("backups"), runner.history().internalTables());
            BackupFixtures.damage(target);
            assertThat(DatabaseSnapshot.compare(before, BackupFixtures.snapshot(target), "a", "b").isEmpty()).isFalse();
            RestoreResult restored = backups.restore(backup, target);

            DatabaseSnapshot after = BackupFixtures.snapshot(target);
            assertThat(DatabaseSnapshot.compare(before, after, "before", "after").render())
                    .isEqualTo("no differences between before and after");
            assertThat(after.data()).isEqualTo(before.data());
            assertThat(after.schema()).isEqualTo(before.schema());
            assertThat(restored.state().data()).isEqualTo(before.data());
            assertThat(restored.protection()).isEqualTo(engine.equals("mariadb") ? RestoreProtection.SAFETY_BACKUP
                    : RestoreProtection.TRANSACTION);
            assertThat(runner.currentVersion()).map(v -> v.text()).contains("20240101000000");
        }
    }

    @ParameterizedTest
    @MethodSource("dev.rehearsal.testing.TestDatabases#engines")
    void theManifestDescribesTheBackupAndBothFilesAreOwnerOnly(String engine) throws Exception {
        try (IsolatedDatabase db = TestDatabases.create(engine)) {
            BackupFixtures.populate(db.target());
            MigrationRunner runner = new MigrationRunner(db.target(), List.of(TestMigrations.migration("7", "seven",
                    List.of("create table seven (id integer primary key)"), null)), RunnerOptions.defaults());
            runner.up(null);

            Backup backup = backups.create(db.target(), dir, runner.history().internalTables());

            BackupManifest manifest = backup.manifest();
            assertThat(backup.name()).matches("db_backup_\\d{8}-\\d{6}\\.(db|dump|sql)");
            assertThat(manifest.engine()).isEqualTo(engine);
            assertThat(manifest.serverVersion()).isNotBlank();
            assertThat(manifest.sizeBytes()).isEqualTo(Files.size(backup.file())).isPositive();
            assertThat(manifest.sha256()).isEqualTo(BackupFiles.sha256(backup.file())).hasSize(64);
            assertThat(manifest.lastMigration()).isEqualTo("7");
            assertThat(manifest.data().table("users")).hasValueSatisfying(t -> assertThat(t.rowCount()).isEqualTo(3));
            assertThat(manifest.schema().table("teams")).isPresent();
            assertThat(manifest.sourceUrl()).isEqualTo(db.target().displayUrl());
            for (Path file : List.of(backup.file(), backup.manifestFile())) {
                assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
            }
            Backup reread = backups.find(dir, backup.name());
            assertThat(reread.manifest()).isEqualTo(manifest);
        }
    }

    @ParameterizedTest
    @MethodSource("dev.rehearsal.testing.TestDatabases#engines")
    void aSoundBackupPassesVerificationWithATrialRestore(String engine) throws Exception {
        try (IsolatedDatabase db = TestDatabases.create(engine)) {
            BackupFixtures.populate(db.target());
            Backup backup = backups.create(db.target(), dir, BackupFixtures.EXCLUDED);

            VerificationOutcome outcome = backups.verify(backup, true);

            assertThat(outcome.ok()).as(outcome.render()).isTrue();
            assertThat(outcome.trialRestored()).isTrue();
            assertThat(outcome.render()).contains("sha256 matches", "integrity check passed", "trial restore reproduces");
        }
    }

    @ParameterizedTest
    @MethodSource("dev.rehearsal.testing.TestDatabases#engines")
    void passwordsInTheUrlNeverReachTheManifest(String engine) throws Exception {
        try (IsolatedDatabase db = TestDatabases.create(engine)) {
            BackupFixtures.populate(db.target());
            String url = db.target().url() + (db.target().url().contains("?") ? "&" : "?") + "password=secret";
            if (engine.equals("mariadb")) {
                // Root has no password here: a user that needs one proves MYSQL_PWD reaches the tools.
                url = url.replace("user=root", "user=" + passwordUser(db.target()));
            }
            Target withPassword = Target.of(url);

            Backup backup = backups.create(withPassword, dir, BackupFixtures.EXCLUDED);
            backups.restore(backup, withPassword);

            String manifest = Files.readString(backup.manifestFile());
            assertThat(manifest).doesNotContain("secret").contains("password=****");
            assertThat(backup.manifest().sourceUrl()).endsWith("password=****");
        } finally {
            if (engine.equals("mariadb")) {
                BackupFixtures.execute(Target.of(TestDatabases.MARIADB_URL), "drop user if exists " + PASSWORD_USER);
            }
        }
    }

    private static final String PASSWORD_USER = "'rehearsal_backup_pw'@'%'";

    private static String passwordUser(Target db) throws Exception {
        BackupFixtures.execute(db, "drop user if exists " + PASSWORD_USER,
                "create user " + PASSWORD_USER + " identified by 'secret'",
                "grant all privileges on `" + db.databaseName() + "`.* to " + PASSWORD_USER);
        return "rehearsal_backup_pw";
    }

    @Test
    void listShowsNewestFirstAndFindsLatest() throws Exception {
        try (IsolatedDatabase db = TestDatabases.create("sqlite")) {
            BackupFixtures.populate(db.target());
            Instant t0 = Instant.parse("2024-03-01T12:00:00Z");
            Backup first = at(t0).create(db.target(), dir, BackupFixtures.EXCLUDED);
            Backup third = at(t0.plusSeconds(120)).create(db.target(), dir, BackupFixtures.EXCLUDED);
            Backup second = at(t0.plusSeconds(60)).create(db.target(), dir, BackupFixtures.EXCLUDED);
            Backup sameSecond = at(t0.plusSeconds(60).plusMillis(5)).create(db.target(), dir, BackupFixtures.EXCLUDED);

            assertThat(backups.list(dir)).extracting(Backup::name).containsExactly(
                    "db_backup_20240301-120200.db", "db_backup_20240301-120100-005.db", "db_backup_20240301-120100.db",
                    "db_backup_20240301-120000.db");
            assertThat(backups.find(dir, "latest").file()).isEqualTo(third.file());
            assertThat(List.of(first, second, sameSecond)).allSatisfy(b -> assertThat(b.file()).exists());

            backups.delete(second);
            assertThat(backups.list(dir)).hasSize(3);
            assertThat(second.file()).doesNotExist();
            assertThat(second.manifestFile()).doesNotExist();
        }
    }

    @ParameterizedTest
    @MethodSource("dev.rehearsal.testing.TestDatabases#engines")
    void anUnwritableBackupDirectoryStopsBeforeTheDatabaseIsTouched(String engine) throws Exception {
        try (IsolatedDatabase db = TestDatabases.create(engine)) {
            BackupFixtures.populate(db.target());
            DatabaseFingerprint before = BackupFixtures.fingerprint(db.target());
            Path blocker = Files.writeString(dir.resolve("not-a-dir"), "x");

            assertThatThrownBy(() -> backups.create(db.target(), blocker.resolve("backups"), BackupFixtures.EXCLUDED))
                    .isInstanceOfSatisfying(RehearsalException.class, e -> {
                        assertThat(e.code()).isEqualTo(ErrorCode.BACKUP_FAILED);
                        assertThat(e.getMessage()).contains("cannot create the backup directory", "not-a-dir",
                                "the database was not touched");
                    });
            assertThat(BackupFixtures.fingerprint(db.target())).isEqualTo(before);
        }
    }

    @ParameterizedTest
    @MethodSource("serverEngines")
    void aMissingClientToolIsNamedAndNothingIsWritten(String engine) throws Exception {
        try (IsolatedDatabase db = TestDatabases.create(engine)) {
            BackupService withoutTools = new BackupService(Clock.systemUTC(), new ExternalTools(List.of()));

            assertThatThrownBy(() -> withoutTools.create(db.target(), dir.resolve("b"), BackupFixtures.EXCLUDED))
                    .isInstanceOfSatisfying(RehearsalException.class, e -> {
                        assertThat(e.code()).isEqualTo(ErrorCode.BACKUP_FAILED);
                        assertThat(e.getMessage()).contains(engine.equals("postgres") ? "pg_dump" : "mariadb-dump")
                                .contains("not found on the PATH");
                    });
            assertThat(dir.resolve("b")).doesNotExist();
        }
    }

    static List<String> serverEngines() {
        return List.of("postgres", "mariadb");
    }

    private static BackupService at(Instant instant) {
        return new BackupService(Clock.fixed(instant, ZoneOffset.UTC), ExternalTools.fromEnvironment());
    }
}
