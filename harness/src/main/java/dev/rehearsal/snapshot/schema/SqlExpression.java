package dev.rehearsal.snapshot.schema;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * An SQL expression as the catalog keeps it (a check, a partial-index predicate, a default, a
 * generated column), reduced to what it means for a comparison. SQLite keeps the text as the
 * migration wrote it, so {@code CHECK (IF(a>0,1,0))} and {@code check ( if(a > 0, 1, 0) )} are the same
 * constraint written twice: tokens outside string literals are case-folded, whitespace is dropped,
 * redundant parentheses (around the whole expression, doubled, around a single token, or around an
 * operand of AND/OR that holds no AND/OR of its own) are removed,
 * and a quoted identifier that needs no quotes loses them. String literals are kept as written.
 */
final class SqlExpression {
    private static final Pattern PLAIN_IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_$]*");
    private static final List<String> OPERATORS = List.of("->>", "<=>", "::", "<=", ">=", "<>", "!=", "||", "->", "==");

    private static final Set<String> BEFORE_OPERAND = Set.of("(", ",", "and", "or", "when", "then", "else");
    private static final Set<String> AFTER_OPERAND = Set.of(")", ",", "and", "or", "then", "else", "end");
    private static final Set<String> INSIDE_FORBIDDEN = Set.of("and", "or", "not", ",", "between", "case");

    private SqlExpression() {
    }

    /** Whether {@code a} and {@code b} are the same expression once normalized; two nulls are. */
    static boolean same(String a, String b) {
        return Objects.equals(a, b) || a != null && b != null && normalize(a).equals(normalize(b));
    }

    /** {@code ((A>0))} becomes {@code a > 0}; null stays null. */
    static String normalize(String expression) {
        if (expression == null) {
            return null;
        }
        List<String> tokens = tokens(expression);
        boolean changed = true;
        while (changed) {
            changed = false;
            for (int open = 0; open < tokens.size(); open++) {
                if (!tokens.get(open).equals("(")) {
                    continue;
                }
                int close = closing(tokens, open);
                if (close < 0) {
                    break;
                }
                boolean whole = open == 0 && close == tokens.size() - 1;
                boolean doubled = tokens.get(open + 1).equals("(") && closing(tokens, open + 1) == close - 1;
                boolean single = close == open + 2 && (open == 0 || !isWord(tokens.get(open - 1)));
                if (whole || doubled || single || operandOfConnective(tokens, open, close)) {
                    tokens.remove(close);
                    tokens.remove(open);
                    changed = true;
                    break;
                }
            }
        }
        return render(tokens);
    }

    /**
     * {@code (a >= 0) AND b}: parentheses around an operand of AND/OR (or a CASE branch, a function
     * argument) that holds no AND, OR, comma or subquery of its own: every other operator binds tighter.
     */
    private static boolean operandOfConnective(List<String> tokens, int open, int close) {
        String before = open == 0 ? "(" : tokens.get(open - 1);
        String after = close == tokens.size() - 1 ? ")" : tokens.get(close + 1);
        if (!BEFORE_OPERAND.contains(before) || !AFTER_OPERAND.contains(after)) {
            return false;
        }
        int depth = 0;
        for (int i = open + 1; i < close; i++) {
            String token = tokens.get(i);
            if (token.equals("(")) {
                depth++;
            } else if (token.equals(")")) {
                depth--;
            } else if (depth == 0 && INSIDE_FORBIDDEN.contains(token) || token.equals("select")) {
                return false;
            }
        }
        return true;
    }

    private static int closing(List<String> tokens, int open) {
        int depth = 0;
        for (int i = open; i < tokens.size(); i++) {
            if (tokens.get(i).equals("(")) {
                depth++;
            } else if (tokens.get(i).equals(")") && --depth == 0) {
                return i;
            }
        }
        return -1;
    }

    private static boolean isWord(String token) {
        char first = token.charAt(0);
        return Character.isLetter(first) || first == '_' || first == '"';
    }

    private static String render(List<String> tokens) {
        StringBuilder out = new StringBuilder();
        String previous = null;
        for (String token : tokens) {
            boolean tight = previous == null || previous.equals("(") || previous.equals(".") || previous.equals("::")
                    || token.equals(")") || token.equals(",") || token.equals(".") || token.equals("::")
                    || token.equals("(") && isWord(previous);
            if (!tight) {
                out.append(' ');
            }
            out.append(token);
            previous = token;
        }
        return out.toString();
    }

    /** Words and symbols case-folded; literals as written; quoted identifiers unquoted where they need no quotes. */
    private static List<String> tokens(String text) {
        List<String> tokens = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            char ch = text.charAt(i);
            if (Character.isWhitespace(ch)) {
                i++;
            } else if (ch == '\'') {
                int end = quoteEnd(text, i, '\'');
                tokens.add(text.substring(i, end));
                i = end;
            } else if (ch == '"' || ch == '`' || ch == '[') {
                int end = quoteEnd(text, i, ch == '[' ? ']' : ch);
                String inner = text.substring(i + 1, Math.max(i + 1, end - 1));
                tokens.add(PLAIN_IDENTIFIER.matcher(inner).matches() ? inner.toLowerCase(Locale.ROOT) : "\"" + inner + "\"");
                i = end;
            } else if (Character.isLetterOrDigit(ch) || ch == '_' || ch == '$') {
                int end = i;
                while (end < text.length() && (Character.isLetterOrDigit(text.charAt(end)) || text.charAt(end) == '_'
                        || text.charAt(end) == '$')) {
                    end++;
                }
                tokens.add(text.substring(i, end).toLowerCase(Locale.ROOT));
                i = end;
            } else {
                int at = i;
                String operator = OPERATORS.stream().filter(op -> text.startsWith(op, at)).findFirst().orElse(String.valueOf(ch));
                tokens.add(operator);
                i += operator.length();
            }
        }
        return tokens;
    }

    /** The index just past the quote closing the one at {@code start} (a doubled quote is an escaped one). */
    private static int quoteEnd(String text, int start, char close) {
        int i = start + 1;
        while (i < text.length()) {
            if (text.charAt(i) == close) {
                if (close != ']' && i + 1 < text.length() && text.charAt(i + 1) == close) {
                    i += 2;
                    continue;
                }
                return i + 1;
            }
            i++;
        }
        return text.length();
    }
}
