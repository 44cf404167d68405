package dev.rehearsal.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rehearsal.ErrorCode;
import dev.rehearsal.RehearsalException;
import dev.rehearsal.database.IsolatedDatabase;
import dev.rehearsal.testing.TestDatabases;
import dev.rehearsal.verification.DatabaseSnapshot;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Backups someone else changed: client commands in a dump never run, and a directory others can write is refused. */
class TamperedBackupTests {
    private final BackupService backups = new BackupService();

    @TempDir
    Path dir;

    @Test
    void aMariaDbDumpWithAShellCommandAndNoSandboxLineNeverRunsTheCommand() throws Exception {
        try (IsolatedDatabase db = TestDatabases.create("mariadb")) {
            BackupFixtures.populate(db.target());
            Backup backup = backups.create(db.target(), dir.resolve("b"), BackupFixtures.EXCLUDED);
            BackupFixtures.damage(db.target());
            DatabaseSnapshot before = BackupFixtures.snapshot(db.target());
            Path marker = dir.resolve("shell-command-ran");
            List<String> lines = Files.readAllLines(backup.file());
            assertThat(lines.get(0)).as("mariadb-dump's first line turns the sandbox on").contains("sandbox");
            // A forger drops that line, adds a client shell command and fixes size, checksum and digest.
            String tampered = lines.stream().skip(1).collect(Collectors.joining("\n", "", "\n"))
                    .replace("-- Server version", "\\! touch " + marker + "\n-- Server version");
            Files.writeString(backup.file(), tampered);
            Backup forged = reSign(backup);
            assertThat(backups.verify(forged, false).ok()).as("only the sandbox stands in the way").isTrue();

            assertThatThrownBy(() -> backups.restore(forged, db.target()))
                    .isInstanceOfSatisfying(RehearsalException.class, e -> assertThat(e.getMessage())
                            .contains("sandbox", "was restored automatically"));

            assertThat(marker).doesNotExist();
            assertThat(DatabaseSnapshot.compare(before, BackupFixtures.snapshot(db.target()), "before", "after").isEmpty())
                    .isTrue();
        }
    }

    @ParameterizedTest
    @MethodSource("dev.rehearsal.testing.TestDatabases#engines")
    void aBackupDirectoryOthersCanWriteIsRefusedWithTheChmodThatFixesIt(String engine) throws Exception {
        try (IsolatedDatabase db = TestDatabases.create(engine)) {
            BackupFixtures.populate(db.target());
            Path backupDir = dir.resolve("shared");
            Backup backup = backups.create(db.target(), backupDir, BackupFixtures.EXCLUDED);
            BackupFixtures.damage(db.target());
            DatabaseSnapshot before = BackupFixtures.snapshot(db.target());
            Files.setPosixFilePermissions(backupDir, PosixFilePermissions.fromString("rwxrwxrwx"));

            for (Runnable use : List.<Runnable>of(() -> backups.find(backupDir, backup.name()),
                    () -> backups.list(backupDir), () -> backups.create(db.target(), backupDir, BackupFixtures.EXCLUDED))) {
                assertThatThrownBy(use::run).isInstanceOfSatisfying(RehearsalException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.BAD_USAGE);
                    assertThat(e.getMessage()).contains("writable by other users", "chmod o-w " + backupDir.toAbsolutePath());
                });
            }
            assertThat(DatabaseSnapshot.compare(before, BackupFixtures.snapshot(db.target()), "before", "after").isEmpty())
                    .isTrue();

            Files.setPosixFilePermissions(backupDir, PosixFilePermissions.fromString("rwxr-xr-x"));
            Files.setPosixFilePermissions(backup.manifestFile(), PosixFilePermissions.fromString("rw-rw-rw-"));
            assertThatThrownBy(() -> backups.find(backupDir, backup.name())).hasMessageContaining("backup file "
                    + backup.manifestFile().toAbsolutePath() + " is writable by other users");
        }
    }

    /** Size, SHA-256 and manifest digest made to fit the changed file, as someone who can write the directory can. */
    private Backup reSign(Backup backup) throws Exception {
        BackupManifest m = backup.manifest();
        BackupManifest resigned = new BackupManifest(m.formatVersion(), m.sourceUrl(), m.engine(), m.serverVersion(),
                m.createdAt(), Files.size(backup.file()), BackupFiles.sha256(backup.file()), m.excludedTables(), m.state(),
                m.lastMigration(), m.unfinishedMigrations(), m.contentDigests(), null);
        Files.writeString(backup.manifestFile(), resigned.toJson());
        return backups.find(backup.file().getParent(), backup.name());
    }
}
