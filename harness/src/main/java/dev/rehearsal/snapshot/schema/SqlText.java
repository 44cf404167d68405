package dev.rehearsal.snapshot.schema;

/** Text normalizations shared by the readers, so catalog output compares equal across runs. */
final class SqlText {
    private SqlText() {
    }

    /** Collapses runs of whitespace outside quotes to one space, trims, drops a trailing semicolon. */
    static String whitespace(String sql) {
        if (sql == null) {
            return null;
        }
        StringBuilder out = new StringBuilder(sql.length());
        char quote = 0;
        boolean pendingSpace = false;
        for (int i = 0; i < sql.length(); i++) {
            char ch = sql.charAt(i);
            if (quote == 0 && Character.isWhitespace(ch)) {
                pendingSpace = out.length() > 0;
                continue;
            }
            if (pendingSpace) {
                out.append(' ');
                pendingSpace = false;
            }
            out.append(ch);
            if (quote == 0 && (ch == '\'' || ch == '"' || ch == '`')) {
                quote = ch;
            } else if (ch == quote) {
                quote = 0;
            }
        }
        String result = out.toString();
        while (result.endsWith(";")) {
            result = result.substring(0, result.length() - 1).stripTrailing();
        }
        return result;
    }

    /** {@code ((a > 0))} becomes {@code a > 0}; {@code (a) + (b)} stays as it is. */
    static String stripOuterParentheses(String expression) {
        if (expression == null) {
            return null;
        }
        String text = expression.strip();
        while (text.startsWith("(") && closingParenthesis(text, 0) == text.length() - 1) {
            text = text.substring(1, text.length() - 1).strip();
        }
        return text;
    }

    /** The index of the parenthesis closing the one at {@code open}, skipping quoted text; -1 if none. */
    static int closingParenthesis(String text, int open) {
        int depth = 0;
        char quote = 0;
        for (int i = open; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (quote != 0) {
                if (ch == quote) {
                    quote = 0;
                }
            } else if (ch == '\'' || ch == '"' || ch == '`' || ch == '[') {
                quote = ch == '[' ? ']' : ch;
            } else if (ch == '(') {
                depth++;
            } else if (ch == ')' && --depth == 0) {
                return i;
            }
        }
        return -1;
    }

    /** {@code "docs"}, {@code `docs`} and {@code [docs]} all become {@code docs}. */
    static String unquote(String identifier) {
        String text = identifier.strip();
        if (text.length() >= 2) {
            char first = text.charAt(0);
            char last = text.charAt(text.length() - 1);
            if ((first == '"' && last == '"') || (first == '`' && last == '`') || (first == '[' && last == ']')) {
                return text.substring(1, text.length() - 1);
            }
        }
        return text;
    }
}
