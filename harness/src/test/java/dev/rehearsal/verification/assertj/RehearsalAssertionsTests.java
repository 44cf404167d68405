package dev.rehearsal.verification.assertj;

import static dev.rehearsal.verification.assertj.RehearsalAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rehearsal.snapshot.diff.Diff;
import dev.rehearsal.snapshot.diff.Difference;
import dev.rehearsal.snapshot.schema.Column;
import dev.rehearsal.snapshot.schema.Index;
import dev.rehearsal.snapshot.schema.SchemaSnapshot;
import dev.rehearsal.snapshot.schema.Table;
import dev.rehearsal.verification.CheckResult;
import dev.rehearsal.verification.CheckResult.Status;
import dev.rehearsal.verification.Severity;
import dev.rehearsal.verification.SuiteResult;
import java.util.List;
import org.junit.jupiter.api.Test;

class RehearsalAssertionsTests {
    static final SchemaSnapshot SCHEMA = new SchemaSnapshot("sqlite", List.of(
            new Table("media", List.of(new Column("kind", 1, "VARCHAR(10)", false, null, null, null)), null,
                    List.of(), List.of(), List.of(), List.of(new Index("idx_media_owner", List.of("owner_id"), false, null))),
            new Table("users", List.of(), null, List.of(), List.of(), List.of(), List.of())),
            List.of(), List.of(), List.of(), List.of());

    @Test
    void schemaAssertionsPassOnWhatIsThere() {
        assertThat(SCHEMA).hasTable("media").hasTable("MEDIA").doesNotHaveTable("images")
                .hasColumn("media", "kind").hasIndex("media", "idx_media_owner").hasIndex("idx_media_owner");
    }

    @Test
    void schemaAssertionsSayWhatTheSchemaHas() {
        assertThatThrownBy(() -> assertThat(SCHEMA).hasTable("images"))
                .isInstanceOf(AssertionError.class)
                .hasMessage("Expected the schema to have table images, but it has: media, users");
        assertThatThrownBy(() -> assertThat(SCHEMA).doesNotHaveTable("users"))
                .hasMessage("Expected the schema not to have table users, but it does (0 columns)");
        assertThatThrownBy(() -> assertThat(SCHEMA).hasIndex("media", "idx_media_created"))
                .hasMessage("Expected table media to have index idx_media_created, but it has indexes: idx_media_owner");
        assertThatThrownBy(() -> assertThat(SCHEMA).hasIndex("users", "idx_users_email"))
                .hasMessage("Expected table users to have index idx_users_email, but it has no indexes");
        assertThatThrownBy(() -> assertThat(SCHEMA).hasIndex("idx_x"))
                .hasMessage("Expected the schema to have index idx_x, but it has: idx_media_owner on media");
        assertThatThrownBy(() -> assertThat(SCHEMA).hasColumn("media", "title"))
                .hasMessage("Expected table media to have column title, but it has: kind");
    }

    @Test
    void anEmptyDiffPassesAndAnyOtherFailsWithTheRenderedDiff() {
        assertThat(Diff.empty("before up", "after rollback")).isEmpty();
        Diff diff = new Diff("before up", "after rollback",
                List.of(new Difference.Removed("index", "idx_docs_owner on docs", "(owner_id) 100% sure")));

        assertThat(diff).isNotEmpty().hasDifferenceOn("idx_docs_owner on docs");
        assertThatThrownBy(() -> assertThat(diff).isEmpty()).hasMessage("""
                Expected no differences between before up and after rollback, but found 1:
                index idx_docs_owner on docs: missing after rollback (was (owner_id) 100% sure)""");
        assertThatThrownBy(() -> assertThat(Diff.empty("a", "b")).isNotEmpty())
                .hasMessage("Expected differences between a and b, but found none");
    }

    @Test
    void aSuiteResultPassesDespiteWarningsAndFailsWithEveryCheckListed() {
        CheckResult pass = new CheckResult("table_exists media", Severity.ERROR, Status.PASSED, "media exists");
        CheckResult warn = new CheckResult("row_count media min 1", Severity.WARNING, Status.WARNED,
                "media has 0 rows, expected at least 1");
        CheckResult fail = new CheckResult("no_orphans media", Severity.ERROR, Status.FAILED,
                "media(owner_id) -> users(id): 2 rows without a parent");

        assertThat(new SuiteResult("ok", List.of(pass, warn))).passed();
        assertThatThrownBy(() -> assertThat(new SuiteResult("ok", List.of(pass, warn))).passedWithoutWarnings())
                .hasMessageContaining("1 warned");
        assertThat(new SuiteResult("bad", List.of(pass, fail))).failed();
        assertThatThrownBy(() -> assertThat(new SuiteResult("bad", List.of(pass, warn, fail))).passed())
                .hasMessage("""
                        Expected suite bad to pass, but 1 check(s) failed:
                        suite bad: FAILED (1 passed, 1 failed, 1 warning)
                          PASS table_exists media: media exists
                          WARN row_count media min 1: media has 0 rows, expected at least 1
                          FAIL no_orphans media: media(owner_id) -> users(id): 2 rows without a parent""");
    }
}
