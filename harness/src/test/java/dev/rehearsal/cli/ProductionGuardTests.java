package dev.rehearsal.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rehearsal.testing.ChildCli;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The production guard: a flag raises the protection and never lowers it; labels that mean production are guarded. */
class ProductionGuardTests {
    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"staging", ""})
    void aFlagCannotLowerTheProductionLabelOfTheEnvironment(String flag) throws Exception {
        Path db = dir.resolve("app.db");
        Path migrations = oneMigration();

        ChildCli up = ChildCli.start(dir, "up", Map.of("REHEARSAL_ENV", "production"), "up", "--url", db.toString(),
                "--migrations", migrations.toString(), "--env", flag);

        assertThat(up.waitFor()).as(up.toString()).isEqualTo(2);
        assertThat(up.err()).contains("refusing to run 'up' against a production target (REHEARSAL_ENV is 'production'",
                "never lower it", "nothing was changed", "--force");
        assertThat(db).doesNotExist();
    }

    @Test
    void productionLabelsListedInTheEnvironmentAreGuarded() throws Exception {
        Path db = dir.resolve("app.db");

        ChildCli up = ChildCli.start(dir, "up", Map.of("REHEARSAL_PRODUCTION_LABELS", "staging-eu, Live"), "up",
                "--url", db.toString(), "--migrations", oneMigration().toString(), "--env", "live");

        assertThat(up.waitFor()).as(up.toString()).isEqualTo(2);
        assertThat(up.err()).contains("refusing to run 'up' against a production target (--env is 'live'");
        assertThat(db).doesNotExist();
    }

    @ParameterizedTest
    @ValueSource(strings = {"prod", "PRD", "prod-eu", "production-2", "eu_prd1", "Production"})
    void labelsThatMeanProductionInPracticeAreGuarded(String label) throws Exception {
        Path db = dir.resolve("app.db");

        CliRun up = CliRun.of("up", "--url", db.toString(), "--migrations", oneMigration().toString(), "--env", label);

        assertThat(up.exitCode()).as(up.toString()).isEqualTo(2);
        assertThat(up.err()).contains("against a production target (--env is '" + label + "'");
        assertThat(db).doesNotExist();
    }

    @ParameterizedTest
    @ValueSource(strings = {"staging", "preprod", "product-demo", "development"})
    void otherLabelsAreNotProduction(String label) throws Exception {
        CliRun up = CliRun.of("up", "--url", dir.resolve("app.db").toString(), "--migrations", oneMigration().toString(),
                "--env", label);

        assertThat(up.exitCode()).as(up.toString()).isZero();
    }

    @Test
    void verifyRefusesAProductionTargetWithoutForce() throws Exception {
        Path db = dir.resolve("app.db");
        assertThat(CliRun.of("up", "--url", db.toString(), "--migrations", oneMigration().toString()).exitCode()).isZero();
        Path suite = Files.writeString(dir.resolve("suite.yaml"), "name: s\npost:\n  - table_exists: notes\n");

        CliRun refused = CliRun.of("verify", "--url", db.toString(), "--suite", suite.toString(), "--env", "prod-eu");
        CliRun forced = CliRun.of("verify", "--url", db.toString(), "--suite", suite.toString(), "--env", "prod-eu",
                "--force");

        assertThat(refused.exitCode()).as(refused.toString()).isEqualTo(2);
        assertThat(refused.err()).contains("refusing to run 'verify' against a production target");
        assertThat(forced.exitCode()).as(forced.toString()).isZero();
    }

    @Test
    void aTrialRestoreRefusesAProductionLabelWithoutForce() throws Exception {
        Path db = dir.resolve("app.db");
        assertThat(CliRun.of("up", "--url", db.toString(), "--migrations", oneMigration().toString()).exitCode()).isZero();
        String backups = dir.resolve("backups").toString();
        assertThat(CliRun.of("backup", "create", "--url", db.toString(), "--dir", backups).exitCode()).isZero();

        CliRun refused = CliRun.of("backup", "verify", "latest", "--dir", backups, "--trial-restore", "--env", "prd");
        CliRun checksumOnly = CliRun.of("backup", "verify", "latest", "--dir", backups, "--env", "prd");
        CliRun forced = CliRun.of("backup", "verify", "latest", "--dir", backups, "--trial-restore", "--env", "prd",
                "--force");

        assertThat(refused.exitCode()).as(refused.toString()).isEqualTo(2);
        assertThat(refused.err()).contains("refusing to run 'backup verify --trial-restore' against a production target");
        assertThat(checksumOnly.exitCode()).as(checksumOnly.toString()).isZero();
        assertThat(forced.exitCode()).as(forced.toString()).isZero();
    }

    private Path oneMigration() throws Exception {
        Path migrations = Files.createDirectories(dir.resolve("migrations"));
        Files.writeString(migrations.resolve("001_notes.up.sql"), "create table notes (id integer primary key);\n");
        Files.writeString(migrations.resolve("001_notes.down.sql"), "drop table notes;\n");
        return migrations;
    }
}
