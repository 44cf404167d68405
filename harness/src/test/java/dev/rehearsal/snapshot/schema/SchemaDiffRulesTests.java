package dev.rehearsal.snapshot.schema;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rehearsal.snapshot.diff.Diff;
import dev.rehearsal.snapshot.diff.Difference;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The differ's rules on hand-built snapshots: what counts as one difference, and how it reads. */
class SchemaDiffRulesTests {

    private static Column column(String name, int position, String type) {
        return new Column(name, position, type, true, null, null, null);
    }

    private static Table table(String name, Column... columns) {
        return new Table(name, List.of(columns), null, List.of(), List.of(), List.of(), List.of());
    }

    private static SchemaSnapshot snapshot(Table... tables) {
        return new SchemaSnapshot("sqlite", List.of(tables), List.of(), List.of(), List.of(), List.of());
    }

    private static Diff compare(SchemaSnapshot before, SchemaSnapshot after) {
        return SchemaDiffer.compare(before, after, "before up", "after rollback");
    }

    @Test
    void changedColumnTypeNamesTheTypeOnBothSides() {
        Diff diff = compare(snapshot(table("docs", column("title", 1, "VARCHAR(100)"))),
                snapshot(table("docs", column("title", 1, "TEXT"))));

        assertThat(diff.render()).isEqualTo("column docs.title: type VARCHAR(100) before up, TEXT after rollback");
        assertThat(diff.differences()).singleElement().isEqualTo(new Difference.Changed("column", "docs.title",
                "VARCHAR(100)", "TEXT", "type VARCHAR(100) before up, TEXT after rollback"));
    }

    @Test
    void droppingAColumnDoesNotMoveTheColumnsAfterIt() {
        Diff diff = compare(snapshot(table("docs", column("id", 1, "INT"), column("body", 2, "TEXT"), column("title", 3, "TEXT"))),
                snapshot(table("docs", column("id", 1, "INT"), column("title", 2, "TEXT"))));

        assertThat(diff.render()).isEqualTo("column docs.body: missing after rollback (was TEXT)");
    }

    @Test
    void aRemovedTableIsOneLineNotOnePerColumn() {
        Diff diff = compare(snapshot(table("docs", column("id", 1, "INT"), column("title", 2, "TEXT")), table("tags")),
                snapshot(table("tags")));

        assertThat(diff.differences()).containsExactly(new Difference.Removed("table", "docs", "id, title"));
    }

    @Test
    void severalChangedAttributesOfOneColumnShareOneLine() {
        Diff diff = compare(snapshot(table("docs", new Column("title", 1, "TEXT", true, null, null, null))),
                snapshot(table("docs", new Column("title", 1, "TEXT", false, "'x'", null, null))));

        assertThat(diff.render()).isEqualTo("column docs.title: nullability NULL before up, NOT NULL after rollback;"
                + " default none before up, 'x' after rollback");
    }

    @Test
    void listsAreSortedSoInputOrderDoesNotMatter() {
        Table docs = table("docs", column("title", 2, "TEXT"), column("id", 1, "INT"));
        SchemaSnapshot one = snapshot(docs, table("tags"));
        SchemaSnapshot other = snapshot(table("tags"), table("docs", column("id", 1, "INT"), column("title", 2, "TEXT")));

        assertThat(one).isEqualTo(other);
        assertThat(one.tables()).extracting(Table::name).containsExactly("docs", "tags");
        assertThat(docs.columns()).extracting(Column::name).containsExactly("id", "title");
        assertThat(compare(one, other).isEmpty()).isTrue();
    }

    @Test
    void droppingOneOfTwoIdenticalUnnamedChecksIsADifference() {
        Table twice = new Table("c", List.of(column("n", 1, "INT")), null, List.of(), List.of(),
                List.of(new CheckConstraint(null, "n > 0"), new CheckConstraint(null, "n > 0")), List.of());
        Table once = new Table("c", List.of(column("n", 1, "INT")), null, List.of(), List.of(),
                List.of(new CheckConstraint(null, "n > 0")), List.of());

        assertThat(compare(snapshot(twice), snapshot(once)).render())
                .isEqualTo("check constraint (n > 0) on c: missing after rollback (was n > 0)");
        assertThat(compare(snapshot(twice), snapshot(twice)).isEmpty()).isTrue();
    }

    @Test
    void aSnapshotThatIsNotJsonIsReportedWithWhereItBroke() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> SchemaSnapshot.fromJson("{\"dialect\": \"sqlite\",\n \"tables\": 3}"))
                .isInstanceOf(dev.rehearsal.RehearsalException.class)
                .hasMessageContaining("line 2");
    }
}
