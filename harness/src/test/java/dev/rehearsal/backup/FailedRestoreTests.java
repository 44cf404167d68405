package dev.rehearsal.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rehearsal.ErrorCode;
import dev.rehearsal.RehearsalException;
import dev.rehearsal.database.IsolatedDatabase;
import dev.rehearsal.database.Target;
import dev.rehearsal.testing.TestDatabases;
import dev.rehearsal.verification.DatabaseSnapshot;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A restore that fails never loses the target: rolled back, or undone from a safety backup, and said so. */
class FailedRestoreTests {
    private final BackupService backups = new BackupService();

    @TempDir
    Path dir;

    @Test
    void aPostgresRestoreThatFailsIsRolledBackAndTheTargetKeepsEveryRow() throws Exception {
        String role = "rs_reader_" + UUID.randomUUID().toString().substring(0, 8);
        try (IsolatedDatabase db = TestDatabases.create("postgres")) {
            Target target = db.target();
            BackupFixtures.populate(target);
            BackupFixtures.execute(target, "create role " + role, "grant select on users to " + role);
            Backup backup = backups.create(target, dir, BackupFixtures.EXCLUDED);
            // The dump grants to a role that no longer exists: its restore must fail.
            BackupFixtures.execute(target, "revoke select on users from " + role, "drop role " + role,
                    "insert into users (id, team_id, email) values (4, 1, 'after-the-backup@x.io')");
            DatabaseSnapshot before = BackupFixtures.snapshot(target);

            assertThatThrownBy(() -> backups.restore(backup, target))
                    .isInstanceOfSatisfying(RehearsalException.class, e -> {
                        assertThat(e.code()).isEqualTo(ErrorCode.BACKUP_FAILED);
                        assertThat(e.getMessage()).contains("restore of " + backup.name(), "failed and was rolled back: "
                                + target.displayUrl() + " is unchanged (checked", "role \"" + role + "\" does not exist");
                    });

            assertThat(DatabaseSnapshot.compare(before, BackupFixtures.snapshot(target), "before", "after").render())
                    .isEqualTo("no differences between before and after");
            assertThat(TestDatabases.firstColumn(target, "select email from users order by id")).contains("after-the-backup@x.io").hasSize(4);
        } finally {
            BackupFixtures.execute(Target.of(TestDatabases.POSTGRES_URL), "drop role if exists " + role);
        }
    }

    @Test
    void aPostgresRestoreReplacesPublicationsAndKeepsThePublicSchemasOwnerAndPrivileges() throws Exception {
        try (IsolatedDatabase db = TestDatabases.create("postgres")) {
            Target target = db.target();
            BackupFixtures.populate(target);
            BackupFixtures.execute(target, "create publication pub_users for table users");
            String publicSchema = "select nspowner::regrole || ' ' || coalesce(nspacl::text, '') || ' '"
                    + " || coalesce(obj_description(oid, 'pg_namespace'), '') from pg_namespace where nspname = 'public'";
            List<String> schemaBefore = TestDatabases.firstColumn(target, publicSchema);
            Backup backup = backups.create(target, dir, BackupFixtures.EXCLUDED);
            BackupFixtures.damage(target);

            RestoreResult restored = backups.restore(backup, target);

            assertThat(restored.protection()).isEqualTo(RestoreProtection.TRANSACTION);
            assertThat(restored.protectionDescription()).isEqualTo("in one transaction");
            assertThat(restored.state().data()).isEqualTo(backup.manifest().data());
            assertThat(TestDatabases.firstColumn(target, "select pubname || ' ' || tablename from pg_publication_tables"))
                    .containsExactly("pub_users users");
            assertThat(TestDatabases.firstColumn(target, publicSchema)).isEqualTo(schemaBefore);
            assertThat(TestDatabases.firstColumn(target, "select has_schema_privilege('public', 'public', 'usage')::text"))
                    .containsExactly("true");
        }
    }

    @Test
    void aMariaDbRestoreThatFailsPartWayIsUndoneFromTheVerifiedSafetyBackup() throws Exception {
        try (IsolatedDatabase db = TestDatabases.create("mariadb"); IsolatedDatabase other = TestDatabases.create("mariadb")) {
            Target target = db.target();
            String elsewhere = "`" + other.target().databaseName() + "`.shared";
            BackupFixtures.populate(target);
            BackupFixtures.execute(other.target(), "create table shared (id integer primary key)");
            BackupFixtures.execute(target, "create view team_view as select id from " + elsewhere);
            Backup backup = backups.create(target, dir, BackupFixtures.EXCLUDED);
            // The dump's last statement creates a view on a table that is gone by then: the restore
            // fails after it dropped the database and loaded every table.
            BackupFixtures.execute(target, "drop view team_view",
                    "insert into users (id, team_id, email) values (4, 1, 'after-the-backup@x.io')");
            BackupFixtures.execute(other.target(), "drop table shared");
            DatabaseSnapshot before = BackupFixtures.snapshot(target);

            assertThatThrownBy(() -> backups.restore(backup, target))
                    .isInstanceOfSatisfying(RehearsalException.class, e -> {
                        assertThat(e.code()).isEqualTo(ErrorCode.BACKUP_FAILED);
                        assertThat(e.getMessage()).contains("restore of " + backup.name() + " into "
                                + target.displayUrl() + " failed part-way", "shared' doesn't exist",
                                "was restored automatically: " + target.displayUrl()
                                        + " is back to what it held before the restore (checked: data checksum "
                                        + DataChecksum.of(before.data()));
                    });

            assertThat(DatabaseSnapshot.compare(before, BackupFixtures.snapshot(target), "before", "after").render())
                    .isEqualTo("no differences between before and after");
            assertThat(TestDatabases.firstColumn(target, "select email from users order by id")).contains("after-the-backup@x.io").hasSize(4);
            assertThat(backups.list(dir)).as("the backup and the safety backup").hasSize(2);
        }
    }

    @Test
    void aMariaDbRestoreSaysWhichSafetyBackupItRanBehind() throws Exception {
        try (IsolatedDatabase db = TestDatabases.create("mariadb")) {
            Target target = db.target();
            BackupFixtures.populate(target);
            Backup backup = backups.create(target, dir.resolve("b"), BackupFixtures.EXCLUDED);
            BackupFixtures.damage(target);
            DatabaseSnapshot damaged = BackupFixtures.snapshot(target);

            RestoreResult restored = backups.restore(backup, target);

            Backup safety = restored.safetyBackup();
            assertThat(restored.protection()).isEqualTo(RestoreProtection.SAFETY_BACKUP);
            assertThat(restored.protectionDescription()).isEqualTo("behind the verified safety backup " + safety.file()
                    + " (kept)");
            assertThat(safety.file().getParent()).isEqualTo(backup.file().toAbsolutePath().getParent());
            assertThat(safety.manifest().state()).as("the safety backup holds what the restore replaced")
                    .isEqualTo(damaged);
            assertThat(restored.state().data()).isEqualTo(backup.manifest().data());
        }
    }

    @Test
    void aSqliteRestoreThatCannotWriteLeavesTheFileAsItWas() throws Exception {
        try (IsolatedDatabase db = TestDatabases.create("sqlite")) {
            Target target = db.target();
            BackupFixtures.populate(target);
            Backup backup = backups.create(target, dir, BackupFixtures.EXCLUDED);
            BackupFixtures.damage(target);
            DatabaseSnapshot before = BackupFixtures.snapshot(target);

            try (Connection writer = target.connect(); Statement s = writer.createStatement()) {
                s.execute("begin immediate");
                s.execute("insert into teams (id, name) values (9, 'uncommitted')");
                assertThatThrownBy(() -> backups.restore(backup, target))
                        .isInstanceOfSatisfying(RehearsalException.class, e -> assertThat(e.getMessage())
                                .contains("failed and was rolled back: " + target.displayUrl() + " is unchanged"));
                s.execute("rollback");
            }

            assertThat(DatabaseSnapshot.compare(before, BackupFixtures.snapshot(target), "before", "after").isEmpty())
                    .isTrue();
            assertThat(backups.restore(backup, target).protection()).isEqualTo(RestoreProtection.TRANSACTION);
        }
    }
}
