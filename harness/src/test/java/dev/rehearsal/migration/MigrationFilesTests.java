package dev.rehearsal.migration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rehearsal.ErrorCode;
import dev.rehearsal.RehearsalException;
import dev.rehearsal.database.Dialects;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MigrationFilesTests {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2024-03-05T12:34:56Z"), ZoneId.of("Europe/Paris"));

    @TempDir
    Path dir;

    @Test
    void aNewDirectoryGetsASqlMigrateFileVersionedWithTheUtcTime() throws IOException {
        Path migrations = dir.resolve("db/migrations");

        List<Path> created = MigrationFiles.create(migrations, "add users", CLOCK);

        assertThat(created).containsExactly(migrations.resolve("20240305123456_add_users.sql"));
        Files.writeString(created.get(0), Files.readString(created.get(0))
                .replace("-- +migrate Up\n", "-- +migrate Up\nCREATE TABLE users (id INTEGER);\n"));
        MigrationSet set = MigrationLoader.load(migrations, Dialects.SQLITE);
        assertThat(set.format()).isEqualTo(MigrationFormat.SQL_MIGRATE);
        assertThat(set.migrations()).extracting(Migration::displayName).containsExactly("20240305123456 add users");
    }

    @Test
    void theNewUpIsEmptyUntilWritten() {
        MigrationFiles.create(dir, "add users", CLOCK);

        assertThatThrownBy(() -> MigrationLoader.load(dir, Dialects.SQLITE))
                .isInstanceOfSatisfying(RehearsalException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.BAD_MIGRATION_FILE))
                .hasMessageContaining("up section is empty");
    }

    @Test
    void anExistingDirectoryKeepsItsFormat() throws IOException {
        assertThat(names(createIn("1_a.up.sql", "SELECT 1;\n")))
                .containsExactly("20240305123456_add_users.up.sql", "20240305123456_add_users.down.sql");
        assertThat(names(createIn("V1__a.sql", "SELECT 1;\n")))
                .containsExactly("V20240305123456__add_users.sql", "U20240305123456__add_users.sql");
        assertThat(createIn("1_a.sql", "-- +goose Up\nSELECT 1;\n").get(0)).content().startsWith("-- +goose Up");
        assertThat(createIn("1_a.sql", "-- migrate:up\nSELECT 1;\n").get(0)).content().startsWith("-- migrate:up");
    }

    @Test
    void dieselFoldersSpellTheTimestampTheDieselWay() throws IOException {
        Files.createDirectories(dir.resolve("2024-01-01-000000_a"));
        Files.writeString(dir.resolve("2024-01-01-000000_a/up.sql"), "SELECT 1;\n");

        List<Path> created = MigrationFiles.create(dir, "add users", CLOCK);

        assertThat(created).containsExactly(dir.resolve("2024-03-05-123456_add_users/up.sql"),
                dir.resolve("2024-03-05-123456_add_users/down.sql"));
    }

    @Test
    void createdGooseAndDbmateFilesAreRecognizedAsTheirFormat() throws IOException {
        for (String marker : List.of("-- +goose Up", "-- migrate:up")) {
            Path sub = Files.createDirectory(dir.resolve(marker.contains("goose") ? "goose" : "dbmate"));
            Files.writeString(sub.resolve("1_a.sql"), marker + "\nSELECT 1;\n");
            Path created = MigrationFiles.create(sub, "b", CLOCK).get(0);
            Files.writeString(created, Files.readString(created).replace(marker + "\n", marker + "\nSELECT 2;\n"));

            assertThat(MigrationLoader.load(sub, Dialects.SQLITE).versions()).hasSize(2);
        }
    }

    @Test
    void aNameThatCannotBeAFileNameIsRefused() {
        assertThatThrownBy(() -> MigrationFiles.create(dir, "../etc/passwd", CLOCK))
                .isInstanceOfSatisfying(RehearsalException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.BAD_USAGE));
        assertThatThrownBy(() -> MigrationFiles.create(dir, "  ", CLOCK))
                .isInstanceOf(RehearsalException.class);
    }

    @Test
    void anExistingFileIsNeverOverwritten() throws IOException {
        Path first = MigrationFiles.create(dir, "add users", CLOCK).get(0);
        Files.writeString(first, "-- +migrate Up\nCREATE TABLE users (id INTEGER);\n");

        assertThatThrownBy(() -> MigrationFiles.create(dir, "add users", CLOCK))
                .isInstanceOfSatisfying(RehearsalException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.BAD_USAGE))
                .hasMessageContaining("already exists");
        assertThat(first).content().contains("CREATE TABLE users");
    }

    private List<Path> createIn(String existing, String content) throws IOException {
        Path sub = Files.createTempDirectory(dir, "m");
        Files.writeString(sub.resolve(existing), content);
        return MigrationFiles.create(sub, "add users", CLOCK);
    }

    private static List<String> names(List<Path> paths) {
        return paths.stream().map(p -> p.getFileName().toString()).toList();
    }
}
