package dev.rehearsal.migration;

import static dev.rehearsal.migration.MigrationResources.resource;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.rehearsal.ErrorCode;
import dev.rehearsal.RehearsalException;
import dev.rehearsal.database.Dialect;
import dev.rehearsal.database.Dialects;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The {@code realistic-sets/} corpus: one small set per layout that real projects ship and that
 * Rehearsal refused or misread (issue 15), loaded as the tool that owns the files loads it.
 */
class RealisticSetsLoaderTests {
    @TempDir
    Path dir;

    @Test
    void emptyAndCommentOnlyUpFilesAreNoOpMigrations() {
        MigrationSet set = MigrationLoader.load(resource("realistic-sets/golang-migrate-placeholders"), Dialects.SQLITE);

        assertThat(set.format()).isEqualTo(MigrationFormat.PAIRED_FILES);
        assertThat(texts(set)).containsExactly("1", "2", "3", "4");
        assertThat(set.migrations()).extracting(m -> m.up().statements().size()).containsExactly(1, 0, 0, 1);
        assertThat(set.migrations().get(2).description()).isEqualTo("reserved for billing");
    }

    @Test
    void dieselVersionsKeepTheirDashesAndSortAsTextAsDieselSortsThem() {
        MigrationSet set = MigrationLoader.load(resource("realistic-sets/diesel-dates"), Dialects.SQLITE);

        assertThat(set.format()).isEqualTo(MigrationFormat.DIESEL);
        // 2024-03-13 (the folder 2024-03-13_170000_add_age) is "20240313" to diesel: after "20240306170000" as text.
        assertThat(texts(set)).containsExactly("00000000000000", "2022-04-26-153628", "2024-03-06-170000", "2024-03-13");
        assertThat(set.migrations()).extracting(Migration::description)
                .containsExactly("create settings", "create users", "add email", "170000 add age");
        assertThat(set.migrations().get(1).down().fileName()).isEqualTo("2022-04-26-153628_create_users/down.sql");
    }

    @Test
    void dieselsCommentOnlyInitialSetupIsANoOpMigrationNamedWithItsFolder() {
        MigrationSet set = MigrationLoader.load(resource("realistic-sets/diesel-placeholders"), Dialects.SQLITE);

        assertThat(texts(set)).containsExactly("00000000000000", "2022-04-26-153628");
        assertThat(set.migrations().get(0).up().isEmpty()).isTrue();
        assertThat(set.migrations().get(0).missingRollbackReason())
                .endsWith("is empty (00000000000000_diesel_initial_setup/down.sql)");
    }

    @Test
    void dieselVersionsAreFoundAsTypedWithOrWithoutDashes() {
        MigrationSet set = MigrationLoader.load(resource("realistic-sets/diesel-dates"), Dialects.SQLITE);

        assertThat(set.get(MigrationVersion.parse("2022-04-26-153628")).description()).isEqualTo("create users");
        assertThat(set.get(MigrationVersion.parse("20220426153628")).description()).isEqualTo("create users");
        assertThat(set.get(MigrationVersion.parse("00000000000000")).description()).isEqualTo("create settings");
    }

    @Test
    void pairedFilesPairByVersionWhateverTheirNames() {
        MigrationSet set = MigrationLoader.load(resource("realistic-sets/paired-by-version"), Dialects.SQLITE);

        assertThat(texts(set)).containsExactly("10", "30");
        Migration nickname = set.migrations().get(1);
        assertThat(nickname.description()).isEqualTo("add nickname");
        assertThat(nickname.up().file().getFileName()).hasToString("30_add_nickname.up.sql");
        assertThat(nickname.down().file().getFileName()).hasToString("30_drop_nickname.down.sql");
    }

    @Test
    void vPrefixedFilesWithADotBeforeTheNameArePairs() {
        MigrationSet set = MigrationLoader.load(resource("realistic-sets/v-prefix"), Dialects.SQLITE);

        assertThat(set.format()).isEqualTo(MigrationFormat.PAIRED_FILES);
        assertThat(texts(set)).containsExactly("1", "2");
        assertThat(set.migrations()).extracting(Migration::description).containsExactly("CreateUsers", "IndexUserNames");
        assertThat(set.migrations()).allMatch(Migration::hasRollback);
    }

    @ParameterizedTest
    @ValueSource(strings = {"sqlite", "postgres", "mariadb"})
    void popxTakesTheExactDialectElseTheGenericFileAndLeavesOtherDialectsOut(String engine) {
        Dialect dialect = Dialects.forName(engine);
        MigrationSet set = MigrationLoader.load(resource("realistic-sets/popx-dialects"), dialect);

        assertThat(texts(set)).containsExactly("20210410175418000000", "20210410175418000001",
                "20210410175418000002", "20210410175418000003");
        assertThat(files(set.migrations().get(0))).containsExactly("20210410175418000000_users.up.sql",
                "20210410175418000000_users.down.sql");
        Migration check = set.migrations().get(1);
        Migration nameIndex = set.migrations().get(2);
        Migration emailIndex = set.migrations().get(3);
        switch (engine) {
            case "sqlite" -> {
                assertThat(check.up().isEmpty()).isTrue();
                assertThat(files(nameIndex)).containsExactly("20210410175418000002_users_name_idx.up.sql",
                        "20210410175418000002_users_name_idx.sqlite3.down.sql");
                assertThat(files(emailIndex)).containsExactly("20210410175418000003_users_email_idx.up.sql",
                        "20210410175418000003_users_email_idx.down.sql");
                assertThat(emailIndex.up().transactional()).isTrue();
            }
            case "postgres" -> {
                assertThat(files(check)).containsExactly("20210410175418000001_users_name_check.postgres.up.sql",
                        "20210410175418000001_users_name_check.postgres.down.sql");
                assertThat(files(nameIndex)).containsExactly("20210410175418000002_users_name_idx.up.sql",
                        "20210410175418000002_users_name_idx.down.sql");
                assertThat(files(emailIndex)).containsExactly(
                        "20210410175418000003_users_email_idx.postgres.autocommit.up.sql",
                        "20210410175418000003_users_email_idx.postgres.autocommit.down.sql");
                assertThat(emailIndex.up().transactional()).isFalse();
                assertThat(emailIndex.down().transactional()).isFalse();
            }
            default -> {
                assertThat(check.up().isEmpty()).isTrue();
                assertThat(files(nameIndex)).containsExactly("20210410175418000002_users_name_idx.up.sql",
                        "20210410175418000002_users_name_idx.mysql.down.sql");
                assertThat(files(emailIndex)).containsExactly("20210410175418000003_users_email_idx.up.sql",
                        "20210410175418000003_users_email_idx.mysql.down.sql");
            }
        }
    }

    @Test
    void autocommitRunsOutsideATransactionEvenWhenEveryStatementCouldRunInOne() throws IOException {
        write("1_users.up.sql", "CREATE TABLE users (id INTEGER);\n");
        write("2_index.sqlite3.autocommit.up.sql", "CREATE INDEX users_id ON users (id);\n");
        write("2_index.down.sql", "DROP INDEX users_id;\n");

        MigrationSet set = MigrationLoader.load(dir, Dialects.SQLITE);

        assertThat(set.migrations().get(1).up().transactional()).isFalse();
        assertThat(set.migrations().get(1).down().transactional()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"sqlite3", "postgresql", "pg", "mariadb"})
    void dialectAliasesNameTheirDialectInEveryFormat(String alias) throws IOException {
        Dialect dialect = Dialects.forName(alias);
        Path paired = Files.createDirectories(dir.resolve("paired"));
        Files.writeString(paired.resolve("1_a.up.sql"), "SELECT 1;\n");
        Files.writeString(paired.resolve("1_a." + alias + ".up.sql"), "SELECT 2;\n");
        Path diesel = Files.createDirectories(dir.resolve("diesel/2024-01-01-000000_a"));
        Files.writeString(diesel.resolve("up.sql"), "SELECT 1;\n");
        Files.writeString(diesel.resolve("up." + alias + ".sql"), "SELECT 2;\n");
        Path flyway = Files.createDirectories(dir.resolve("flyway"));
        Files.writeString(flyway.resolve("V1__a.sql"), "SELECT 1;\n");
        Files.writeString(flyway.resolve("V1__a." + alias + ".sql"), "SELECT 2;\n");
        Path goose = Files.createDirectories(dir.resolve("goose"));
        Files.writeString(goose.resolve("1_a.sql"), "-- +goose Up\nSELECT 1;\n");
        Files.writeString(goose.resolve("1_a." + alias + ".sql"), "-- +goose Up\nSELECT 2;\n");

        for (Path set : List.of(paired, diesel.getParent(), flyway, goose)) {
            assertThat(MigrationLoader.load(set, dialect).migrations().get(0).up().statements().get(0).sql())
                    .as("%s in %s", alias, set.getFileName()).isEqualTo("SELECT 2");
        }
    }

    @Test
    void twoSpellingsOfOneDialectAreNotTwoMigrations() throws IOException {
        write("1_a.up.sql", "SELECT 1;\n");
        write("1_a.sqlite.up.sql", "SELECT 2;\n");
        write("1_a.sqlite3.up.sql", "SELECT 3;\n");

        RehearsalException error = catchThrowableOfType(() -> MigrationLoader.load(dir, Dialects.SQLITE),
                RehearsalException.class);

        assertThat(error.code()).isEqualTo(ErrorCode.DUPLICATE_VERSION);
        assertThat(error.getMessage()).contains("1_a.sqlite.up.sql and ").contains("1_a.sqlite3.up.sql are both the"
                + " sqlite up file of migration 1").contains("keep one of them").doesNotContain("renumber");
    }

    @Test
    void aDialectsFileWithAndWithoutAutocommitIsNamedAsSuch() throws IOException {
        write("1_a.up.sql", "SELECT 1;\n");
        write("1_a.postgres.up.sql", "SELECT 2;\n");
        write("1_a.postgres.autocommit.up.sql", "SELECT 3;\n");

        RehearsalException error = catchThrowableOfType(() -> MigrationLoader.load(dir, Dialects.POSTGRES),
                RehearsalException.class);

        assertThat(error.getMessage()).contains("are both the postgres up file of migration 1 (one of them with"
                + " .autocommit); keep one of them");
    }

    @Test
    void twoUpFilesOfOneVersionWithOtherNamesAreTwoMigrations() throws IOException {
        write("30_add_x.up.sql", "SELECT 1;\n");
        write("30_add_y.up.sql", "SELECT 2;\n");

        RehearsalException error = catchThrowableOfType(() -> MigrationLoader.load(dir, Dialects.SQLITE),
                RehearsalException.class);

        assertThat(error.getMessage()).contains("version 30 is claimed by both").contains("renumber one of them");
    }

    @Test
    void aMigrationOnlyCockroachHasIsNamedForTheTarget() throws IOException {
        write("1_a.up.sql", "SELECT 1;\n");
        write("2_b.cockroach.up.sql", "SELECT 2;\n");

        RehearsalException error = catchThrowableOfType(() -> MigrationLoader.load(dir, Dialects.SQLITE),
                RehearsalException.class);

        assertThat(error.getMessage()).contains("2_b.cockroach.up.sql: migration 2 has files only for cockroach,"
                + " and the target is sqlite");
    }

    private void write(String name, String text) throws IOException {
        Files.writeString(dir.resolve(name), text);
    }

    private static List<String> texts(MigrationSet set) {
        return set.versions().stream().map(MigrationVersion::text).toList();
    }

    private static List<String> files(Migration m) {
        return m.down() == null ? List.of(m.up().file().getFileName().toString())
                : List.of(m.up().file().getFileName().toString(), m.down().file().getFileName().toString());
    }
}
