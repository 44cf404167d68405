package dev.rehearsal.verification;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A row-count equation such as {@code media == pre.images + pre.docs}: sums of terms joined by
 * {@code +} and {@code -}, where a term is a table (counted now), {@code pre.<capture>} (the count
 * captured before the migration) or an integer literal.
 *
 * @param text the equation as written
 * @since 0.1
 */
public record CountEquation(String text, List<Term> left, List<Term> right) {

    /** What a term stands for. */
    public enum Operand { TABLE, CAPTURE, LITERAL }

    /**
     * One signed term.
     *
     * @param name the table or capture name; null for a literal
     */
    public record Term(boolean negative, Operand operand, String name, long literal) {
        /** {@code pre.images}, {@code media}, {@code 3}, without the sign. */
        public String text() {
            return operand == Operand.CAPTURE ? "pre." + name : operand == Operand.TABLE ? name : Long.toString(literal);
        }
    }

    public CountEquation {
        left = List.copyOf(left);
        right = List.copyOf(right);
    }

    /**
     * Parses an equation.
     *
     * @throws IllegalArgumentException saying at which character and what was expected
     */
    public static CountEquation parse(String text) {
        int split = text.indexOf("==");
        if (split < 0 || text.indexOf("==", split + 2) >= 0) {
            throw new IllegalArgumentException("expected exactly one '==' in '" + text
                    + "', e.g. media == pre.images + pre.docs");
        }
        return new CountEquation(text.strip(), side(text, 0, split), side(text, split + 2, text.length()));
    }

    /** The capture names the equation reads, in order. */
    public Set<String> captures() {
        Set<String> names = new LinkedHashSet<>();
        for (Term t : terms()) {
            if (t.operand() == Operand.CAPTURE) {
                names.add(t.name());
            }
        }
        return names;
    }

    List<Term> terms() {
        List<Term> all = new ArrayList<>(left);
        all.addAll(right);
        return all;
    }

    static String render(List<Term> side) {
        StringBuilder out = new StringBuilder();
        for (Term t : side) {
            if (out.length() > 0) {
                out.append(t.negative() ? " - " : " + ");
            } else if (t.negative()) {
                out.append('-');
            }
            out.append(t.text());
        }
        return out.toString();
    }

    private static List<Term> side(String text, int from, int to) {
        List<Term> terms = new ArrayList<>();
        boolean negative = false;
        boolean expectTerm = true;
        int i = from;
        while (i < to) {
            char ch = text.charAt(i);
            if (Character.isWhitespace(ch)) {
                i++;
            } else if (expectTerm && (ch == '+' || ch == '-') && terms.isEmpty() && !negative) {
                negative = ch == '-';
                i++;
            } else if (!expectTerm && (ch == '+' || ch == '-')) {
                negative = ch == '-';
                expectTerm = true;
                i++;
            } else if (expectTerm && Character.isDigit(ch)) {
                int end = scan(text, i, to, Character::isDigit);
                terms.add(new Term(negative, Operand.LITERAL, null, Long.parseLong(text.substring(i, end))));
                i = end;
                expectTerm = false;
            } else if (expectTerm && isNameStart(ch)) {
                int end = scan(text, i, to, c -> isNameStart((char) c) || Character.isDigit(c) || c == '.');
                terms.add(term(negative, text.substring(i, end), i));
                i = end;
                expectTerm = false;
            } else {
                throw new IllegalArgumentException("unexpected '" + ch + "' at character " + (i + 1) + " of '" + text
                        + "'; " + (expectTerm ? "expected a table, pre.<capture> or a number" : "expected + or -"));
            }
        }
        if (expectTerm) {
            throw new IllegalArgumentException("'" + text + "' has an empty or unfinished side at character "
                    + (to + 1) + "; write a table, pre.<capture> or a number on each side of ==");
        }
        return terms;
    }

    private static Term term(boolean negative, String word, int at) {
        if (word.startsWith("pre.")) {
            String capture = word.substring(4);
            if (capture.isEmpty() || capture.contains(".")) {
                throw new IllegalArgumentException("'" + word + "' at character " + (at + 1)
                        + " is not a capture reference; write pre.<capture name>");
            }
            return new Term(negative, Operand.CAPTURE, capture, 0);
        }
        return new Term(negative, Operand.TABLE, word, 0);
    }

    private static boolean isNameStart(char ch) {
        return Character.isLetter(ch) || ch == '_';
    }

    private static int scan(String text, int from, int to, java.util.function.IntPredicate part) {
        int end = from;
        while (end < to && part.test(text.charAt(end))) {
            end++;
        }
        return end;
    }

    @Override
    public String toString() {
        return render(left) + " == " + render(right);
    }
}
