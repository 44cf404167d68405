package dev.rehearsal.report.findings;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rehearsal.report.model.Finding;
import dev.rehearsal.report.model.Severity;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqlFindingsTests {
    @TempDir
    Path dir;

    private void write(String name, String sql) throws IOException {
        Files.writeString(dir.resolve(name), sql);
    }

    private List<Finding> find(String kind, String... targets) {
        return SqlFindings.find(dir, List.of(targets), Set.of()).stream().filter(f -> f.kind().equals(kind)).toList();
    }

    @Test
    void destructiveStatementsInAnUpWithoutBackupAreFoundAtTheirLine() throws IOException {
        write("1_cleanup.up.sql", """
                CREATE TABLE keep (id INT);
                DROP TABLE legacy;
                -- a comment with DROP TABLE inside is not a statement
                ALTER TABLE users DROP COLUMN nickname;
                TRUNCATE audit;
                DELETE FROM sessions;
                DELETE FROM tokens WHERE expired = 1;
                UPDATE users SET active = 0;
                ALTER TABLE users ALTER COLUMN email TYPE varchar(80);
                ALTER TABLE users DROP CONSTRAINT users_email_key;
                """);
        write("1_cleanup.down.sql", "DROP TABLE keep;\n");

        List<Finding> found = find("destructive", "postgres");

        assertThat(found).extracting(Finding::location).containsExactly("1_cleanup.up.sql:2", "1_cleanup.up.sql:4",
                "1_cleanup.up.sql:5", "1_cleanup.up.sql:6", "1_cleanup.up.sql:8", "1_cleanup.up.sql:9");
        assertThat(found).extracting(Finding::message).allMatch(m -> m.contains("no verified backup restore"));
        assertThat(found.get(4).message()).contains("UPDATE without WHERE");
        assertThat(found.get(5).message()).contains("changes a column's type");
        assertThat(found).extracting(Finding::severity).containsOnly(Severity.WARNING);
        assertThat(found.get(0).migration()).isEqualTo("1 cleanup");
    }

    @Test
    void mariaDbModifyIsATypeChangeAndAVerifiedBackupMakesDestructionInformational() throws IOException {
        write("2_narrow.up.sql", "ALTER TABLE users MODIFY email VARCHAR(80) NOT NULL;\n");
        write("2_narrow.down.sql", "ALTER TABLE users MODIFY email VARCHAR(255) NOT NULL;\n");

        assertThat(find("destructive", "mariadb")).extracting(Finding::severity).containsExactly(Severity.WARNING);
        List<Finding> covered = SqlFindings.find(dir, List.of("mariadb"), Set.of("002")).stream()
                .filter(f -> f.kind().equals("destructive")).toList();
        assertThat(covered).extracting(Finding::severity).containsExactly(Severity.INFO);
    }

    @Test
    void aMissingAndAnEmptyDownAreFound() throws IOException {
        write("1_a.up.sql", "CREATE TABLE a (id INT);\n");
        write("2_b.up.sql", "CREATE TABLE b (id INT);\n");
        write("2_b.down.sql", "-- nothing to undo\n");

        List<Finding> found = find("missing-down", "sqlite");

        assertThat(found).extracting(Finding::location).containsExactly("1_a.up.sql", "2_b.down.sql:1");
        assertThat(found.get(0).message()).contains("has no down script");
        assertThat(found.get(1).message()).contains("is empty");
    }

    @Test
    void aDownThatNeverDropsWhatTheUpCreatedIsFoundByName() throws IOException {
        write("1_posts.up.sql", """
                CREATE TABLE posts (id INT PRIMARY KEY, title TEXT);
                CREATE INDEX idx_posts_title ON posts (title);
                CREATE TABLE "tags" (id INT);
                ALTER TABLE users ADD COLUMN bio TEXT;
                ALTER TABLE users ADD COLUMN avatar TEXT;
                CREATE UNIQUE INDEX idx_users_bio ON users (bio);
                """);
        write("1_posts.down.sql", """
                DROP INDEX idx_users_bio;
                ALTER TABLE users DROP COLUMN avatar;
                DROP TABLE posts;
                """);

        List<Finding> found = find("unmirrored-down", "sqlite");

        assertThat(found).extracting(Finding::location).containsExactly("1_posts.up.sql:3", "1_posts.up.sql:4");
        assertThat(found.get(0).message()).contains("creates table tags and the down script never drops it");
        assertThat(found.get(1).message()).contains("column users.bio");
    }

    @Test
    void statementsThatCannotRunInATransactionAreFound() throws IOException {
        write("1_idx.up.sql", """
                CREATE TABLE t (id INT);

                CREATE INDEX CONCURRENTLY idx_t ON t (id);
                """);
        write("1_idx.down.sql", "DROP TABLE t;\n");

        List<Finding> found = find("non-transactional", "postgres");

        assertThat(found).extracting(Finding::location).containsExactly("1_idx.up.sql:3");
    }

    @Test
    void scriptsThatManageTheirOwnTransactionAreFound() throws IOException {
        write("1_t.up.sql", "-- by hand\nBEGIN;\nCREATE TABLE t (id INT);\nCOMMIT;\n");
        write("1_t.down.sql", "DROP TABLE t;\n");

        List<Finding> found = find("own-transaction", "sqlite");

        assertThat(found).extracting(Finding::location).containsExactly("1_t.up.sql:2");
        assertThat(found.get(0).message()).startsWith("the script manages its own transaction (BEGIN at 1_t.up.sql:2)");
    }

    @Test
    void ddlCommitsImplicitlyOnlyForMariaDbTargets() throws IOException {
        write("1_t.up.sql", "INSERT INTO log VALUES (1);\nCREATE TABLE t (id INT);\nCREATE TABLE u (id INT);\n");
        write("1_t.down.sql", "DROP TABLE u;\nDROP TABLE t;\n");

        assertThat(find("implicit-commit", "sqlite", "postgres")).isEmpty();
        List<Finding> found = find("implicit-commit", "sqlite", "mariadb");
        assertThat(found).extracting(Finding::location).containsExactly("1_t.down.sql:1", "1_t.up.sql:2");
        // CREATE TABLE u is the last statement: nothing after it can fail, so only CREATE TABLE t counts.
        assertThat(found.get(1).message()).startsWith("1 DDL statement commits implicitly on MariaDB before the"
                + " statements after it");
    }

    @Test
    void aScriptWhoseOnlyDdlIsItsLastStatementHasNoImplicitCommitFinding() throws IOException {
        write("1_t.up.sql", "CREATE TABLE later (id INTEGER PRIMARY KEY);\n");
        write("1_t.down.sql", "DELETE FROM later_log;\nDROP TABLE later;\n");

        assertThat(find("implicit-commit", "mariadb")).isEmpty();
    }

    @Test
    void aDirectoryThatCannotBeReadIsOneFindingNotAnException() {
        List<Finding> found = SqlFindings.find(dir.resolve("missing"), List.of("sqlite"), Set.of());

        assertThat(found).singleElement().satisfies(f -> {
            assertThat(f.kind()).isEqualTo("unreadable");
            assertThat(f.message()).contains("no such directory");
        });
    }
}
