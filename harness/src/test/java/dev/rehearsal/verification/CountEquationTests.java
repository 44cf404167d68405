package dev.rehearsal.verification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rehearsal.verification.CountEquation.Operand;
import dev.rehearsal.verification.CountEquation.Term;
import org.junit.jupiter.api.Test;

class CountEquationTests {

    @Test
    void parsesTablesCapturesLiteralsAndSigns() {
        CountEquation equation = CountEquation.parse("media - 2 == pre.images + pre.docs - pre.deleted");

        assertThat(equation.left()).containsExactly(new Term(false, Operand.TABLE, "media", 0),
                new Term(true, Operand.LITERAL, null, 2));
        assertThat(equation.right()).extracting(Term::text, Term::negative)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("pre.images", false),
                        org.assertj.core.groups.Tuple.tuple("pre.docs", false),
                        org.assertj.core.groups.Tuple.tuple("pre.deleted", true));
        assertThat(equation.captures()).containsExactly("images", "docs", "deleted");
        assertThat(equation).hasToString("media - 2 == pre.images + pre.docs - pre.deleted");
    }

    @Test
    void aLeadingMinusAndTightSpacingParse() {
        CountEquation equation = CountEquation.parse("-3+media==pre.x");

        assertThat(equation.left()).extracting(Term::negative).containsExactly(true, false);
        assertThat(equation).hasToString("-3 + media == pre.x");
    }

    @Test
    void malformedEquationsSayWhere() {
        assertThatThrownBy(() -> CountEquation.parse("media = pre.images"))
                .hasMessageContaining("expected exactly one '=='");
        assertThatThrownBy(() -> CountEquation.parse("media == pre.images * 2"))
                .hasMessage("unexpected '*' at character 21 of 'media == pre.images * 2'; expected + or -");
        assertThatThrownBy(() -> CountEquation.parse("media == pre.images +"))
                .hasMessageContaining("empty or unfinished side");
        assertThatThrownBy(() -> CountEquation.parse("== pre.images")).hasMessageContaining("empty or unfinished side");
        assertThatThrownBy(() -> CountEquation.parse("media == pre."))
                .hasMessageContaining("'pre.' at character 10 is not a capture reference");
        assertThatThrownBy(() -> CountEquation.parse("media media == 1")).hasMessageContaining("expected + or -");
    }
}
