package dev.rehearsal.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rehearsal.ErrorCode;
import dev.rehearsal.RehearsalException;
import dev.rehearsal.database.IsolatedDatabase;
import dev.rehearsal.snapshot.data.DatabaseFingerprint;
import dev.rehearsal.testing.TestDatabases;
import dev.rehearsal.verification.DatabaseSnapshot;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SortedMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class BackupCorruptionTests {
    private final BackupService backups = new BackupService();

    @TempDir
    Path dir;

    enum Damage { FLIPPED_BYTE, TRUNCATED, MISMATCHED_MANIFEST }

    static Stream<Arguments> damages() {
        return TestDatabases.engines().flatMap(engine -> Stream.of(Damage.values()).map(d -> Arguments.of(engine, d)));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("damages")
    void aDamagedBackupFailsVerificationAndIsRefusedWithoutTouchingTheDatabase(String engine, Damage damage)
            throws Exception {
        try (IsolatedDatabase db = TestDatabases.create(engine)) {
            BackupFixtures.populate(db.target());
            Backup backup = backups.create(db.target(), dir, BackupFixtures.EXCLUDED);
            BackupFixtures.damage(db.target());
            DatabaseFingerprint damagedState = BackupFixtures.fingerprint(db.target());
            Backup broken = apply(damage, backup);

            VerificationOutcome outcome = backups.verify(broken, true);

            assertThat(outcome.ok()).as(outcome.render()).isFalse();
            assertThat(outcome.render()).contains("FAIL");
            if (damage != Damage.MISMATCHED_MANIFEST) {
                assertThat(outcome.problems()).anySatisfy(p -> assertThat(p).contains("sha256"));
            }
            assertThatThrownBy(() -> backups.restore(broken, db.target()))
                    .isInstanceOfSatisfying(RehearsalException.class, e -> {
                        assertThat(e.code()).isEqualTo(ErrorCode.BACKUP_FAILED);
                        assertThat(e.getMessage()).contains("refusing to restore", "was not touched");
                    });
            assertThat(BackupFixtures.fingerprint(db.target())).isEqualTo(damagedState);
        }
    }

    @ParameterizedTest
    @MethodSource("dev.rehearsal.testing.TestDatabases#engines")
    void aBackupWhoseContentDiffersFromItsReDigestedManifestIsRefusedAndTheTargetKeepsItsContent(String engine)
            throws Exception {
        try (IsolatedDatabase db = TestDatabases.create(engine)) {
            BackupFixtures.populate(db.target());
            Backup backup = backups.create(db.target(), dir, BackupFixtures.EXCLUDED);
            BackupFixtures.damage(db.target());
            DatabaseSnapshot damaged = BackupFixtures.snapshot(db.target());
            // The checksum still fits the file, but the manifest (digested again, as a forger would)
            // records another state: the damaged one, with its own PostgreSQL digests.
            Backup mismatched = rewriteManifest(backup, damaged, BackupFixtures.contentDigests(db.target()));
            assertThat(mismatched.manifest().integrityProblem()).isNull();

            VerificationOutcome outcome = backups.verify(mismatched, true);
            assertThat(outcome.ok()).isFalse();
            assertThat(outcome.problems()).singleElement().asString().contains("trial restore", "users");

            assertThatThrownBy(() -> backups.restore(mismatched, db.target()))
                    .isInstanceOfSatisfying(RehearsalException.class, e -> assertThat(e.getMessage()).contains(
                            switch (engine) {
                                case "sqlite" -> "differs from its manifest (checked in a private copy before replacing";
                                case "postgres" -> "rolled back: " + db.target().displayUrl() + " is unchanged";
                                default -> "was restored automatically";
                            }, "users"));
            assertThat(DatabaseSnapshot.compare(damaged, BackupFixtures.snapshot(db.target()), "before", "after")
                    .render()).isEqualTo("no differences between before and after");
        }
    }

    @ParameterizedTest
    @MethodSource("dev.rehearsal.testing.TestDatabases#engines")
    void aManifestEditedByHandFailsItsDigestAndIsNeverRestored(String engine) throws Exception {
        try (IsolatedDatabase db = TestDatabases.create(engine)) {
            BackupFixtures.populate(db.target());
            Backup backup = backups.create(db.target(), dir, BackupFixtures.EXCLUDED);
            BackupFixtures.damage(db.target());
            DatabaseFingerprint damagedState = BackupFixtures.fingerprint(db.target());
            String json = Files.readString(backup.manifestFile());
            String checksum = DataChecksum.of(backup.manifest().data());
            Files.writeString(backup.manifestFile(), json.replace(checksum, DataChecksum.of(damagedState)));
            Backup edited = backups.find(dir, backup.name());

            VerificationOutcome outcome = backups.verify(edited, false);

            assertThat(outcome.problems()).anySatisfy(p -> assertThat(p).contains("the manifest was edited or damaged"));
            assertThatThrownBy(() -> backups.restore(edited, db.target()))
                    .isInstanceOfSatisfying(RehearsalException.class, e -> assertThat(e.getMessage())
                            .contains("refusing to restore", "the manifest was edited", "was not touched"));
            assertThat(BackupFixtures.fingerprint(db.target())).isEqualTo(damagedState);
        }
    }

    private Backup rewriteManifest(Backup backup, DatabaseSnapshot state, SortedMap<String, String> digests)
            throws IOException {
        BackupManifest m = backup.manifest();
        BackupManifest stale = new BackupManifest(m.formatVersion(), m.sourceUrl(), m.engine(), m.serverVersion(),
                m.createdAt(), m.sizeBytes(), m.sha256(), m.excludedTables(), state, m.lastMigration(),
                m.unfinishedMigrations(), digests.isEmpty() ? m.contentDigests() : digests, null);
        Files.writeString(backup.manifestFile(), stale.toJson());
        return backups.find(dir, backup.name());
    }

    private Backup apply(Damage damage, Backup backup) throws IOException {
        switch (damage) {
            case FLIPPED_BYTE -> {
                try (RandomAccessFile file = new RandomAccessFile(backup.file().toFile(), "rw")) {
                    long middle = file.length() / 2;
                    file.seek(middle);
                    int b = file.read();
                    file.seek(middle);
                    file.write(b ^ 0x01);
                }
                return backup;
            }
            case TRUNCATED -> {
                try (RandomAccessFile file = new RandomAccessFile(backup.file().toFile(), "rw")) {
                    file.setLength(file.length() * 2 / 3);
                }
                return backup;
            }
            default -> {
                String manifest = Files.readString(backup.manifestFile());
                String edited = manifest.replace(backup.manifest().sha256(), "0".repeat(64));
                Files.writeString(backup.manifestFile(), edited);
                return backups.find(dir, backup.name());
            }
        }
    }
}
