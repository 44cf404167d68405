package dev.rehearsal.migration;

import static dev.rehearsal.migration.MigrationFormatsTests.texts;
import static dev.rehearsal.migration.MigrationResources.resource;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rehearsal.ErrorCode;
import dev.rehearsal.RehearsalException;
import dev.rehearsal.database.Dialects;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MigrationLoaderTests {
    @TempDir
    Path dir;

    @Test
    void versionsOrderNumericallyNotAlphabetically() throws IOException {
        for (String name : new String[] {"124_d", "10_c", "2_b", "1_a"}) {
            write(name + ".up.sql", "SELECT 1;\n");
        }

        assertThat(texts(MigrationLoader.load(dir, Dialects.SQLITE))).containsExactly("1", "2", "10", "124");
    }

    @Test
    void leadingZerosDoNotChangeAVersion() throws IOException {
        write("001_a.up.sql", "SELECT 1;\n");
        write("002_b.up.sql", "SELECT 2;\n");

        MigrationSet set = MigrationLoader.load(dir, Dialects.SQLITE);

        assertThat(set.find(MigrationVersion.parse("1"))).get()
                .extracting(m -> m.version().text()).isEqualTo("001");
        assertThat(set.get(MigrationVersion.parse("2")).description()).isEqualTo("b");
    }

    @Test
    void dottedVersionsComparePartByPart() throws IOException {
        write("1.10_c.up.sql", "SELECT 1;\n");
        write("1.2.3_b.up.sql", "SELECT 1;\n");
        write("1.2_a.up.sql", "SELECT 1;\n");

        assertThat(texts(MigrationLoader.load(dir, Dialects.SQLITE))).containsExactly("1.2", "1.2.3", "1.10");
    }

    @Test
    void fourteenDigitTimestampsSortInTimeOrder() throws IOException {
        write("20240102000000_b.sql", "-- migrate:up\nSELECT 1;\n");
        write("20231231235959_a.sql", "-- migrate:up\nSELECT 1;\n");
        write("20240101000000_c.sql", "-- migrate:up\nSELECT 1;\n");

        assertThat(texts(MigrationLoader.load(dir, Dialects.SQLITE)))
                .containsExactly("20231231235959", "20240101000000", "20240102000000");
    }

    @Test
    void targetDialectVariantWinsAndGenericFileIsTheFallback() {
        MigrationSet sqlite = MigrationLoader.load(resource("formats/variants"), Dialects.SQLITE);
        MigrationSet postgres = MigrationLoader.load(resource("formats/variants"), Dialects.POSTGRES);
        MigrationSet mariadb = MigrationLoader.load(resource("formats/variants"), Dialects.MARIADB);

        assertThat(texts(sqlite)).containsExactly("1", "2");
        assertThat(fileOfUp(sqlite, "1")).isEqualTo("1_create_users.up.sql");
        assertThat(fileOfUp(sqlite, "2")).isEqualTo("2_add_flags.up.sql");
        assertThat(sqlite.get(MigrationVersion.parse("2")).down()).isNull();

        assertThat(texts(postgres)).containsExactly("1", "2");
        assertThat(fileOfUp(postgres, "1")).isEqualTo("1_create_users.postgres.up.sql");
        assertThat(postgres.get(MigrationVersion.parse("1")).down().file().getFileName())
                .hasToString("1_create_users.down.sql");

        assertThat(texts(mariadb)).containsExactly("1", "2");
        Migration flags = mariadb.get(MigrationVersion.parse("2"));
        assertThat(flags.up().file().getFileName()).hasToString("2_add_flags.mysql.up.sql");
        assertThat(flags.up().statements()).hasSize(2);
        assertThat(flags.down().file().getFileName()).hasToString("2_add_flags.mysql.down.sql");
        assertThat(flags.hasRollback()).isTrue();

        assertThat(postgres.get(MigrationVersion.parse("1")).checksum())
                .isNotEqualTo(sqlite.get(MigrationVersion.parse("1")).checksum());
    }

    @Test
    void dialectInfixAliasesChooseTheSameVariant() throws IOException {
        write("1_users.up.sql", "CREATE TABLE users (id INTEGER);\n");
        write("1_users.pg.up.sql", "CREATE TABLE users (id SERIAL);\n");
        write("1_users.MariaDB.up.sql", "CREATE TABLE users (id INT AUTO_INCREMENT);\n");
        write("2_teams.up.sql", "CREATE TABLE teams (id INTEGER);\n");
        write("2_teams.sqlite3.up.sql", "CREATE TABLE teams (id INTEGER PRIMARY KEY);\n");
        write("2_teams.postgresql.up.sql", "CREATE TABLE teams (id SERIAL);\n");

        assertThat(fileOfUp(MigrationLoader.load(dir, Dialects.POSTGRES), "1")).isEqualTo("1_users.pg.up.sql");
        assertThat(fileOfUp(MigrationLoader.load(dir, Dialects.POSTGRES), "2")).isEqualTo("2_teams.postgresql.up.sql");
        assertThat(fileOfUp(MigrationLoader.load(dir, Dialects.MARIADB), "1")).isEqualTo("1_users.MariaDB.up.sql");
        assertThat(fileOfUp(MigrationLoader.load(dir, Dialects.MARIADB), "2")).isEqualTo("2_teams.up.sql");
        assertThat(fileOfUp(MigrationLoader.load(dir, Dialects.SQLITE), "2")).isEqualTo("2_teams.sqlite3.up.sql");
    }

    @Test
    void aliasAndDialectNameOfOneEngineAreTheSameVersionTwice() throws IOException {
        write("1_users.pg.up.sql", "CREATE TABLE users (id SERIAL);\n");
        write("1_users.postgres.up.sql", "CREATE TABLE users (id SERIAL);\n");

        assertThatThrownBy(() -> MigrationLoader.load(dir, Dialects.POSTGRES))
                .isInstanceOfSatisfying(RehearsalException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.DUPLICATE_VERSION))
                .hasMessageContaining("1_users.pg.up.sql").hasMessageContaining("1_users.postgres.up.sql");
    }

    @Test
    void unknownInfixIsRefusedInEveryFormatThatHasVariants() throws IOException {
        write("V1__users.oracle.sql", "CREATE TABLE users (id INTEGER);\n");
        assertThatThrownBy(() -> MigrationLoader.load(dir, Dialects.SQLITE))
                .hasMessageContaining("V1__users.oracle.sql: '.oracle' is not a dialect infix");

        Path diesel = Files.createDirectories(dir.resolve("other/2024-01-01-000000_users"));
        Files.writeString(diesel.resolve("up.sql"), "CREATE TABLE users (id INTEGER);\n");
        Files.writeString(diesel.resolve("up.db2.sql"), "CREATE TABLE users (id INTEGER);\n");
        assertThatThrownBy(() -> MigrationLoader.load(dir.resolve("other"), Dialects.SQLITE))
                .hasMessageContaining("up.db2.sql: '.db2' is not a dialect infix");
    }

    @Test
    void singleFileMigrationOnlyAnotherEngineHasIsRefusedNotLeftOut() throws IOException {
        write("1_users.sql", "-- +goose Up\nCREATE TABLE users (id INTEGER);\n");
        write("2_citext.postgres.sql", "-- +goose Up\nCREATE EXTENSION citext;\n");

        assertThat(texts(MigrationLoader.load(dir, Dialects.POSTGRES))).containsExactly("1", "2");
        assertThatThrownBy(() -> MigrationLoader.load(dir, Dialects.MARIADB))
                .hasMessage(dir.resolve("2_citext.postgres.sql") + ": migration 2 has files only for postgres, and the"
                        + " target is mariadb: add one without the dialect infix (for every engine) or one with the"
                        + " .mysql infix");
    }

    @Test
    void danglingUpLinkInADieselFolderIsRefused() throws IOException {
        Path folder = Files.createDirectories(dir.resolve("2024-01-01-000000_users"));
        Files.writeString(folder.resolve("down.sql"), "DROP TABLE users;\n");
        Files.createSymbolicLink(folder.resolve("up.sql"), Path.of("gone.sql"));

        assertThatThrownBy(() -> MigrationLoader.load(dir, Dialects.SQLITE))
                .hasMessage(folder.resolve("up.sql") + ": a symbolic link to 'gone.sql', which does not exist;"
                        + " point it at the migration file, or delete the link");
    }

    @Test
    void dotWithDigitsStaysPartOfTheName() throws IOException {
        write("1_support_v1.2_clients.up.sql", "CREATE TABLE clients (id INTEGER);\n");

        assertThat(MigrationLoader.load(dir, Dialects.SQLITE).migrations().get(0).description())
                .isEqualTo("support v1.2 clients");
    }

    @Test
    void singleFileFormatsHaveDialectVariantsToo() throws IOException {
        write("1_users.sql", "-- +migrate Up\nCREATE TABLE users (id INTEGER);\n");
        write("1_users.postgres.sql", "-- +migrate Up\nCREATE TABLE users (id SERIAL);\n");
        write("1_users.mysql.sql", "-- +migrate Up\nCREATE TABLE users (id INT AUTO_INCREMENT);\n");

        assertThat(MigrationLoader.load(dir, Dialects.POSTGRES).migrations().get(0).up().statements().get(0).sql())
                .contains("SERIAL");
        assertThat(MigrationLoader.load(dir, Dialects.MARIADB).migrations().get(0).up().statements().get(0).sql())
                .contains("AUTO_INCREMENT");
        assertThat(MigrationLoader.load(dir, Dialects.SQLITE).migrations().get(0).up().statements().get(0).sql())
                .contains("INTEGER");
    }

    @Test
    void checksumIsTheSameForCrlfAndLfFiles() throws IOException {
        String lf = "-- +migrate Up\nCREATE TABLE users (id INTEGER);\n-- +migrate Down\nDROP TABLE users;\n";
        write("1_users.sql", lf);
        Path crlfDir = Files.createDirectory(dir.resolve("crlf"));
        Files.writeString(crlfDir.resolve("1_users.sql"), lf.replace("\n", "\r\n"));

        String checksum = MigrationLoader.load(dir, Dialects.SQLITE).migrations().get(0).checksum();

        assertThat(MigrationLoader.load(crlfDir, Dialects.SQLITE).migrations().get(0).checksum()).isEqualTo(checksum);
        // sha256sum of the LF file: pins the documented rule so it cannot drift unnoticed.
        assertThat(checksum).isEqualTo("cc81a188a007f766232305e123ebb79df5da532a3ecde56adb28a600da5224b0");
    }

    @Test
    void checksumChangesWithTheContent() throws IOException {
        write("1_users.up.sql", "CREATE TABLE users (id INTEGER);\n");
        String before = MigrationLoader.load(dir, Dialects.SQLITE).migrations().get(0).checksum();

        write("1_users.up.sql", "CREATE TABLE users (id BIGINT);\n");
        String changedUp = MigrationLoader.load(dir, Dialects.SQLITE).migrations().get(0).checksum();
        write("1_users.down.sql", "DROP TABLE users;\n");
        String withDown = MigrationLoader.load(dir, Dialects.SQLITE).migrations().get(0).checksum();

        assertThat(changedUp).isNotEqualTo(before).hasSize(64).matches("[0-9a-f]+");
        assertThat(withDown).isNotEqualTo(changedUp);
    }

    @Test
    void checksumTellsWhichFileTextBelongsTo() throws IOException {
        write("1_users.up.sql", "SELECT 1;\nSELECT 2;\n");
        write("1_users.down.sql", "SELECT 3;\n");
        String before = MigrationLoader.load(dir, Dialects.SQLITE).migrations().get(0).checksum();

        write("1_users.up.sql", "SELECT 1;\n");
        write("1_users.down.sql", "SELECT 2;\nSELECT 3;\n");

        assertThat(MigrationLoader.load(dir, Dialects.SQLITE).migrations().get(0).checksum()).isNotEqualTo(before);
    }

    @Test
    void filesThatAreNotMigrationsAreIgnored() throws IOException {
        write("1_users.up.sql", "SELECT 1;\n");
        write("README.md", "# notes\n");
        write("config.yaml", "a: 1\n");
        write(".gitkeep", "");
        Files.createDirectory(dir.resolve("docs"));

        assertThat(MigrationLoader.load(dir, Dialects.SQLITE).migrations()).hasSize(1);
    }

    @Test
    void anEmptyDirectoryIsAnEmptySqlMigrateSet() {
        MigrationSet set = MigrationLoader.load(dir, Dialects.SQLITE);

        assertThat(set.isEmpty()).isTrue();
        assertThat(set.format()).isEqualTo(MigrationFormat.SQL_MIGRATE);
        assertThat(set.latest()).isEmpty();
    }

    @Test
    void aMissingDirectoryIsReported() {
        Path missing = dir.resolve("nope");

        assertThatThrownBy(() -> MigrationLoader.load(missing, Dialects.SQLITE))
                .isInstanceOfSatisfying(RehearsalException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.MIGRATIONS_NOT_FOUND))
                .hasMessageContaining(missing.toString());
    }

    @Test
    void askingForAnUnknownVersionNamesTheKnownOnes() {
        MigrationSet set = MigrationLoader.load(resource("formats/paired"), Dialects.SQLITE);

        assertThatThrownBy(() -> set.get(MigrationVersion.parse("3")))
                .isInstanceOfSatisfying(RehearsalException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.UNKNOWN_VERSION))
                .hasMessageContaining("[1, 2, 10]");
    }

    private static String fileOfUp(MigrationSet set, String version) {
        return set.get(MigrationVersion.parse(version)).up().file().getFileName().toString();
    }

    private void write(String name, String content) throws IOException {
        Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
    }
}
