package dev.rehearsal.stage;

import dev.rehearsal.migration.MigrationVersion;
import dev.rehearsal.verification.VerificationSuite;
import java.nio.file.Path;

/**
 * What a staged migration does.
 *
 * @param backupDir where the safety backup goes
 * @param skipBackup take no backup (and so restore nothing on failure)
 * @param rollback roll back instead of migrating up: the last migration, or down to {@code to}
 * @param to up: stop after this version; rollback: keep this version applied; null for all / the last
 * @param suite checks to run after the migration; null for none
 * @since 0.1
 */
public record StageOptions(Path backupDir, boolean skipBackup, boolean rollback, MigrationVersion to,
        VerificationSuite suite) {

    public static StageOptions up(Path backupDir) {
        return new StageOptions(backupDir, false, false, null, null);
    }

    public StageOptions withSuite(VerificationSuite verificationSuite) {
        return new StageOptions(backupDir, skipBackup, rollback, to, verificationSuite);
    }

    public StageOptions withSkipBackup(boolean skip) {
        return new StageOptions(backupDir, skip, rollback, to, suite);
    }

    public StageOptions withRollback(boolean down) {
        return new StageOptions(backupDir, skipBackup, down, to, suite);
    }

    public StageOptions withTo(MigrationVersion version) {
        return new StageOptions(backupDir, skipBackup, rollback, version, suite);
    }
}
