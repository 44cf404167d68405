package dev.rehearsal.snapshot.schema;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextChangeTests {

    @Test
    void showsOnlyTheChangedStretchWithWholeWordsAround() {
        String before = "CREATE FUNCTION f() RETURNS trigger AS $$ begin new.updated_at := now(); return new; end $$"
                + " LANGUAGE plpgsql";
        String after = before.replace("now()", "clock_timestamp()");

        assertThat(TextChange.excerpt(before, "before up", after, "after rollback"))
                .isEqualTo("...begin new.updated_at := now(); return new; end $$... before up,"
                        + " ...begin new.updated_at := clock_timestamp(); return new; end $$... after rollback");
    }

    @Test
    void cutsALongChange() {
        String before = "begin " + "a".repeat(200) + " end";
        String after = "begin " + "b".repeat(200) + " end";

        assertThat(TextChange.excerpt(before, "before", after, "after"))
                .isEqualTo("begin " + "a".repeat(80) + "... before, begin " + "b".repeat(80) + "... after");
    }

    @Test
    void aMissingTextIsShownAsNone() {
        assertThat(TextChange.excerpt(null, "before", "x", "after")).isEqualTo("none before, x after");
    }
}
