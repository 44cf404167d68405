package dev.rehearsal.migration.sql;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

class StatementSplitterPropertyTests {
    private static final String TRICKY_CHARS = "ab ;;'\"`$*/-#\\\n";

    /** How a piece of text is wrapped so that none of its characters may end a statement. */
    enum Wrapper { SINGLE_QUOTES, DOUBLE_QUOTES, BACKTICKS, DOLLAR_QUOTES, BLOCK_COMMENT, LINE_COMMENT, HASH_COMMENT }

    record Script(SqlSyntax syntax, List<String> statements) {
    }

    @Property
    void statementsJoinedWithSemicolonsSplitBackIdentical(@ForAll("scripts") Script script) {
        StringBuilder text = new StringBuilder();
        List<Integer> offsets = new ArrayList<>();
        for (String statement : script.statements()) {
            if (text.length() > 0) {
                text.append(";\n");
            }
            offsets.add(text.length());
            text.append(statement);
        }

        List<SqlStatement> split = new StatementSplitter(script.syntax()).split(text.toString(), "p.sql", 1);

        assertThat(split).extracting(SqlStatement::sql).containsExactlyElementsOf(script.statements());
        for (int i = 0; i < split.size(); i++) {
            String before = text.substring(0, offsets.get(i));
            assertThat(split.get(i).line()).isEqualTo(1 + (int) before.chars().filter(c -> c == '\n').count());
            assertThat(split.get(i).column()).isEqualTo(offsets.get(i) - before.lastIndexOf('\n'));
        }
    }

    @Property
    void noSplitHappensInsideQuotedTextOrComments(
            @ForAll("syntaxes") SqlSyntax syntax,
            @ForAll Wrapper wrapper,
            @ForAll("trickyText") String text,
            @ForAll @IntRange(min = 1, max = 4) int copies) {
        String wrapped = wrap(syntax, wrapper, text);
        Assume.that(wrapped != null);
        String statement = "SELECT 1 " + wrapped + " FROM t";

        List<SqlStatement> split = new StatementSplitter(syntax)
                .split(String.join(";\n", java.util.Collections.nCopies(copies, statement)) + ";", "p.sql", 1);

        assertThat(split).hasSize(copies).extracting(SqlStatement::sql).containsOnly(statement);
    }

    @Provide
    Arbitrary<SqlSyntax> syntaxes() {
        return Arbitraries.of(SqlSyntax.SQLITE, SqlSyntax.POSTGRES, SqlSyntax.MYSQL, SqlSyntax.GENERIC);
    }

    @Provide
    Arbitrary<String> trickyText() {
        return Arbitraries.strings().withChars(TRICKY_CHARS).ofMaxLength(16);
    }

    @Provide
    Arbitrary<Script> scripts() {
        return syntaxes().flatMap(syntax -> statement(syntax).list().ofMinSize(1).ofMaxSize(6)
                .map(statements -> new Script(syntax, statements)));
    }

    private Arbitrary<String> statement(SqlSyntax syntax) {
        Arbitrary<String> words = Arbitraries.of("SELECT", "x", "t1", "42", "a_b", "FROM", "(1)");
        List<Arbitrary<String>> pieces = new ArrayList<>();
        pieces.add(words);
        for (Wrapper wrapper : Wrapper.values()) {
            Arbitrary<String> wrapped = trickyText().map(text -> wrap(syntax, wrapper, text)).filter(w -> w != null);
            if (wrap(syntax, wrapper, "") != null) {
                pieces.add(wrapped);
            }
        }
        return Combinators.combine(words, Arbitraries.oneOf(pieces).list().ofMaxSize(6), words)
                .as((first, middle, last) -> {
                    List<String> all = new ArrayList<>();
                    all.add(first);
                    all.addAll(middle);
                    all.add(last);
                    return String.join(" ", all);
                });
    }

    /** The text wrapped so the syntax reads it as one literal or comment, or null where it cannot be. */
    static String wrap(SqlSyntax syntax, Wrapper wrapper, String text) {
        String escaped = syntax.backslashEscapes() ? text.replace("\\", "\\\\") : text;
        switch (wrapper) {
            case SINGLE_QUOTES:
                // MySQL gets its backslash escape, the others the standard doubled quote
                return "'" + escaped.replace("'", syntax.backslashEscapes() ? "\\'" : "''") + "'";
            case DOUBLE_QUOTES:
                return "\"" + escaped.replace("\"", "\"\"") + "\"";
            case BACKTICKS:
                return syntax.backtickQuotes() ? "`" + text.replace("`", "``") + "`" : null;
            case DOLLAR_QUOTES:
                String quoted = "$q$" + text + "$q$";
                return syntax.dollarQuotes() && quoted.indexOf("$q$", 3) == quoted.length() - 3 ? quoted : null;
            case BLOCK_COMMENT:
                return "/* " + text.replace("*/", "* /").replace("/*", "/ *") + " */";
            case LINE_COMMENT:
                return "-- " + text.replace('\n', ' ') + "\n";
            case HASH_COMMENT:
                return syntax.mysqlComments() ? "# " + text.replace('\n', ' ') + "\n" : null;
            default:
                throw new IllegalArgumentException(wrapper.name());
        }
    }
}
