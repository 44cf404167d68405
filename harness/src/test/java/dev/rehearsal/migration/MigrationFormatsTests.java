package dev.rehearsal.migration;

import static dev.rehearsal.migration.MigrationResources.resource;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rehearsal.database.Dialects;
import dev.rehearsal.migration.sql.SqlStatement;
import java.util.List;
import org.junit.jupiter.api.Test;

/** One directory per format under {@code formats/}: what each convention's files load into. */
class MigrationFormatsTests {

    @Test
    void sqlMigrateFilesLoadWithSectionsNoTransactionAndMissingOrEmptyDowns() {
        MigrationSet set = MigrationLoader.load(resource("formats/sql-migrate"), Dialects.SQLITE);

        assertThat(set.format()).isEqualTo(MigrationFormat.SQL_MIGRATE);
        assertThat(texts(set)).containsExactly("1", "2", "10");
        assertThat(set.migrations()).extracting(Migration::description)
                .containsExactly("create users", "add user emails", "seed");

        Migration users = set.migrations().get(0);
        assertThat(users.up().firstLine()).isEqualTo(2);
        assertThat(lines(users.up())).containsExactly(2, 3);
        assertThat(users.up().transactional()).isTrue();
        assertThat(lines(users.down())).containsExactly(6);
        assertThat(users.hasRollback()).isTrue();

        Migration emails = set.migrations().get(1);
        assertThat(lines(emails.up())).containsExactly(2, 4);
        assertThat(emails.up().statements().get(1).sql()).startsWith("CREATE TRIGGER").contains("lower(email)");
        assertThat(emails.up().sql()).contains("-- +migrate StatementBegin");
        assertThat(emails.up().transactional()).isFalse();
        assertThat(emails.down()).isNull();
        assertThat(emails.hasRollback()).isFalse();
        assertThat(emails.missingRollbackReason()).contains("has no down script");

        Migration seed = set.migrations().get(2);
        assertThat(seed.up().firstLine()).isEqualTo(3);
        assertThat(lines(seed.up())).containsExactly(3, 4);
        assertThat(seed.down()).isNotNull();
        assertThat(seed.down().isEmpty()).isTrue();
        assertThat(seed.down().firstLine()).isEqualTo(6);
        assertThat(seed.hasRollback()).isFalse();
        assertThat(seed.missingRollbackReason()).contains("is empty").contains("10_seed.sql");
    }

    @Test
    void gooseNoTransactionAppliesToBothDirections() {
        MigrationSet set = MigrationLoader.load(resource("formats/goose"), Dialects.SQLITE);

        assertThat(set.format()).isEqualTo(MigrationFormat.GOOSE);
        assertThat(texts(set)).containsExactly("00001", "00002", "00003");
        assertThat(set.migrations()).extracting(Migration::description)
                .containsExactly("create users", "add index", "seed");

        Migration users = set.migrations().get(0);
        assertThat(lines(users.up())).containsExactly(2, 4);
        assertThat(users.up().transactional()).isTrue();
        assertThat(lines(users.down())).containsExactly(11);
        assertThat(users.down().transactional()).isTrue();

        Migration index = set.migrations().get(1);
        assertThat(lines(index.up())).containsExactly(3);
        assertThat(index.up().transactional()).isFalse();
        assertThat(lines(index.down())).containsExactly(6);
        assertThat(index.down().transactional()).isFalse();

        Migration seed = set.migrations().get(2);
        assertThat(seed.up().statements()).hasSize(1);
        assertThat(seed.down()).isNull();
        assertThat(seed.hasRollback()).isFalse();
    }

    @Test
    void dbmateTransactionOptionAppliesToItsSectionOnly() {
        MigrationSet set = MigrationLoader.load(resource("formats/dbmate"), Dialects.SQLITE);

        assertThat(set.format()).isEqualTo(MigrationFormat.DBMATE);
        assertThat(texts(set)).containsExactly("20240101120000", "20240102120000", "20240103120000");

        Migration users = set.migrations().get(0);
        assertThat(lines(users.up())).containsExactly(2);
        assertThat(lines(users.down())).containsExactly(5);

        Migration index = set.migrations().get(1);
        assertThat(lines(index.up())).containsExactly(2, 3);
        assertThat(index.up().transactional()).isFalse();
        assertThat(lines(index.down())).containsExactly(6, 7);
        assertThat(index.down().transactional()).isTrue();

        Migration seed = set.migrations().get(2);
        assertThat(seed.down().isEmpty()).isTrue();
        assertThat(seed.hasRollback()).isFalse();
    }

    @Test
    void pairedFilesLoadUpAndOptionalDown() {
        MigrationSet set = MigrationLoader.load(resource("formats/paired"), Dialects.SQLITE);

        assertThat(set.format()).isEqualTo(MigrationFormat.PAIRED_FILES);
        assertThat(texts(set)).containsExactly("1", "2", "10");
        assertThat(set.migrations()).extracting(Migration::description)
                .containsExactly("create users", "add email", "seed");

        Migration users = set.migrations().get(0);
        assertThat(users.up().file().getFileName()).hasToString("1_create_users.up.sql");
        assertThat(users.up().firstLine()).isEqualTo(1);
        assertThat(lines(users.up())).containsExactly(1, 2);
        assertThat(users.down().file().getFileName()).hasToString("1_create_users.down.sql");
        assertThat(users.hasRollback()).isTrue();

        Migration email = set.migrations().get(1);
        assertThat(lines(email.up())).containsExactly(2);
        assertThat(email.down()).isNull();

        Migration seed = set.migrations().get(2);
        assertThat(seed.down().isEmpty()).isTrue();
        assertThat(seed.hasRollback()).isFalse();
    }

    @Test
    void dieselFoldersCompareVersionsWithoutDashesAndReadMetadata() {
        MigrationSet set = MigrationLoader.load(resource("formats/diesel"), Dialects.SQLITE);

        assertThat(set.format()).isEqualTo(MigrationFormat.DIESEL);
        assertThat(texts(set)).containsExactly("2024-01-01-120000", "2024-01-02-120000", "2024-01-03-120000");
        assertThat(set.find(MigrationVersion.parse("20240102120000"))).isPresent();
        assertThat(set.migrations()).extracting(Migration::description)
                .containsExactly("create users", "add index", "seed");

        Migration users = set.migrations().get(0);
        assertThat(users.up().file().getFileName()).hasToString("up.sql");
        assertThat(users.hasRollback()).isTrue();
        assertThat(users.up().transactional()).isTrue();

        Migration index = set.migrations().get(1);
        assertThat(index.up().transactional()).isFalse();
        assertThat(index.down()).isNull();

        Migration seed = set.migrations().get(2);
        assertThat(seed.down().isEmpty()).isTrue();
    }

    @Test
    void flywayVersionsWithUnderscoresAndDotsOrderNumericallyAndUndoIsTheDown() {
        MigrationSet set = MigrationLoader.load(resource("formats/flyway"), Dialects.SQLITE);

        assertThat(set.format()).isEqualTo(MigrationFormat.FLYWAY);
        assertThat(texts(set)).containsExactly("1", "1_1", "1.10");
        assertThat(set.migrations()).extracting(Migration::description)
                .containsExactly("create users", "add index", "seed users");

        Migration users = set.migrations().get(0);
        assertThat(users.down().file().getFileName()).hasToString("U1__create_users.sql");
        assertThat(users.hasRollback()).isTrue();

        Migration index = set.migrations().get(1);
        assertThat(index.up().file().getFileName()).hasToString("V1_1__add_index.sql");
        assertThat(index.up().transactional()).as("executeInTransaction=false in the .conf").isFalse();
        assertThat(index.down()).isNull();

        Migration seed = set.migrations().get(2);
        assertThat(lines(seed.up())).containsExactly(1, 2);
        assertThat(seed.down().isEmpty()).isTrue();
    }

    @Test
    void flywayDialectVariantInheritsTheGenericConf() {
        Migration index = MigrationLoader.load(resource("formats/flyway"), Dialects.POSTGRES)
                .get(MigrationVersion.parse("1.1"));

        assertThat(index.up().file().getFileName()).hasToString("V1_1__add_index.postgres.sql");
        assertThat(index.up().statements().get(0).sql()).contains("CONCURRENTLY");
        assertThat(index.up().transactional()).isFalse();
    }

    static List<String> texts(MigrationSet set) {
        return set.versions().stream().map(MigrationVersion::text).toList();
    }

    static List<Integer> lines(MigrationScript script) {
        return script.statements().stream().map(SqlStatement::line).toList();
    }
}
